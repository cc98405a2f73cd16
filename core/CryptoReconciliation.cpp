#include "CryptoReconciliation.hpp"

#include "CryptoVenues.hpp"
#include "Currency.hpp"
#include "ExactArithmetic.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace asicledger {
namespace {

// One stored flow, as little as the arithmetic needs.
struct Record
{
    CryptoFlowKind kind;
    std::int64_t id = 0;
    Date date;
    std::int64_t entity = 0; // mined: credited; transfer, remittance: sender; conversion: seller
    std::int64_t counterparty = 0; // transfer, remittance: recipient; conversion: source
    std::int64_t venue = 0;
    std::int64_t sats = 0;
    std::int64_t fiat = 0;
    std::int64_t fee = 0;
    std::string currency;
    bool aifcAtConversion = false;
};

std::vector<Record> loadRecords(SQLite::Database& db, const Date& to)
{
    struct Source
    {
        CryptoFlowKind kind;
        const char* sql;
    };
    // Every flow up to the end of the period, oldest first within each kind (FIFO needs it).
    static const Source sources[] = {
        {CryptoFlowKind::Mined, "SELECT id, mined_date, entity_id, entity_id, 0, sats, 0, 0, '', 0 "
                                "FROM crypto_mined WHERE mined_date <= ? ORDER BY mined_date, id"},
        {CryptoFlowKind::Transfer,
         "SELECT id, transfer_date, from_entity_id, to_entity_id, 0, sats, 0, 0, '', 0 FROM "
         "crypto_transfer WHERE transfer_date <= ? ORDER BY transfer_date, id"},
        {CryptoFlowKind::Conversion,
         "SELECT id, conversion_date, entity_id, source_entity_id, venue_id, sats_sold, "
         "fiat_minor, fee_minor, currency, aifc_at_conversion FROM crypto_conversion WHERE "
         "conversion_date <= ? ORDER BY conversion_date, id"},
        {CryptoFlowKind::Remittance,
         "SELECT id, remittance_date, from_entity_id, to_entity_id, 0, 0, amount_minor, 0, "
         "currency, 0 FROM crypto_remittance WHERE remittance_date <= ? ORDER BY "
         "remittance_date, id"},
    };
    std::vector<Record> records;
    for (const auto& source : sources) {
        SQLite::Statement query(db, source.sql);
        query.bind(1, isoDate(to));
        while (query.executeStep())
            records.push_back({source.kind, query.getColumn(0).getInt64(),
                               *parseDate(query.getColumn(1).getString()),
                               query.getColumn(2).getInt64(), query.getColumn(3).getInt64(),
                               query.getColumn(4).getInt64(), query.getColumn(5).getInt64(),
                               query.getColumn(6).getInt64(), query.getColumn(7).getInt64(),
                               query.getColumn(8).getString(), query.getColumn(9).getInt() != 0});
    }
    return records;
}

struct FiatTotals
{
    CryptoFiatLine line;
    std::vector<std::pair<Date, std::int64_t>> lots; // net proceeds, oldest first
    std::int64_t remittedToDate = 0;
};

struct LineTotals
{
    Satoshi opening, mined, transferred, converted;
    std::map<std::string, FiatTotals> fiat;
};

// Day-by-day change of one balance, to find the first day it went below zero.
using DailyChanges = std::map<Date, std::int64_t>;
using BalanceKey = std::tuple<bool, std::int64_t, std::int64_t, std::string>;

void ageOldestUnremitted(FiatTotals& totals, const Date& to)
{
    auto remaining = totals.remittedToDate;
    for (const auto& [date, net] : totals.lots) {
        if (remaining >= net) {
            remaining -= net;
            continue;
        }
        totals.line.oldestUnremitted = date;
        totals.line.oldestUnremittedDays = daysBetween(date, to);
        return;
    }
}

} // namespace

