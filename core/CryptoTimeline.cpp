#include "CryptoTimeline.hpp"

#include "Money.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace asicledger {
namespace {

// Every movement of one holder's BTC of one source, by day. For a domestic holder the source is
// the holder itself; an overseas holder receives transfers only, so the first two parts are empty.
constexpr auto kBtcByDay = R"(
SELECT day, sum(delta) FROM (
    SELECT mined_date AS day, sats AS delta FROM crypto_mined
     WHERE entity_id = :holder AND :holder = :source
    UNION ALL SELECT transfer_date, -sats FROM crypto_transfer
     WHERE from_entity_id = :holder AND :holder = :source
    UNION ALL SELECT transfer_date, sats FROM crypto_transfer
     WHERE to_entity_id = :holder AND from_entity_id = :source
    UNION ALL SELECT conversion_date, -sats_sold FROM crypto_conversion
     WHERE entity_id = :holder AND source_entity_id = :source)
GROUP BY day ORDER BY day)";

// Net proceeds raised by an overseas entity from one domestic entity's coins, less what it has
// remitted to that entity, in one currency, by day.
constexpr auto kFiatByDay = R"(
SELECT day, sum(delta) FROM (
    SELECT conversion_date AS day, fiat_minor - fee_minor AS delta FROM crypto_conversion
     WHERE entity_id = :holder AND source_entity_id = :source AND currency = :currency
    UNION ALL SELECT remittance_date, -amount_minor FROM crypto_remittance
     WHERE from_entity_id = :holder AND to_entity_id = :source AND currency = :currency)
GROUP BY day ORDER BY day)";

std::string lineList(const std::vector<const CryptoFlow*>& flows)
{
    std::string text;
    for (std::size_t i = 0; i < flows.size(); ++i)
        text += fmt::format("{}{}", i == 0 ? "" : (i + 1 == flows.size() ? " and " : ", "),
                            flows[i]->line);
    return text;
}

std::string_view noun(CryptoFlowKind kind)
{
    switch (kind) {
    case CryptoFlowKind::Mined:
        return "payout";
    case CryptoFlowKind::Transfer:
        return "transfer";
    case CryptoFlowKind::Conversion:
        return "conversion";
    case CryptoFlowKind::Remittance:
        return "remittance";
    }
    return "record";
}

} // namespace

void CryptoTimeline::add(const CryptoFlow& pending)
{
    const auto& flow = m_flows.emplace_back(pending);
    switch (flow.kind) {
    case CryptoFlowKind::Mined:
        move(false, flow.entity, flow.entity, flow, flow.sats.minor());
        break;
    case CryptoFlowKind::Transfer:
        move(false, flow.entity, flow.entity, flow, -flow.sats.minor());
        move(false, flow.counterparty, flow.entity, flow, flow.sats.minor());
        break;
    case CryptoFlowKind::Conversion:
        move(false, flow.entity, flow.counterparty, flow, -flow.sats.minor());
        if (flow.entity.kind == EntityKind::Overseas)
            move(true, flow.entity, flow.counterparty, flow, flow.netMinor());
        break;
    case CryptoFlowKind::Remittance:
        move(true, flow.entity, flow.counterparty, flow, -flow.fiatMinor);
        break;
    }
}

void CryptoTimeline::move(bool fiat, const Entity& holder, const Entity& source,
                          const CryptoFlow& flow, std::int64_t delta)
{
    auto& balance =
        m_balances[Key{fiat, holder.id, source.id, fiat ? flow.currency : std::string()}];
    balance.fiat = fiat;
    balance.holder = &holder;
    balance.source = &source;
    balance.currency = fiat ? flow.currency : "BTC";
    balance.digits = fiat ? flow.currencyDigits : 8;
    balance.pending.push_back({flow.date, delta, &flow});
    balance.debited = balance.debited || delta < 0;
}

