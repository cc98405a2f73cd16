#include "CryptoRules.hpp"

#include "CryptoTimeline.hpp"
#include "Currency.hpp"
#include "DecimalNumber.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace asicledger {
namespace {

using Kind = CryptoProblem::Kind;

std::string_view article(CryptoFlowKind kind)
{
    switch (kind) {
    case CryptoFlowKind::Mined:
        return "the payout";
    case CryptoFlowKind::Transfer:
        return "the transfer";
    case CryptoFlowKind::Conversion:
        return "the conversion";
    case CryptoFlowKind::Remittance:
        return "the remittance";
    }
    return "the record";
}

std::string kindWord(const Entity& entity)
{
    return fmt::format("{} ({}, {})", entity.name, toText(entity.kind), entity.jurisdiction);
}

} // namespace

CryptoRules::CryptoRules(Ledger& ledger, std::vector<CryptoProblem>& problems)
    : m_ledger(ledger), m_problems(problems), m_today(ledger.today())
{}

std::optional<Satoshi> CryptoRules::parseSatoshi(std::string_view text)
{
    const auto number = DecimalNumber::parse(text);
    if (!number || number->scale() != 0)
        return std::nullopt;
    const auto value = number->toInteger();
    if (!value)
        return std::nullopt;
    return Satoshi(*value);
}

std::optional<std::string> CryptoRules::normaliseTxid(std::string_view text)
{
    auto txid = toLowerAscii(trim(text));
    if (txid.size() != 64 || !std::all_of(txid.begin(), txid.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }))
        return std::nullopt;
    return txid;
}

void CryptoRules::problem(std::size_t line, std::string column, Kind kind, std::string message)
{
    m_problems.push_back({line, std::move(column), std::move(message), kind});
}

const Entity* CryptoRules::entity(std::size_t line, std::string_view column, std::string_view name,
                                  std::string_view role)
{
    const auto key = toLowerAscii(trim(name));
    if (key.empty()) {
        problem(line, std::string(column), Kind::Invalid, fmt::format("{} is missing", role));
        return nullptr;
    }
    auto [found, inserted] = m_entities.try_emplace(key);
    if (inserted)
        found->second = EntityRegistry(m_ledger).find(name);
    if (!found->second) {
        try {
            EntityRegistry(m_ledger).require(name);
        } catch (const NotFound& error) {
            problem(line, std::string(column), Kind::NotFound, error.what());
        }
        return nullptr;
    }
    return &*found->second;
}

bool CryptoRules::checkDate(std::size_t line, CryptoFlowKind kind, const Date& date)
{
    if (date.is_special()) {
        problem(line, "date", Kind::Invalid, fmt::format("{} needs its date", article(kind)));
        return false;
    }
    if (date > m_today) {
        problem(line, "date", Kind::Refused,
                fmt::format("{} is dated {}, after today ({}): record it once it has happened",
                            article(kind), isoDate(date), isoDate(m_today)));
        return false;
    }
    return true;
}

bool CryptoRules::checkSats(std::size_t line, std::string_view column, Satoshi sats)
{
    if (sats.minor() > 0)
        return true;
    problem(line, std::string(column), Kind::Invalid,
            fmt::format("{} satoshi is not an amount of BTC that can move: give a positive whole "
                        "number of satoshi (1 BTC = 100000000)",
                        sats.minor()));
    return false;
}

