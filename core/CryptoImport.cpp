#include "CryptoImport.hpp"

#include "CryptoLedger.hpp"
#include "CryptoRules.hpp"
#include "CsvReader.hpp"
#include "Currency.hpp"
#include "DecimalNumber.hpp"
#include "Ledger.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace asicledger {
namespace {

struct ColumnSpec
{
    std::string_view name;
    bool required;
    std::vector<std::string_view> aliases; // in normal form (see normalHeader)
};

const std::vector<ColumnSpec>& specs(CryptoFlowKind kind)
{
    static const std::vector<ColumnSpec> mined{
        {"entity", true, {"company", "domestic_entity", "account_owner"}},
        {"date", true, {"mined_date", "payout_date", "paid_date", "payment_date"}},
        {"sats", false, {"satoshi", "satoshis", "amount_sats", "sat"}},
        {"btc", false, {"amount_btc", "btc_amount", "paid_btc"}},
        {"payout_ref",
         true,
         {"ref", "reference", "payout_id", "payout_reference", "txid", "transaction_id", "tx_id"}},
        {"pool", false, {"pool_name", "mining_pool"}},
    };
    static const std::vector<ColumnSpec> transfer{
        {"from", true, {"from_entity", "sender"}},
        {"to", true, {"to_entity", "recipient", "receiver"}},
        {"date", true, {"transfer_date"}},
        {"sats", false, {"satoshi", "satoshis", "amount_sats", "sat"}},
        {"btc", false, {"amount_btc", "btc_amount"}},
        {"txid", true, {"tx_id", "transaction_id", "tx_hash", "hash"}},
    };
    static const std::vector<ColumnSpec> conversion{
        {"entity", true, {"seller", "seller_entity"}},
        {"venue", true, {"exchange", "broker"}},
        {"date", true, {"conversion_date", "trade_date"}},
        {"sats", false, {"sats_sold", "satoshi", "satoshis", "amount_sats"}},
        {"btc", false, {"btc_sold", "amount_btc", "btc_amount"}},
        {"amount", true, {"proceeds", "gross", "gross_proceeds", "fiat_amount"}},
        {"currency", true, {"ccy", "fiat_currency"}},
        {"fee", false, {"fees", "fee_amount"}},
        {"source", false, {"source_entity", "coins_of"}},
    };
    static const std::vector<ColumnSpec> remittance{
        {"from", true, {"from_entity", "sender", "remitter"}},
        {"to", true, {"to_entity", "recipient", "beneficiary"}},
        {"date", true, {"remittance_date", "value_date"}},
        {"amount", true, {"amount_remitted"}},
        {"currency", true, {"ccy"}},
        {"bank_ref", true, {"ref", "reference", "bank_reference", "payment_reference"}},
    };
    switch (kind) {
    case CryptoFlowKind::Mined:
        return mined;
    case CryptoFlowKind::Transfer:
        return transfer;
    case CryptoFlowKind::Conversion:
        return conversion;
    case CryptoFlowKind::Remittance:
        return remittance;
    }
    return mined;
}

// "Amount (BTC)" -> "amount_btc", "Bank Ref." -> "bank_ref".
std::string normalHeader(std::string_view cell)
{
    std::string name;
    for (char c : toLowerAscii(trim(cell))) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            name += c;
        else if (!name.empty() && name.back() != '_')
            name += '_';
    }
    while (!name.empty() && name.back() == '_')
        name.pop_back();
    return name;
}