std::vector<std::int64_t> CryptoTimeline::sourcesOf(std::int64_t overseasId, const Date& date)
{
    std::set<std::int64_t> sources;
    SQLite::Statement query(m_db, "SELECT DISTINCT from_entity_id FROM crypto_transfer "
                                  "WHERE to_entity_id = ? AND transfer_date <= ?");
    query.bind(1, overseasId);
    query.bind(2, isoDate(date));
    while (query.executeStep())
        sources.insert(query.getColumn(0).getInt64());
    for (const auto& flow : m_flows) {
        if (flow.kind == CryptoFlowKind::Transfer && flow.counterparty.id == overseasId &&
            flow.date <= date)
            sources.insert(flow.entity.id);
    }
    return {sources.begin(), sources.end()};
}

std::vector<std::pair<Date, std::int64_t>> CryptoTimeline::recordedByDay(const Balance& balance)
{
    SQLite::Statement query(m_db, balance.fiat ? kFiatByDay : kBtcByDay);
    query.bind(":holder", balance.holder->id);
    query.bind(":source", balance.source->id);
    if (balance.fiat)
        query.bind(":currency", balance.currency);
    std::vector<std::pair<Date, std::int64_t>> days;
    while (query.executeStep())
        days.emplace_back(*parseDate(query.getColumn(0).getString()),
                          query.getColumn(1).getInt64());
    return days;
}

std::string CryptoTimeline::amount(const Balance& balance, std::int64_t value) const
{
    return balance.fiat ? formatFiat(value, balance.currency, balance.digits)
                        : describeBtc(Satoshi(value));
}

std::string CryptoTimeline::holding(const Balance& balance, std::int64_t value,
                                    const Date& day) const
{
    if (balance.fiat)
        return fmt::format("{} has {} of unremitted proceeds from {}'s coins on {}",
                           balance.holder->name, amount(balance, value), balance.source->name,
                           isoDate(day));
    if (balance.holder->id == balance.source->id)
        return fmt::format("{} holds {} on {}", balance.holder->name, amount(balance, value),
                           isoDate(day));
    return fmt::format("{} holds {} of {}'s coins on {}", balance.holder->name,
                       amount(balance, value), balance.source->name, isoDate(day));
}

// What the ledger already records taking from this balance on `day`: the records a back-dated
// flow would leave uncovered.
std::string CryptoTimeline::recordedDebits(const Balance& balance, const Date& day)
{
    std::vector<std::string> records;
    const auto collect = [&](const char* sql, const char* format) {
        SQLite::Statement query(m_db, sql);
        query.bind(":holder", balance.holder->id);
        query.bind(":source", balance.source->id);
        query.bind(":day", isoDate(day));
        if (balance.fiat)
            query.bind(":currency", balance.currency);
        while (query.executeStep())
            records.push_back(fmt::format(fmt::runtime(format), query.getColumn(0).getString(),
                                          amount(balance, query.getColumn(1).getInt64())));
    };
    if (balance.fiat) {
        collect("SELECT bank_ref, amount_minor FROM crypto_remittance WHERE from_entity_id = "
                ":holder AND to_entity_id = :source AND currency = :currency AND "
                "remittance_date = :day ORDER BY id",
                "remittance {} of {}");
    } else {
        collect("SELECT substr(txid, 1, 12) || '...', sats FROM crypto_transfer WHERE "
                "from_entity_id = :holder AND :holder = :source AND transfer_date = :day "
                "ORDER BY id",
                "transfer {} of {}");
        collect("SELECT v.name, c.sats_sold FROM crypto_conversion c JOIN venue v ON v.id = "
                "c.venue_id WHERE c.entity_id = :holder AND c.source_entity_id = :source AND "
                "c.conversion_date = :day ORDER BY c.id",
                "conversion at {} of {}");
    }
    std::string text;
    for (std::size_t i = 0; i < records.size() && i < 3; ++i)
        text += (i == 0 ? "" : ", ") + records[i];
    if (records.size() > 3)
        text += fmt::format(" and {} more", records.size() - 3);
    return text;
}