bool CryptoRules::checkReference(std::size_t line, CryptoFlowKind kind, std::string_view column,
                                 std::string& reference)
{
    reference = trim(reference);
    if (kind == CryptoFlowKind::Transfer) {
        const auto txid = normaliseTxid(reference);
        if (!txid) {
            problem(line, std::string(column), Kind::Invalid,
                    fmt::format("txid '{}' is not a Bitcoin transaction id: it has exactly 64 "
                                "hexadecimal digits (0-9, a-f), as the wallet or block explorer "
                                "shows it",
                                reference));
            return false;
        }
        reference = *txid;
    } else if (reference.empty()) {
        problem(line, std::string(column), Kind::Invalid,
                kind == CryptoFlowKind::Mined
                    ? "the payout needs the pool's payout reference (or its transaction id)"
                    : "the remittance needs the bank reference of the wire");
        return false;
    }
    const char* sql = kind == CryptoFlowKind::Mined
                          ? "SELECT r.mined_date, e.name FROM crypto_mined r JOIN entity e ON "
                            "e.id = r.entity_id WHERE r.payout_ref = ?"
                      : kind == CryptoFlowKind::Transfer
                          ? "SELECT r.transfer_date, e.name FROM crypto_transfer r JOIN entity e "
                            "ON e.id = r.from_entity_id WHERE r.txid = ?"
                          : "SELECT r.remittance_date, e.name FROM crypto_remittance r JOIN "
                            "entity e ON e.id = r.from_entity_id WHERE r.bank_ref = ?";
    SQLite::Statement used(m_ledger.db(), sql);
    used.bind(1, reference);
    if (!used.executeStep())
        return true;
    const auto recorded =
        kind == CryptoFlowKind::Mined
            ? fmt::format("the payout to {} on {}", used.getColumn(1).getString(),
                          used.getColumn(0).getString())
            : fmt::format("the {} from {} on {}", toText(kind), used.getColumn(1).getString(),
                          used.getColumn(0).getString());
    problem(line, std::string(column), Kind::Refused,
            fmt::format("{} {} is already recorded ({}): each is recorded once; if this is a "
                        "different one, check the reference",
                        kind == CryptoFlowKind::Transfer ? "txid"
                        : kind == CryptoFlowKind::Mined  ? "payout reference"
                                                         : "bank reference",
                        reference, recorded));
    return false;
}

bool CryptoRules::currency(std::size_t line, std::string_view code, CryptoFlow& flow)
{
    const auto found = Currency::find(trim(code));
    if (!found) {
        problem(line, "currency", Kind::Invalid,
                trim(code).empty()
                    ? std::string("the currency is missing: give its ISO 4217 code (USD, SGD, "
                                  "HKD...)")
                    : fmt::format("currency '{}' is not one the ledger knows: give its ISO 4217 "
                                  "code (USD, SGD, HKD, EUR, KZT...)",
                                  trim(code)));
        return false;
    }
    flow.currency = found->code();
    flow.currencyDigits = found->minorDigits();
    return true;
}

std::optional<std::int64_t> CryptoRules::fiat(std::size_t line, std::string_view column,
                                              std::string_view text, const std::string& currency,
                                              int digits, bool mayBeZero)
{
    const auto number = DecimalNumber::parse(text);
    if (!number) {
        problem(line, std::string(column), Kind::Invalid,
                trim(text).empty()
                    ? fmt::format("the {} is missing", column)
                    : fmt::format("{} '{}' is not a number: write it as on the statement, e.g. "
                                  "76543.21",
                                  column, trim(text)));
        return std::nullopt;
    }
    if (number->isNegative() || (number->isZero() && !mayBeZero)) {
        problem(line, std::string(column), Kind::Invalid,
                fmt::format("{} {} {}: give a {} amount", column, number->text(),
                            number->isNegative() ? "is negative" : "is zero",
                            mayBeZero ? "zero or positive" : "positive"));
        return std::nullopt;
    }
    const auto minor = number->toMinorUnits(digits);
    if (!minor) {
        if (number->scale() > digits)
            problem(line, std::string(column), Kind::Invalid,
                    fmt::format("{} {} has more decimals than {} has ({}): give it exactly as "
                                "the statement shows it",
                                column, number->text(), currency, digits));
        else
            problem(line, std::string(column), Kind::Invalid,
                    fmt::format("{} {} is too large to hold exactly", column, number->text()));
        return std::nullopt;
    }
    return *minor;
}

std::optional<CryptoFlow> CryptoRules::check(const NewMined& input, std::size_t line)
{
    const auto before = m_problems.size();
    CryptoFlow flow;
    flow.kind = CryptoFlowKind::Mined;
    flow.line = line;
    flow.date = input.date;
    flow.sats = input.sats;
    flow.pool = trim(input.pool);
    flow.reference = input.payoutRef;
    if (const auto* credited = entity(line, "entity", input.entity, "the entity credited")) {
        flow.entity = *credited;
        if (credited->kind != EntityKind::Domestic)
            problem(line, "entity", Kind::Refused,
                    fmt::format("mined BTC is credited to a domestic entity (the Kazakh company "
                                "whose machines mined it); {} is not domestic: record the payout "
                                "against the domestic entity, then the transfer to {}",
                                kindWord(*credited), credited->name));
    }
    checkDate(line, flow.kind, flow.date);
    checkSats(line, "sats", flow.sats);
    checkReference(line, flow.kind, "payout_ref", flow.reference);
    if (m_problems.size() != before)
        return std::nullopt;
    return flow;
}

