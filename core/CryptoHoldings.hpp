#pragma once

#include "CryptoRecord.hpp"

#include <cstdint>
#include <vector>

namespace asicledger {

class Ledger;

// BTC one entity holds of one domestic entity's coins at the end of a day. A domestic entity
// holds its own coins (source = holder); an overseas entity holds coins per domestic entity that
// sent them, so what it sells is attributed to the right one.
struct CryptoHolding
{
    Entity holder;
    Entity source;
    Satoshi held;
};

// Fiat an overseas entity has raised from a domestic entity's coins (net of venue fees) and not
// yet remitted to it, at the end of a day.
struct UnremittedProceeds
{
    Entity overseas;
    Entity domestic;
    std::string currency;
    int currencyDigits = 2;
    std::int64_t outstandingMinor = 0;
};

// Balances as of a day, counting every record dated on or before it. Reads only.
class CryptoHoldings
{
public:
    explicit CryptoHoldings(Ledger& ledger) : m_ledger(ledger) {}

    // Every holding that any record up to `date` touched (zero ones too), by holder then source.
    std::vector<CryptoHolding> asOf(const Date& date);
    // All coins an entity holds, whoever mined them.
    Satoshi heldBy(std::int64_t entityId, const Date& date);
    // Every (overseas, domestic, currency) with proceeds up to `date`, zero ones too.
    std::vector<UnremittedProceeds> unremittedAsOf(const Date& date);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