void CryptoTimeline::checkBalance(const Balance& balance, std::vector<CryptoProblem>& problems)
{
    struct Day
    {
        std::int64_t delta = 0;
        std::vector<const CryptoFlow*> debits; // pending flows taking from the balance that day
        std::int64_t pendingDebit = 0;
    };
    std::map<Date, Day> days;
    // Amounts of a file may be near the int64 limit: sums are checked, never wrapped (a wrapped
    // balance would pass an overdraft).
    const auto add = [](std::int64_t a, std::int64_t b) {
        std::int64_t sum = 0;
        if (__builtin_add_overflow(a, b, &sum))
            throwMoneyOverflow();
        return sum;
    };
    for (const auto& [day, delta] : recordedByDay(balance))
        days[day].delta = add(days[day].delta, delta);
    for (const auto& movement : balance.pending) {
        auto& day = days[movement.date];
        day.delta = add(day.delta, movement.delta);
        if (movement.delta < 0) {
            day.debits.push_back(movement.flow);
            day.pendingDebit = add(day.pendingDebit, -movement.delta);
        }
    }

    std::int64_t running = 0;
    std::vector<const CryptoFlow*> earlierDebits; // pending debits dated before the day
    for (const auto& [date, day] : days) {
        running = add(running, day.delta);
        if (running >= 0) {
            earlierDebits.insert(earlierDebits.end(), day.debits.begin(), day.debits.end());
            continue;
        }
        const auto shortBy = amount(balance, -running);
        if (!day.debits.empty()) {
            // The flows dated on the day that breaks the balance are the ones to blame.
            const auto available = holding(balance, running + day.pendingDebit, date);
            for (const auto* flow : day.debits) {
                const auto others = day.debits.size() > 1
                                        ? fmt::format(" with lines {} of this file, all dated {},",
                                                      lineList(day.debits), isoDate(date))
                                        : std::string();
                problems.push_back(
                    {flow->line, balance.fiat ? "amount" : "sats",
                     fmt::format(
                         "{}; this {} of {}{} would {} by {}{}", available, noun(flow->kind),
                         amount(balance, balance.fiat ? (flow->kind == CryptoFlowKind::Remittance
                                                             ? flow->fiatMinor
                                                             : flow->netMinor())
                                                      : flow->sats.minor()),
                         others, balance.fiat ? "exceed them" : "overdraw it", shortBy,
                         balance.fiat ? ": a remittance cannot bring home more than the "
                                        "overseas entity raised from that entity's coins "
                                        "(net of venue fees) and has not yet remitted"
                                      : ": nobody transfers or sells more BTC than it "
                                        "holds on the day"),
                     CryptoProblem::Kind::Refused});
            }
            return;
        }
        // Nothing new is dated that day: a back-dated flow took what a recorded one relies on.
        const auto recorded = recordedDebits(balance, date);
        for (const auto* flow : earlierDebits) {
            problems.push_back(
                {flow->line, balance.fiat ? "amount" : "sats",
                 fmt::format("this {} dated {} would leave {} short by {} on {}, when the ledger "
                             "already records {}: a back-dated record must leave every later "
                             "one covered",
                             noun(flow->kind), isoDate(flow->date),
                             balance.fiat ? fmt::format("{}'s unremitted proceeds from {}'s coins",
                                                        balance.holder->name, balance.source->name)
                             : balance.holder->id == balance.source->id
                                 ? balance.holder->name
                                 : fmt::format("{}'s holding of {}'s coins", balance.holder->name,
                                               balance.source->name),
                             shortBy, isoDate(date),
                             recorded.empty() ? std::string("records that take from it")
                                              : recorded),
                 CryptoProblem::Kind::Refused});
        }
        return;
    }
}

void CryptoTimeline::check(std::vector<CryptoProblem>& problems)
{
    for (const auto& [key, balance] : m_balances) {
        if (balance.debited)
            checkBalance(balance, problems);
    }
}

} // namespace asicledger
