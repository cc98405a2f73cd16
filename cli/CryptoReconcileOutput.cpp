// crypto reconcile's output: a BTC table, a fiat table and the rule breaks. Tables and CSV show
// amounts in major units (CSV without grouping, so a spreadsheet computes with them); JSON gives
// satoshi and minor units as integers.

#include "CryptoCommands.hpp"

#include <fmt/format.h>
#include <ostream>

namespace asicledger {
namespace {

Json optional(const std::optional<std::int64_t>& value)
{
    return value ? Json(*value) : Json();
}

Json lineJson(const CryptoPairLine& line)
{
    Json fiat = Json::array();
    for (const auto& money : line.fiat)
        fiat.push_back({{"currency", money.currency},
                        {"sold_sats", money.satsSold.minor()},
                        {"opening_outstanding_minor", money.openingOutstandingMinor},
                        {"raised_minor", money.raisedMinor},
                        {"fees_minor", money.feesMinor},
                        {"remitted_minor", money.remittedMinor},
                        {"closing_outstanding_minor", money.closingOutstandingMinor},
                        {"average_price_minor", optional(money.averagePriceMinor)},
                        {"oldest_unremitted",
                         money.oldestUnremitted ? Json(isoDate(*money.oldestUnremitted)) : Json()},
                        {"oldest_unremitted_days",
                         money.oldestUnremittedDays ? Json(*money.oldestUnremittedDays) : Json()}});
    return {{"domestic", line.domestic.name},
            {"overseas", line.overseas ? Json(line.overseas->name) : Json()},
            {"opening_held_sats", line.openingHeld.minor()},
            {"mined_sats", line.mined.minor()},
            {"transferred_sats", line.transferred.minor()},
            {"converted_sats", line.converted.minor()},
            {"closing_held_sats", line.closingHeld.minor()},
            {"fiat", fiat}};
}

Json resultJson(const CryptoReconciliationResult& result)
{
    Json lines = Json::array();
    for (const auto& line : result.lines)
        lines.push_back(lineJson(line));
    Json breaks = Json::array();
    for (const auto& ruleBreak : result.ruleBreaks)
        breaks.push_back({{"date", isoDate(ruleBreak.date)},
                          {"kind", std::string(toText(ruleBreak.kind))},
                          {"record_id", ruleBreak.recordId ? Json(ruleBreak.recordId) : Json()},
                          {"message", ruleBreak.message}});
    return {{"from", result.from ? Json(isoDate(*result.from)) : Json()},
            {"to", isoDate(result.to)},
            {"lines", lines},
            {"rule_breaks", breaks}};
}

// An amount as a person reads it (table) or a spreadsheet does (CSV).
std::string amount(std::int64_t minor, int digits, OutputFormat format)
{
    auto text = formatMinorUnits(minor, digits);
    if (format == OutputFormat::Csv)
        std::erase(text, ' ');
    return text;
}

void section(std::ostream& out, OutputFormat format, const std::string& title, bool first)
{
    if (!first)
        out << '\n';
    if (format == OutputFormat::Table)
        out << title << '\n';
}

} // namespace

void writeReconciliation(std::ostream& out, OutputFormat format,
                         const CryptoReconciliationResult& result)
{
    if (format == OutputFormat::Json) {
        writeJson(out, resultJson(result));
        return;
    }
    if (format == OutputFormat::Table)
        out << (result.from
                    ? fmt::format("Crypto reconciliation, {} to {}\n\n", isoDate(*result.from),
                                  isoDate(result.to))
                    : fmt::format("Crypto reconciliation, up to {}\n\n", isoDate(result.to)));

    section(out, format,
            "BTC (own wallet: opening + mined - transferred - converted = held; "
            "overseas: opening + transferred - converted = held)",
            true);
    RowWriter btc(out, format,
                  {{"domestic", "Domestic"},
                   {"held_by", "Held by"},
                   {"opening_btc", "Opening, BTC", CellKind::Number},
                   {"mined_btc", "Mined", CellKind::Number},
                   {"transferred_btc", "Transferred", CellKind::Number},
                   {"converted_btc", "Converted", CellKind::Number},
                   {"held_btc", "Held, BTC", CellKind::Number}});
    for (const auto& line : result.lines)
        btc.add({{"domestic", line.domestic.name},
                 {"held_by", line.overseas ? line.overseas->name : line.domestic.name},
                 {"opening_btc", formatBtc(line.openingHeld)},
                 {"mined_btc", formatBtc(line.mined)},
                 {"transferred_btc", formatBtc(line.transferred)},
                 {"converted_btc", formatBtc(line.converted)},
                 {"held_btc", formatBtc(line.closingHeld)}});
    btc.finish();

    section(out, format,
            "Fiat (opening + raised - fees - remitted = outstanding; sold at home: "
            "nothing outstanding)",
            false);
    RowWriter fiat(out, format,
                   {{"domestic", "Domestic"},
                    {"held_by", "Sold by"},
                    {"currency", "Currency"},
                    {"sold_btc", "Sold, BTC", CellKind::Number},
                    {"opening_outstanding", "Opening owed", CellKind::Number},
                    {"raised", "Raised", CellKind::Number},
                    {"fees", "Fees", CellKind::Number},
                    {"remitted", "Remitted", CellKind::Number},
                    {"outstanding", "Outstanding", CellKind::Number},
                    {"average_price", "Price per BTC", CellKind::Number},
                    {"oldest_unremitted", "Oldest unremitted"},
                    {"age_days", "Age, days", CellKind::Number}});
    for (const auto& line : result.lines) {
        for (const auto& money : line.fiat) {
            const auto digits = money.currencyDigits;
            fiat.add(
                {{"domestic", line.domestic.name},
                 {"held_by", line.overseas ? line.overseas->name : line.domestic.name},
                 {"currency", money.currency},
                 {"sold_btc", formatBtc(money.satsSold)},
                 {"opening_outstanding", amount(money.openingOutstandingMinor, digits, format)},
                 {"raised", amount(money.raisedMinor, digits, format)},
                 {"fees", amount(money.feesMinor, digits, format)},
                 {"remitted", amount(money.remittedMinor, digits, format)},
                 {"outstanding", amount(money.closingOutstandingMinor, digits, format)},
                 {"average_price", money.averagePriceMinor
                                       ? Json(amount(*money.averagePriceMinor, digits, format))
                                       : Json()},
                 {"oldest_unremitted",
                  money.oldestUnremitted ? Json(isoDate(*money.oldestUnremitted)) : Json()},
                 {"age_days",
                  money.oldestUnremittedDays ? Json(*money.oldestUnremittedDays) : Json()}});
        }
    }
    fiat.finish();

    section(out, format, "Rule breaks", false);
    RowWriter breaks(out, format,
                     {{"date", "Date"},
                      {"kind", "Record"},
                      {"record_id", "Id", CellKind::Number},
                      {"message", "What is wrong"}});
    for (const auto& ruleBreak : result.ruleBreaks)
        breaks.add({{"date", isoDate(ruleBreak.date)},
                    {"kind", std::string(toText(ruleBreak.kind))},
                    {"record_id", ruleBreak.recordId ? Json(ruleBreak.recordId) : Json()},
                    {"message", ruleBreak.message}});
    breaks.finish();
}

} // namespace asicledger