// Which cell of a row holds which canonical column.
class Columns
{
public:
    Columns(CryptoFlowKind kind, const CsvRecord& header, std::vector<ImportProblem>& problems,
            CryptoImportSummary& summary)
    {
        const auto& columns = specs(kind);
        m_width = header.fields.size();
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            const auto name = normalHeader(header.fields[i]);
            const ColumnSpec* found = nullptr;
            for (const auto& spec : columns) {
                if (spec.name == name ||
                    std::find(spec.aliases.begin(), spec.aliases.end(), name) != spec.aliases.end())
                    found = &spec;
            }
            summary.columns.push_back({header.fields[i], found ? std::string(found->name) : ""});
            if (!found) {
                if (!name.empty())
                    summary.warnings.push_back(
                        {header.line, fmt::format("column '{}' is not one the {} import reads: "
                                                  "it was ignored",
                                                  header.fields[i], toText(kind))});
                continue;
            }
            const auto [at, inserted] = m_cells.try_emplace(std::string(found->name), i);
            if (!inserted)
                problems.push_back(
                    {header.line, std::string(found->name),
                     fmt::format("columns '{}' and '{}' both give the {}: keep one",
                                 header.fields[at->second], header.fields[i], found->name)});
        }
        for (const auto& spec : columns) {
            if (spec.required && !has(spec.name))
                problems.push_back({header.line, std::string(spec.name),
                                    fmt::format("the header has no '{}' column", spec.name)});
        }
        if (kind != CryptoFlowKind::Remittance && has("sats") == has("btc"))
            problems.push_back({header.line, "sats",
                                has("sats") ? "the header has both 'sats' and 'btc': keep one"
                                            : "the header has neither 'sats' nor 'btc': give the "
                                              "amount in satoshi or in BTC"});
    }

    bool has(std::string_view name) const { return m_cells.count(std::string(name)) > 0; }
    std::size_t width() const { return m_width; }
    const std::map<std::string, std::size_t>& cells() const { return m_cells; }
    std::string cell(const CsvRecord& row, std::string_view name) const
    {
        const auto at = m_cells.find(std::string(name));
        if (at == m_cells.end() || at->second >= row.fields.size())
            return {};
        return trim(row.fields[at->second]);
    }

private:
    std::map<std::string, std::size_t> m_cells;
    std::size_t m_width = 0;
};

bool isPlainNumber(std::string_view text)
{
    return DecimalNumber::parse(text).has_value();
}

// A cell a spreadsheet would run when the records are exported again (=, +, @, a tab, or a - that
// does not start a number): refused, as the shipment import refuses them.
std::optional<std::string> formulaProblem(std::string_view raw)
{
    const auto text = trim(raw);
    const bool formula =
        (!raw.empty() && raw.front() == '\t') ||
        (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '@' ||
                           (text.front() == '-' && !isPlainNumber(text))));
    if (!formula)
        return std::nullopt;
    return fmt::format("'{}' looks like a spreadsheet formula: the ledger does not store cells a "
                       "spreadsheet would run; give the plain value",
                       text);
}

// Reads the date and BTC cells of a row; their problems go to `problems` at the row's line. A
// placeholder stands in for a bad cell so CryptoRules still checks the rest of the row.
class RowCells
{
public:
    RowCells(const Columns& columns, const CsvRecord& row, std::vector<CryptoProblem>& problems)
        : m_columns(columns), m_row(row), m_problems(problems)
    {}

    Date date()
    {
        const auto text = m_columns.cell(m_row, "date");
        if (const auto date = parseDate(text))
            return *date;
        fail("date", text.empty() ? std::string("the date is missing")
                                  : fmt::format("'{}' is not a date: write it as YYYY-MM-DD or "
                                                "DD.MM.YYYY",
                                                text));
        return Date(1970, 1, 1);
    }

    Satoshi sats()
    {
        if (m_columns.has("sats")) {
            const auto text = m_columns.cell(m_row, "sats");
            if (const auto sats = CryptoRules::parseSatoshi(text))
                return *sats;
            fail("sats", text.empty() ? std::string("the amount in satoshi is missing")
                                      : fmt::format("'{}' is not a whole number of satoshi", text));
            return Satoshi(1);
        }
        const auto text = m_columns.cell(m_row, "btc");
        const auto number = DecimalNumber::parse(text);
        if (number) {
            if (const auto sats = number->toMinorUnits(8))
                return Satoshi(*sats);
        }
        if (!number)
            fail("btc", fmt::format("'{}' is not an amount of BTC", text));
        else if (number->scale() > 8)
            fail("btc", fmt::format("{} BTC has more than 8 decimals: a satoshi is the smallest "
                                    "amount",
                                    number->text()));
        else
            fail("btc", fmt::format("{} BTC is more than there will ever be (21 million BTC): "
                                    "check the amount",
                                    number->text()));
        return Satoshi(1);
    }

private:
    void fail(std::string column, std::string message)
    {
        m_problems.push_back(
            {m_row.line, std::move(column), std::move(message), CryptoProblem::Kind::Invalid});
    }