std::optional<CryptoFlow> CryptoRules::check(const NewTransfer& input, std::size_t line)
{
    const auto before = m_problems.size();
    CryptoFlow flow;
    flow.kind = CryptoFlowKind::Transfer;
    flow.line = line;
    flow.date = input.date;
    flow.sats = input.sats;
    flow.reference = input.txid;
    const auto* from = entity(line, "from", input.from, "the sending entity (from)");
    const auto* to = entity(line, "to", input.to, "the receiving entity (to)");
    if (from && from->kind != EntityKind::Domestic)
        problem(line, "from", Kind::Refused,
                fmt::format("a transfer goes from a domestic entity to its overseas entity; the "
                            "sender {} is not domestic",
                            kindWord(*from)));
    if (to && to->kind != EntityKind::Overseas)
        problem(line, "to", Kind::Refused,
                fmt::format("a transfer goes from a domestic entity to its overseas entity; the "
                            "recipient {} is not overseas",
                            kindWord(*to)));
    if (from)
        flow.entity = *from;
    if (to)
        flow.counterparty = *to;
    checkDate(line, flow.kind, flow.date);
    checkSats(line, "sats", flow.sats);
    checkReference(line, flow.kind, "txid", flow.reference);
    if (m_problems.size() != before)
        return std::nullopt;
    return flow;
}

std::optional<CryptoFlow> CryptoRules::check(const NewConversion& input, std::size_t line)
{
    const auto before = m_problems.size();
    CryptoFlow flow;
    flow.kind = CryptoFlowKind::Conversion;
    flow.line = line;
    flow.date = input.date;
    flow.sats = input.satsSold;
    const auto* seller = entity(line, "entity", input.entity, "the selling entity");
    if (seller)
        flow.entity = *seller;

    const auto venueKey = toLowerAscii(trim(input.venue));
    if (venueKey.empty()) {
        problem(line, "venue", Kind::Invalid, "the venue where the BTC was sold is missing");
    } else {
        auto [found, inserted] = m_venues.try_emplace(venueKey);
        if (inserted)
            found->second = CryptoVenues(m_ledger).find(input.venue);
        if (!found->second) {
            try {
                CryptoVenues(m_ledger).require(input.venue);
            } catch (const NotFound& error) {
                problem(line, "venue", Kind::NotFound, error.what());
            }
        } else {
            flow.venue = *found->second;
            if (seller && seller->kind == EntityKind::Domestic && !flow.venue.aifcLicensed)
                problem(line, "venue", Kind::Refused,
                        fmt::format("{} is a domestic entity and {} is not AIFC-licensed: "
                                    "exchanging crypto for fiat in Kazakhstan is legal only on "
                                    "venues licensed by the Astana International Financial "
                                    "Centre. Sell through an AIFC-licensed venue, or record the "
                                    "sale by the overseas entity that made it",
                                    seller->name, flow.venue.name));
        }
    }

    if (seller && !trim(input.source).empty()) {
        if (const auto* source =
                entity(line, "source", input.source, "the entity whose coins were sold")) {
            if (seller->kind == EntityKind::Domestic && source->id != seller->id)
                problem(line, "source", Kind::Refused,
                        fmt::format("{} is domestic and sells only its own coins: leave the "
                                    "source empty or give {} itself, not {}",
                                    seller->name, seller->name, source->name));
            else if (source->kind != EntityKind::Domestic)
                problem(line, "source", Kind::Refused,
                        fmt::format("the source is the domestic entity whose mined coins were "
                                    "sold; {} is not domestic",
                                    kindWord(*source)));
            else
                flow.counterparty = *source;
        }
    } else if (seller && seller->kind == EntityKind::Domestic) {
        flow.counterparty = *seller;
    }
    // An overseas seller without a source is resolved in checkTogether, from the transfers it
    // had received by the conversion date (those in the same file included).

    checkDate(line, flow.kind, flow.date);
    checkSats(line, "sats", flow.sats);
    if (currency(line, input.currency, flow)) {
        if (const auto amount =
                fiat(line, "amount", input.amount, flow.currency, flow.currencyDigits, false))
            flow.fiatMinor = *amount;
        if (!trim(input.fee).empty()) {
            if (const auto fee =
                    fiat(line, "fee", input.fee, flow.currency, flow.currencyDigits, true))
                flow.feeMinor = *fee;
        }
        if (flow.fiatMinor > 0 && flow.feeMinor > flow.fiatMinor)
            problem(line, "fee", Kind::Invalid,
                    fmt::format("the fee {} is larger than the proceeds {}: give the gross "
                                "proceeds as the amount and the venue's fee separately",
                                formatFiat(flow.feeMinor, flow.currency, flow.currencyDigits),
                                formatFiat(flow.fiatMinor, flow.currency, flow.currencyDigits)));
    }
    if (m_problems.size() != before)
        return std::nullopt;
    return flow;
}