CryptoReconciliationResult CryptoReconciliation::compute(std::optional<Date> from,
                                                         std::optional<Date> to,
                                                         std::string_view entityName)
{
    CryptoReconciliationResult result;
    result.from = from;
    result.to = to.value_or(m_ledger.today());
    if (from && *from > result.to)
        throw InvalidInput(fmt::format("the period starts on {}, after it ends on {}: give the "
                                       "earlier date as --from",
                                       isoDate(*from), isoDate(result.to)));
    std::optional<Entity> only;
    if (!entityName.empty())
        only = EntityRegistry(m_ledger).require(entityName);

    std::map<std::int64_t, Entity> entities;
    for (auto& entity : EntityRegistry(m_ledger).list())
        entities.emplace(entity.id, entity);
    std::map<std::int64_t, Venue> venues;
    for (auto& venue : CryptoVenues(m_ledger).list())
        venues.emplace(venue.id, venue);
    const auto isDomestic = [&](std::int64_t id) {
        return entities.at(id).kind == EntityKind::Domestic;
    };

    std::map<std::pair<std::int64_t, std::int64_t>, LineTotals> lines; // (domestic, overseas|0)
    std::map<BalanceKey, DailyChanges> balances;
    const auto before = [&](const Date& date) { return from && date < *from; };
    const auto add = [&](Satoshi& opening, Satoshi& movement, const Date& date, std::int64_t sats,
                         int sign) {
        if (before(date))
            opening += Satoshi(sign * sats);
        else
            movement += Satoshi(sats);
    };
    const auto fiatOf = [&](LineTotals& line, const std::string& currency) -> FiatTotals& {
        auto& totals = line.fiat[currency];
        totals.line.currency = currency;
        totals.line.currencyDigits =
            Currency::find(currency) ? Currency::find(currency)->minorDigits() : 2;
        return totals;
    };

    const auto records = loadRecords(m_ledger.db(), result.to);
    for (const auto& record : records) {
        switch (record.kind) {
        case CryptoFlowKind::Mined: {
            auto& own = lines[{record.entity, 0}];
            add(own.opening, own.mined, record.date, record.sats, +1);
            balances[{false, record.entity, record.entity, ""}][record.date] += record.sats;
            break;
        }
        case CryptoFlowKind::Transfer: {
            auto& own = lines[{record.entity, 0}];
            add(own.opening, own.transferred, record.date, record.sats, -1);
            auto& pair = lines[{record.entity, record.counterparty}];
            add(pair.opening, pair.transferred, record.date, record.sats, +1);
            balances[{false, record.entity, record.entity, ""}][record.date] -= record.sats;
            balances[{false, record.counterparty, record.entity, ""}][record.date] += record.sats;
            break;
        }
        case CryptoFlowKind::Conversion: {
            const bool direct = isDomestic(record.entity);
            auto& line = lines[{record.counterparty, direct ? 0 : record.entity}];
            add(line.opening, line.converted, record.date, record.sats, -1);
            balances[{false, record.entity, record.counterparty, ""}][record.date] -= record.sats;
            auto& fiat = fiatOf(line, record.currency);
            const auto net = record.fiat - record.fee;
            if (!before(record.date)) {
                fiat.line.raisedMinor += record.fiat;
                fiat.line.feesMinor += record.fee;
                fiat.line.satsSold += Satoshi(record.sats);
            } else if (!direct) {
                fiat.line.openingOutstandingMinor += net;
            }
            if (!direct) {
                fiat.lots.emplace_back(record.date, net);
                balances[{true, record.entity, record.counterparty, record.currency}]
                        [record.date] += net;
            }
            const auto& venue = venues.at(record.venue);
            if (direct && (!venue.aifcLicensed || !record.aifcAtConversion) &&
                !before(record.date)) {
                const auto licence =
                    !venue.aifcLicensed && record.aifcAtConversion
                        ? "is not marked AIFC-licensed (it was when the conversion was recorded)"
                    : venue.aifcLicensed
                        ? "was not marked AIFC-licensed when the conversion was recorded"
                        : "is not marked AIFC-licensed";
                result.ruleBreaks.push_back(
                    {record.kind, record.id, record.date,
                     fmt::format("conversion {} on {}: {} (domestic) sold {} at {}, which {}: "
                                 "exchanging crypto for fiat in Kazakhstan is legal only on "
                                 "AIFC-licensed venues; check the venue's licence on that date",
                                 record.id, isoDate(record.date), entities.at(record.entity).name,
                                 describeBtc(Satoshi(record.sats)), venue.name, licence),
                     record.entity, record.counterparty});
            }
            break;
        }
        case CryptoFlowKind::Remittance: {
            auto& line = lines[{record.counterparty, record.entity}];
            auto& fiat = fiatOf(line, record.currency);
            if (before(record.date))
                fiat.line.openingOutstandingMinor -= record.fiat;
            else
                fiat.line.remittedMinor += record.fiat;
            fiat.remittedToDate += record.fiat;
            balances[{true, record.entity, record.counterparty, record.currency}][record.date] -=
                record.fiat;
            break;
        }
        }
    }

    // A balance below zero cannot come through the ledger's rules: say where it first happened.
    for (const auto& [key, days] : balances) {
        const auto& [fiat, holder, source, currency] = key;
        std::int64_t running = 0;
        for (const auto& [date, delta] : days) {
            running += delta;
            if (running >= 0)
                continue;
            const auto digits =
                Currency::find(currency) ? Currency::find(currency)->minorDigits() : 2;
            result.ruleBreaks.push_back(
                {fiat ? CryptoFlowKind::Remittance : CryptoFlowKind::Transfer, 0, date,
                 fiat
                     ? fmt::format("on {} {} had remitted {} more to {} than it had raised from "
                                   "its coins: records that did not pass the ledger's rules",
                                   isoDate(date), entities.at(holder).name,
                                   formatFiat(-running, currency, digits), entities.at(source).name)
                     : fmt::format("on {} {} held {} of {}'s coins: more BTC left it than it "
                                   "held, records that did not pass the ledger's rules",
                                   isoDate(date), entities.at(holder).name,
                                   describeBtc(Satoshi(running)), entities.at(source).name),
                 holder, source});
            break;
        }
    }

    for (auto& [key, totals] : lines) {
        const auto& [domestic, overseas] = key;
        if (only && only->id != domestic && only->id != overseas)
            continue;
        CryptoPairLine line;
        line.domestic = entities.at(domestic);
        if (overseas)
            line.overseas = entities.at(overseas);
        line.openingHeld = totals.opening;
        line.mined = totals.mined;
        line.transferred = totals.transferred;
        line.converted = totals.converted;
        line.closingHeld =
            overseas ? totals.opening + totals.transferred - totals.converted
                     : totals.opening + totals.mined - totals.transferred - totals.converted;
        for (auto& [currency, fiat] : totals.fiat) {
            auto& out = fiat.line;
            // A domestic seller's proceeds are home at once: nothing is ever outstanding.
            out.closingOutstandingMinor = overseas ? out.openingOutstandingMinor + out.raisedMinor -
                                                         out.feesMinor - out.remittedMinor
                                                   : 0;
            if (out.satsSold.minor() > 0)
                out.averagePriceMinor = roundHalfAwayFromZero(BigInt(out.raisedMinor) * 100'000'000,
                                                              BigInt(out.satsSold.minor()));
            if (overseas)
                ageOldestUnremitted(fiat, result.to);
            line.fiat.push_back(out);
        }
        result.lines.push_back(std::move(line));
    }
    std::stable_sort(result.lines.begin(), result.lines.end(), [](const auto& a, const auto& b) {
        return std::tuple(a.domestic.name, a.overseas.has_value(),
                          a.overseas ? a.overseas->name : std::string()) <
               std::tuple(b.domestic.name, b.overseas.has_value(),
                          b.overseas ? b.overseas->name : std::string());
    });
    if (only) {
        std::erase_if(result.ruleBreaks, [&](const CryptoRuleBreak& ruleBreak) {
            return ruleBreak.entityId != only->id && ruleBreak.counterpartyId != only->id;
        });
    }
    std::stable_sort(result.ruleBreaks.begin(), result.ruleBreaks.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    return result;
}

} // namespace asicledger