    const Columns& m_columns;
    const CsvRecord& m_row;
    std::vector<CryptoProblem>& m_problems;
};

std::optional<CryptoFlow> readRow(CryptoFlowKind kind, const Columns& columns, const CsvRecord& row,
                                  CryptoRules& rules, std::vector<CryptoProblem>& problems)
{
    const auto before = problems.size();
    if (row.fields.size() != columns.width()) {
        problems.push_back({row.line, "",
                            fmt::format("this row has {} cells but the header has {}: a cell "
                                        "holding the separator must be quoted, and no cell may "
                                        "be left out",
                                        row.fields.size(), columns.width()),
                            CryptoProblem::Kind::Invalid});
        return std::nullopt;
    }
    for (const auto& [name, at] : columns.cells()) {
        // No name, reference or amount is this long; a runaway cell is not echoed back whole.
        constexpr std::size_t kLongestCell = 200;
        if (row.fields[at].size() > kLongestCell)
            problems.push_back({row.line, name,
                                fmt::format("the {} is {} bytes long; at most {} fit", name,
                                            row.fields[at].size(), kLongestCell),
                                CryptoProblem::Kind::Invalid});
        else if (const auto control =
                     std::find_if(row.fields[at].begin(), row.fields[at].end(),
                                  [](unsigned char c) { return c < 0x20 || c == 0x7F; });
                 control != row.fields[at].end())
            problems.push_back(
                {row.line, name,
                 fmt::format("the {} holds a control character (byte 0x{:02X}): a name or "
                             "reference is printable text; retype the cell",
                             name, static_cast<unsigned char>(*control)),
                 CryptoProblem::Kind::Invalid});
        else if (auto why = formulaProblem(row.fields[at]))
            problems.push_back({row.line, name, std::move(*why), CryptoProblem::Kind::Invalid});
    }
    if (problems.size() != before)
        return std::nullopt;
    RowCells cells(columns, row, problems);
    std::optional<CryptoFlow> flow;
    switch (kind) {
    case CryptoFlowKind::Mined:
        flow = rules.check(NewMined{columns.cell(row, "entity"), cells.date(), cells.sats(),
                                    columns.cell(row, "payout_ref"), columns.cell(row, "pool")},
                           row.line);
        break;
    case CryptoFlowKind::Transfer:
        flow = rules.check(NewTransfer{columns.cell(row, "from"), columns.cell(row, "to"),
                                       cells.date(), cells.sats(), columns.cell(row, "txid")},
                           row.line);
        break;
    case CryptoFlowKind::Conversion:
        flow = rules.check(NewConversion{columns.cell(row, "entity"), columns.cell(row, "venue"),
                                         cells.date(), cells.sats(), columns.cell(row, "amount"),
                                         columns.cell(row, "currency"), columns.cell(row, "fee"),
                                         columns.cell(row, "source")},
                           row.line);
        break;
    case CryptoFlowKind::Remittance:
        flow =
            rules.check(NewRemittance{columns.cell(row, "from"), columns.cell(row, "to"),
                                      cells.date(), columns.cell(row, "amount"),
                                      columns.cell(row, "currency"), columns.cell(row, "bank_ref")},
                        row.line);
        break;
    }
    if (problems.size() != before)
        return std::nullopt;
    return flow;
}

std::string_view plural(CryptoFlowKind kind)
{
    switch (kind) {
    case CryptoFlowKind::Mined:
        return "pool payouts";
    case CryptoFlowKind::Transfer:
        return "transfers";
    case CryptoFlowKind::Conversion:
        return "conversions";
    case CryptoFlowKind::Remittance:
        return "remittances";
    }
    return "records";
}

} // namespace

