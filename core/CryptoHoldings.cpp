#include "CryptoHoldings.hpp"

#include "Currency.hpp"
#include "Ledger.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <map>
#include <tuple>

namespace asicledger {
namespace {

constexpr auto kHoldings = R"(
SELECT holder, source, sum(delta) FROM (
    SELECT entity_id AS holder, entity_id AS source, sats AS delta FROM crypto_mined
     WHERE mined_date <= :day
    UNION ALL SELECT from_entity_id, from_entity_id, -sats FROM crypto_transfer
     WHERE transfer_date <= :day
    UNION ALL SELECT to_entity_id, from_entity_id, sats FROM crypto_transfer
     WHERE transfer_date <= :day
    UNION ALL SELECT entity_id, source_entity_id, -sats_sold FROM crypto_conversion
     WHERE conversion_date <= :day)
GROUP BY holder, source)";

// Only overseas sellers owe proceeds home: a domestic entity's own sales are already home.
constexpr auto kUnremitted = R"(
SELECT holder, source, currency, sum(delta) FROM (
    SELECT c.entity_id AS holder, c.source_entity_id AS source, c.currency AS currency,
           c.fiat_minor - c.fee_minor AS delta
      FROM crypto_conversion c JOIN entity e ON e.id = c.entity_id
     WHERE c.conversion_date <= :day AND e.kind = 'overseas'
    UNION ALL SELECT from_entity_id, to_entity_id, currency, -amount_minor FROM crypto_remittance
     WHERE remittance_date <= :day)
GROUP BY holder, source, currency)";

std::map<std::int64_t, Entity> entitiesById(Ledger& ledger)
{
    std::map<std::int64_t, Entity> entities;
    for (auto& entity : EntityRegistry(ledger).list())
        entities.emplace(entity.id, entity);
    return entities;
}

} // namespace

std::vector<CryptoHolding> CryptoHoldings::asOf(const Date& date)
{
    const auto entities = entitiesById(m_ledger);
    std::vector<CryptoHolding> holdings;
    SQLite::Statement query(m_ledger.db(), kHoldings);
    query.bind(":day", isoDate(date));
    while (query.executeStep())
        holdings.push_back({entities.at(query.getColumn(0).getInt64()),
                            entities.at(query.getColumn(1).getInt64()),
                            Satoshi(query.getColumn(2).getInt64())});
    std::sort(holdings.begin(), holdings.end(), [](const auto& a, const auto& b) {
        return std::tie(a.holder.name, a.source.name) < std::tie(b.holder.name, b.source.name);
    });
    return holdings;
}

Satoshi CryptoHoldings::heldBy(std::int64_t entityId, const Date& date)
{
    Satoshi total;
    for (const auto& holding : asOf(date)) {
        if (holding.holder.id == entityId)
            total += holding.held;
    }
    return total;
}

std::vector<UnremittedProceeds> CryptoHoldings::unremittedAsOf(const Date& date)
{
    const auto entities = entitiesById(m_ledger);
    std::vector<UnremittedProceeds> proceeds;
    SQLite::Statement query(m_ledger.db(), kUnremitted);
    query.bind(":day", isoDate(date));
    while (query.executeStep()) {
        const auto currency = query.getColumn(2).getString();
        proceeds.push_back({entities.at(query.getColumn(0).getInt64()),
                            entities.at(query.getColumn(1).getInt64()), currency,
                            Currency::find(currency) ? Currency::find(currency)->minorDigits() : 2,
                            query.getColumn(3).getInt64()});
    }
    std::sort(proceeds.begin(), proceeds.end(), [](const auto& a, const auto& b) {
        return std::tie(a.overseas.name, a.domestic.name, a.currency) <
               std::tie(b.overseas.name, b.domestic.name, b.currency);
    });
    return proceeds;
}

} // namespace asicledger
