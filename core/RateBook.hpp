#pragma once

#include "Actor.hpp"
#include "CalendarDate.hpp"
#include "RateTables.hpp"

#include <optional>
#include <string>

namespace asicledger {

class Ledger;

// An administrator's changes to the reference tables: base rates (and confirming the shipped
// history against the National Bank's page), VAT rates, and the early-exit policy. Each change is
// journalled; quotes made before it keep the figures they showed.
class RateBook
{
public:
    explicit RateBook(Ledger& ledger) : m_ledger(ledger) {}

    // Adds the rate in force from `from`, or corrects the row already there. `percent` as written:
    // "16.50". Refuses negative or absurd rates.
    void setBaseRate(const Actor& actor, Date from, const std::string& percent,
                     const std::string& note = {});
    // Marks rows as checked against the National Bank's page: one date, or all when empty.
    std::size_t confirmBaseRates(const Actor& actor, std::optional<Date> from);
    void setVatRate(const Actor& actor, Date from, const std::string& percent);
    void setExitPolicy(const Actor& actor, const ExitPolicyTerms& terms);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