std::optional<CryptoFlow> CryptoRules::check(const NewRemittance& input, std::size_t line)
{
    const auto before = m_problems.size();
    CryptoFlow flow;
    flow.kind = CryptoFlowKind::Remittance;
    flow.line = line;
    flow.date = input.date;
    flow.reference = input.bankRef;
    const auto* from = entity(line, "from", input.from, "the overseas entity that wired (from)");
    const auto* to = entity(line, "to", input.to, "the domestic entity that received (to)");
    if (from && from->kind != EntityKind::Overseas)
        problem(line, "from", Kind::Refused,
                fmt::format("a remittance brings proceeds home from an overseas entity; the "
                            "sender {} is not overseas",
                            kindWord(*from)));
    if (to && to->kind != EntityKind::Domestic)
        problem(line, "to", Kind::Refused,
                fmt::format("a remittance brings proceeds home to a domestic entity; the "
                            "recipient {} is not domestic",
                            kindWord(*to)));
    if (from)
        flow.entity = *from;
    if (to)
        flow.counterparty = *to;
    checkDate(line, flow.kind, flow.date);
    if (currency(line, input.currency, flow)) {
        if (const auto amount =
                fiat(line, "amount", input.amount, flow.currency, flow.currencyDigits, false))
            flow.fiatMinor = *amount;
    }
    checkReference(line, flow.kind, "bank_ref", flow.reference);
    if (m_problems.size() != before)
        return std::nullopt;
    return flow;
}

void CryptoRules::resolveSources(std::vector<CryptoFlow>& flows)
{
    CryptoTimeline transfers(m_ledger.db());
    for (const auto& flow : flows) {
        if (flow.kind == CryptoFlowKind::Transfer)
            transfers.add(flow);
    }
    for (auto& flow : flows) {
        if (flow.kind != CryptoFlowKind::Conversion || flow.counterparty.id != 0)
            continue;
        const auto sources = transfers.sourcesOf(flow.entity.id, flow.date);
        if (sources.size() == 1) {
            flow.counterparty = *EntityRegistry(m_ledger).findById(sources.front());
            continue;
        }
        if (sources.empty()) {
            problem(flow.line, "source", Kind::Refused,
                    fmt::format("{} had received no BTC from any domestic entity by {}: record "
                                "the transfer that brought the coins first",
                                flow.entity.name, isoDate(flow.date)));
            continue;
        }
        std::vector<std::string> senders;
        for (const auto id : sources)
            senders.push_back(EntityRegistry(m_ledger).findById(id)->name);
        std::sort(senders.begin(), senders.end());
        std::string names;
        for (std::size_t i = 0; i < senders.size(); ++i)
            names += (i == 0 ? "" : (i + 1 == senders.size() ? " and " : ", ")) + senders[i];
        problem(flow.line, "source", Kind::Refused,
                fmt::format("{} had received BTC from {} by {}: say whose coins were sold (the "
                            "source), so the proceeds are owed to the right entity",
                            flow.entity.name, names, isoDate(flow.date)));
    }
}

void CryptoRules::checkTogether(std::vector<CryptoFlow>& flows)
{
    // The same reference twice in one file: the ledger check above cannot see it.
    std::map<std::pair<CryptoFlowKind, std::string>, std::size_t> seen;
    for (const auto& flow : flows) {
        if (flow.kind == CryptoFlowKind::Conversion)
            continue;
        const auto [at, inserted] =
            seen.try_emplace({flow.kind, toLowerAscii(flow.reference)}, flow.line);
        if (!inserted)
            problem(flow.line,
                    flow.kind == CryptoFlowKind::Mined      ? "payout_ref"
                    : flow.kind == CryptoFlowKind::Transfer ? "txid"
                                                            : "bank_ref",
                    Kind::Refused,
                    fmt::format("reference {} appears twice: also on line {}; each {} is "
                                "recorded once",
                                flow.reference, at->second, toText(flow.kind)));
    }
    // The timeline needs every row: with one missing, the rest would seem to overdraw.
    if (!m_problems.empty())
        return;
    resolveSources(flows);
    if (!m_problems.empty())
        return;
    CryptoTimeline timeline(m_ledger.db());
    for (const auto& flow : flows)
        timeline.add(flow);
    timeline.check(m_problems);
}

} // namespace asicledger
