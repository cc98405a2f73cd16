#pragma once

#include "Actor.hpp"
#include "CryptoRecord.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace asicledger {

class Ledger;

// The venues where BTC is sold for fiat, with the flag that says whether a domestic entity may
// use them (AIFC licence). Reference data: administrators keep it, everyone reads it.
class CryptoVenues
{
public:
    explicit CryptoVenues(Ledger& ledger) : m_ledger(ledger) {}

    Venue add(const Actor& actor, std::string_view name, bool aifcLicensed);
    // Records a change of licence (granted or withdrawn). Conversions already recorded keep the
    // flag they were recorded under; the reconciliation flags those that now look unlawful.
    Venue setAifcLicensed(const Actor& actor, std::string_view name, bool aifcLicensed);

    std::vector<Venue> list();
    std::optional<Venue> find(std::string_view name);
    // Throws NotFound naming the venues that do exist.
    Venue require(std::string_view name);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