std::vector<std::string> CryptoImport::canonicalColumns(CryptoFlowKind kind)
{
    std::vector<std::string> names;
    for (const auto& spec : specs(kind))
        names.emplace_back(spec.name);
    return names;
}

CryptoImportSummary CryptoImport::importCsv(const Actor& actor, CryptoFlowKind kind,
                                            std::string_view bytes, bool dryRun)
{
    constexpr std::string_view what = "importing crypto flows";
    // Refuse a role before reading the file: its problems are no business of that user.
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    CryptoImportSummary summary;
    summary.kind = kind;
    summary.dryRun = dryRun;

    std::vector<CsvRecord> records;
    try {
        summary.separator = CsvReader::read(
            bytes, [&](CsvRecord&& record) { records.push_back(std::move(record)); });
    } catch (const CsvError& error) {
        // The problem carries the line; drop the "line N: " the reader's message starts with.
        std::string message = error.what();
        const auto prefix = fmt::format("line {}: ", error.line());
        if (message.starts_with(prefix))
            message.erase(0, prefix.size());
        throw ImportRefused({{error.line(), "", std::move(message)}});
    }
    if (records.empty())
        throw ImportRefused({{1, "",
                              "the file is empty: it needs a header row and one row per "
                              "record"}});

    // Everything is checked inside the transaction that writes (or, for a dry run, one that only
    // reads), so what was checked is what is written.
    const auto checkAll = [&] {
        std::vector<ImportProblem> fileProblems;
        const Columns columns(kind, records.front(), fileProblems, summary);
        if (!fileProblems.empty())
            throw ImportRefused(std::move(fileProblems));
        if (records.size() == 1)
            throw ImportRefused({{1, "", "the file has a header but no rows"}});

        std::vector<CryptoProblem> problems;
        CryptoRules rules(m_ledger, problems);
        std::vector<CryptoFlow> flows;
        for (std::size_t i = 1; i < records.size(); ++i) {
            if (auto flow = readRow(kind, columns, records[i], rules, problems))
                flows.push_back(std::move(*flow));
        }
        rules.checkTogether(flows);
        if (!problems.empty()) {
            std::stable_sort(problems.begin(), problems.end(),
                             [](const auto& a, const auto& b) { return a.line < b.line; });
            std::vector<ImportProblem> lines;
            for (auto& problem : problems)
                lines.push_back({problem.line, problem.column, problem.message});
            throw ImportRefused(std::move(lines));
        }
        summary.rows = flows.size();
        for (const auto& flow : flows) {
            summary.sats += flow.sats;
            if (!flow.currency.empty())
                summary.fiatMinor[flow.currency] += flow.fiatMinor;
        }
        return flows;
    };

    if (dryRun) {
        SQLite::Transaction reading(m_ledger.db()); // rolled back: a dry run writes nothing
        checkAll();
        return summary;
    }
    summary.journalSeq = m_ledger.write(
        actor, Permission::RecordFinance, what, fmt::format("crypto.import.{}", toText(kind)),
        [&](ChangeSet& changes) {
            auto flows = checkAll();
            for (auto& flow : flows)
                CryptoLedger::insert(changes, flow);
            std::string totals;
            if (kind != CryptoFlowKind::Remittance)
                totals = describeBtc(summary.sats);
            for (const auto& [currency, minor] : summary.fiatMinor)
                totals += (totals.empty() ? "" : ", ") +
                          formatFiat(minor, currency, Currency::find(currency)->minorDigits());
            changes.setSummary(
                fmt::format("imported {} {} from a file: {}", flows.size(), plural(kind), totals));
            return changes.journalSeq();
        });
    return summary;
}

CryptoImportSummary CryptoImport::importFile(const Actor& actor, CryptoFlowKind kind,
                                             const std::string& path, bool dryRun)
{
    AccessPolicy::require(actor, Permission::RecordFinance, "importing crypto flows");
    return importCsv(actor, kind, CsvReader::loadFile(path), dryRun);
}

} // namespace asicledger
