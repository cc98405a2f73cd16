#include "CryptoReconciliationReport.hpp"

#include "CryptoReconciliation.hpp"
#include "Currency.hpp"
#include "ReportStamp.hpp"

#include <fmt/format.h>
#include <map>
#include <memory>

namespace asicledger {
namespace {

// Minor units as a plain decimal ("4636.67", "12000"): renderers group digits themselves.
std::string plainAmount(std::int64_t minor, int digits)
{
    auto text = formatMinorUnits(minor, digits);
    std::erase(text, ' ');
    return text;
}

std::string heldBy(const CryptoPairLine& line)
{
    return line.overseas ? line.overseas->name : line.domestic.name + " (own wallet)";
}

ReportTable btcTable(std::shared_ptr<const CryptoReconciliationResult> result)
{
    ReportTable table;
    table.title = "BTC per domestic entity and holder";
    table.columns = {{"Domestic entity", ColumnKind::Text, 2, "Kazakh Hash LLP"},
                     {"Held by", ColumnKind::Text, 2, "Pacific Hash Pte Ltd"},
                     {"Opening, BTC", ColumnKind::Number, 1, "99.99999999"},
                     {"Mined", ColumnKind::Number, 1, "99.99999999"},
                     {"Transferred", ColumnKind::Number, 1, "99.99999999"},
                     {"Converted", ColumnKind::Number, 1, "99.99999999"},
                     {"Held, BTC", ColumnKind::Number, 1, "99.99999999"}};
    table.rowCount = static_cast<std::int64_t>(result->lines.size());
    table.rows = [result](const RowSink& sink) {
        for (const auto& line : result->lines)
            sink({line.domestic.name, heldBy(line), formatBtc(line.openingHeld),
                  formatBtc(line.mined), formatBtc(line.transferred), formatBtc(line.converted),
                  formatBtc(line.closingHeld)});
    };
    table.emptyText = "No crypto records up to the end of the period.";
    return table;
}

ReportTable fiatTable(std::shared_ptr<const CryptoReconciliationResult> result)
{
    ReportTable table;
    table.title = "Fiat per currency";
    table.columns = {{"Domestic entity", ColumnKind::Text, 2, "Kazakh Hash LLP"},
                     {"Sold by", ColumnKind::Text, 2, "Pacific Hash Pte Ltd"},
                     {"Currency", ColumnKind::Text, 0.3, "USD"},
                     {"Sold, BTC", ColumnKind::Number, 1, "99.99999999"},
                     {"Opening owed", ColumnKind::Number, 1, "9 999 999.99"},
                     {"Raised", ColumnKind::Number, 1, "9 999 999.99"},
                     {"Fees", ColumnKind::Number, 1, "99 999.99"},
                     {"Remitted", ColumnKind::Number, 1, "9 999 999.99"},
                     {"Outstanding", ColumnKind::Number, 1, "9 999 999.99"},
                     {"Price per BTC", ColumnKind::Number, 1, "999 999.99"},
                     {"Oldest unremitted", ColumnKind::Date, 0, "2026-11-20"},
                     {"Age, days", ColumnKind::Number, 0.3, "9999"}};
    for (const auto& line : result->lines)
        table.rowCount += static_cast<std::int64_t>(line.fiat.size());
    table.rows = [result](const RowSink& sink) {
        for (const auto& line : result->lines) {
            for (const auto& money : line.fiat) {
                const auto digits = money.currencyDigits;
                sink({line.domestic.name, heldBy(line), money.currency, formatBtc(money.satsSold),
                      plainAmount(money.openingOutstandingMinor, digits),
                      plainAmount(money.raisedMinor, digits), plainAmount(money.feesMinor, digits),
                      plainAmount(money.remittedMinor, digits),
                      plainAmount(money.closingOutstandingMinor, digits),
                      money.averagePriceMinor ? plainAmount(*money.averagePriceMinor, digits)
                                              : std::string(),
                      money.oldestUnremitted ? isoDate(*money.oldestUnremitted) : std::string(),
                      money.oldestUnremittedDays ? std::to_string(*money.oldestUnremittedDays)
                                                 : std::string()});
            }
        }
    };
    table.emptyText = "No BTC was sold up to the end of the period.";
    return table;
}

ReportTable ruleBreakTable(std::shared_ptr<const CryptoReconciliationResult> result)
{
    ReportTable table;
    table.title = "Rule breaks";
    table.columns = {{"Date", ColumnKind::Date, 0, "2026-11-20"},
                     {"Record", ColumnKind::Text, 0.5, "conversion 9999"},
                     {"What is wrong", ColumnKind::Text, 6, ""}};
    table.rowCount = static_cast<std::int64_t>(result->ruleBreaks.size());
    table.rows = [result](const RowSink& sink) {
        for (const auto& ruleBreak : result->ruleBreaks)
            sink({isoDate(ruleBreak.date),
                  ruleBreak.recordId
                      ? fmt::format("{} {}", toText(ruleBreak.kind), ruleBreak.recordId)
                      : std::string("balance"),
                  ruleBreak.message});
    };
    table.emptyText = "None: every record in the period keeps the rules.";
    return table;
}

} // namespace

ReportDocument CryptoReconciliationReport::build(Ledger& ledger,
                                                 const CryptoReconciliationReportOptions& options,
                                                 const std::string& generatedBy)
{
    const auto result =
        std::make_shared<const CryptoReconciliationResult>(CryptoReconciliation(ledger).compute(
            options.from, options.to, options.entity.value_or(std::string())));
    Satoshi mined;
    Satoshi held;
    std::map<std::string, std::int64_t> outstanding;
    for (const auto& line : result->lines) {
        mined += line.mined;
        held += line.closingHeld;
        // Sales at home are never owed: only overseas holders' proceeds are.
        for (const auto& money : line.fiat) {
            if (line.overseas)
                outstanding[money.currency] += money.closingOutstandingMinor;
        }
    }

    ReportDocument document;
    document.title = "Crypto-to-fiat reconciliation";
    const auto period = result->from
                            ? fmt::format("{} to {}", isoDate(*result->from), isoDate(result->to))
                            : fmt::format("up to {}", isoDate(result->to));
    document.subtitle = options.entity ? fmt::format("{}, {}", *options.entity, period) : period;
    document.header = {{"From", result->from ? isoDate(*result->from) : "the first record"},
                       {"To", isoDate(result->to)},
                       {"Entities", options.entity ? *options.entity : "all"}};
    document.summary = {{"BTC mined in the period", formatBtc(mined)},
                        {"BTC held at the end", formatBtc(held)}};
    for (const auto& [currency, minor] : outstanding) {
        const auto found = Currency::find(currency);
        document.summary.push_back({fmt::format("{} owed home at the end", currency),
                                    plainAmount(minor, found ? found->minorDigits() : 2)});
    }
    document.summary.push_back({"rule breaks", std::to_string(result->ruleBreaks.size())});
    document.tables.push_back(btcTable(result));
    document.tables.push_back(fiatTable(result));
    document.tables.push_back(ruleBreakTable(result));
    document.notes = {
        "BTC: a domestic entity's own wallet runs opening + mined - transferred - converted = "
        "held; an overseas entity's holding of its coins runs opening + transferred - converted = "
        "held. Every record dated on or before a day counts for that day.",
        "Fiat: opening owed + raised - venue fees - remitted = outstanding, per currency. Proceeds "
        "of a sale at home (an AIFC-licensed venue) are home at once: nothing is owed.",
        "Price per BTC is the gross proceeds over the BTC sold in the period, computed exactly and "
        "rounded once, half away from zero, to the currency's minor unit. Remittances pay the "
        "oldest proceeds first; the age is counted to the last day of the period.",
        "Exchanging crypto for fiat in Kazakhstan is legal only on AIFC-licensed venues: a "
        "domestic entity's sale at a venue not so marked is listed among the rule breaks."};
    document.landscape = true;
    stampReport(document, ledger, generatedBy);
    return document;
}

} // namespace asicledger
