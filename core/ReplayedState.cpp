#include "ReplayedState.hpp"

#include "RowHistory.hpp"
#include "RowImages.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

namespace asicledger {
namespace {

std::uint64_t load64(const unsigned char* bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

} // namespace

void ReplayedState::Digest::add(const Digest& other)
{
    low += other.low;
    high += other.high;
}

void ReplayedState::Digest::subtract(const Digest& other)
{
    low -= other.low;
    high -= other.high;
}

ReplayedState::ReplayedState(SQLite::Database& db, Report report)
    : m_db(db), m_report(std::move(report)), m_shapes(TableShape::readAll(db))
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
    // A fresh key per run: nobody can prepare a row whose digest matches the journal's.
    randombytes_buf(m_key.data(), m_key.size());
    for (auto& [name, shape] : m_shapes) {
        ReplayedTable table;
        table.shape = &shape;
        for (std::size_t i = 0; i < shape.columns().size(); ++i) {
            if (i != shape.idColumn())
                table.defaults.add(
                    columnDigest(shape.columns()[i].name, shape.columns()[i].defaultValue));
        }
        table.rows.reserve(static_cast<std::size_t>(shape.storedRows()) + 16);
        m_tables.emplace(name, std::move(table));
    }
}

std::int64_t ReplayedState::storedRowCount() const
{
    std::int64_t rows = 0;
    for (const auto& [name, shape] : m_shapes)
        rows += shape.storedRows();
    return rows;
}

ReplayedState::Digest ReplayedState::columnDigest(const std::string& column,
                                                  const SqlValue& value) const
{
    m_scratch.assign(column);
    m_scratch.push_back('\0');
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        m_scratch.push_back('I');
        for (int i = 0; i < 8; ++i)
            m_scratch.push_back(static_cast<char>(static_cast<std::uint64_t>(*number) >> (8 * i)));
    } else if (const auto* text = std::get_if<std::string>(&value)) {
        m_scratch.push_back('T');
        m_scratch.append(*text);
    } else {
        m_scratch.push_back('N');
    }
    std::array<unsigned char, crypto_shorthash_siphashx24_BYTES> out{};
    crypto_shorthash_siphashx24(out.data(),
                                reinterpret_cast<const unsigned char*>(m_scratch.data()),
                                m_scratch.size(), m_key.data());
    return {load64(out.data()), load64(out.data() + 8)};
}

void ReplayedState::apply(const JournalEntry& entry)
{
    RowImages::forEach(
        entry.changes, [&](const nlohmann::json& image) { applyImage(entry, image); },
        [&](const std::string& problem) {
            m_report(fmt::format("{}: {}", RowImages::describe(entry), problem));
        });
}

ReplayedState::ReplayedTable* ReplayedState::tableOf(const std::string& name,
                                                     const JournalEntry& entry)
{
    if (const auto found = m_tables.find(name); found != m_tables.end())
        return &found->second;
    if (m_missingReported.insert(name).second)
        m_report(fmt::format("{}: it writes table {}, which the ledger no longer has — the table "
                             "was dropped or renamed behind the application's back",
                             RowImages::describe(entry), name));
    return nullptr;
}

std::size_t ReplayedState::columnOf(const JournalEntry& entry, const TableShape& shape,
                                    const std::string& column)
{
    const auto index = shape.columnIndex(column);
    if (index == std::string::npos && m_missingReported.insert(shape.name() + "." + column).second)
        m_report(fmt::format("{}: it writes column {} of table {}, which the ledger no longer "
                             "has — the column was dropped or renamed behind the application's "
                             "back",
                             RowImages::describe(entry), column, shape.name()));
    return index;
}

void ReplayedState::applyImage(const JournalEntry& entry, const nlohmann::json& image)
{
    const auto& op = image.at("op").get_ref<const std::string&>();
    auto* table = tableOf(image.at("table").get_ref<const std::string&>(), entry);
    if (!table)
        return;
    const auto id = image.at("id").get<std::int64_t>();
    if (op == "insert")
        applyInsert(entry, *table, id, image.at("row"));
    else if (op == "update")
        applyUpdate(entry, *table, id, image.at("before"), image.at("after"));
    else
        m_report(fmt::format("{}: it holds a row image of a kind the ledger never writes ('{}')",
                             RowImages::describe(entry), op));
}

void ReplayedState::applyInsert(const JournalEntry& entry, ReplayedTable& table, std::int64_t id,
                                const nlohmann::json& row)
{
    const auto& shape = *table.shape;
    Digest digest = table.defaults;
    if (shape.idColumn() != std::string::npos)
        digest.add(columnDigest(shape.columns()[shape.idColumn()].name, id));
    for (const auto& [name, value] : row.items()) {
        const auto index = columnOf(entry, shape, name);
        if (index == std::string::npos || index == shape.idColumn())
            continue;
        const auto& column = shape.columns()[index];
        digest.subtract(columnDigest(column.name, column.defaultValue));
        digest.add(columnDigest(column.name, shape.expectedValue(index, value)));
    }
    auto& rows = table.rows;
    if (rows.empty() || rows.back().id < id) {
        rows.push_back({id, digest});
        return;
    }
    // Ids only go down when a row was deleted behind the application's back and SQLite handed
    // its id out again.
    const auto at = std::lower_bound(
        rows.begin(), rows.end(), id,
        [](const ReplayedRow& replayed, std::int64_t key) { return replayed.id < key; });
    if (at != rows.end() && at->id == id) {
        m_report(fmt::format("{}: it inserts {} #{}, which an earlier entry had already inserted "
                             "— that row was deleted behind the application's back and its id "
                             "used again",
                             RowImages::describe(entry), shape.name(), id));
        at->digest = digest;
        return;
    }
    rows.insert(at, {id, digest});
}

void ReplayedState::applyUpdate(const JournalEntry& entry, ReplayedTable& table, std::int64_t id,
                                const nlohmann::json& before, const nlohmann::json& after)
{
    const auto& shape = *table.shape;
    auto& rows = table.rows;
    const auto at = std::lower_bound(
        rows.begin(), rows.end(), id,
        [](const ReplayedRow& replayed, std::int64_t key) { return replayed.id < key; });
    if (at == rows.end() || at->id != id) {
        m_report(fmt::format("{}: it updates {} #{}, which no earlier entry inserted",
                             RowImages::describe(entry), shape.name(), id));
        return;
    }
    for (const auto& [name, value] : after.items()) {
        const auto index = columnOf(entry, shape, name);
        if (index == std::string::npos)
            continue;
        const auto& column = shape.columns()[index];
        at->digest.subtract(columnDigest(column.name, shape.expectedValue(index, before.at(name))));
        at->digest.add(columnDigest(column.name, shape.expectedValue(index, value)));
    }
}

std::int64_t ReplayedState::compare(std::size_t detailLimit, const std::function<void()>& onRow)
{
    std::vector<RowFinding> findings;
    std::int64_t moreFailures = 0;
    for (auto& [name, table] : m_tables)
        compareTable(table, findings, detailLimit, moreFailures, onRow);
    explain(findings);
    for (const auto& finding : findings) {
        for (const auto& message : finding.messages)
            m_report(message);
    }
    return moreFailures;
}

void ReplayedState::compareTable(ReplayedTable& table, std::vector<RowFinding>& findings,
                                 std::size_t detailLimit, std::int64_t& moreFailures,
                                 const std::function<void()>& onRow)
{
    const auto& shape = *table.shape;
    const auto flag = [&](Finding kind, std::int64_t id, std::string message) {
        if (findings.size() >= detailLimit) {
            ++moreFailures;
            return;
        }
        RowFinding finding{kind, shape.name(), id, {}};
        if (!message.empty())
            finding.messages.push_back(std::move(message));
        findings.push_back(std::move(finding));
    };
    // Both sides in id order: one merge, whatever the size of the table.
    SQLite::Statement query(m_db, shape.selectRows("ORDER BY rowid"));
    std::vector<SqlValue> values;
    auto next = table.rows.begin();
    while (query.executeStep()) {
        const auto id = query.getColumn(0).getInt64();
        shape.readRow(query, values);
        ++m_rowsChecked;
        if (onRow)
            onRow();
        for (; next != table.rows.end() && next->id < id; ++next)
            flag(Finding::Deleted, next->id, {});
        if (next == table.rows.end() || next->id > id) {
            flag(Finding::Inserted, id,
                 fmt::format("{}: the row is in the ledger but no journal entry wrote it — it was "
                             "inserted behind the application's back",
                             shape.label(id, values)));
            continue;
        }
        Digest stored;
        for (std::size_t i = 0; i < values.size(); ++i)
            stored.add(columnDigest(shape.columns()[i].name, values[i]));
        if (!(stored == next->digest))
            flag(Finding::Differs, id, {});
        ++next;
    }
    for (; next != table.rows.end(); ++next)
        flag(Finding::Deleted, next->id, {});
}

// Puts into words what the digests only detected: which column, both values, which entry.
void ReplayedState::explain(std::vector<RowFinding>& findings)
{
    RowHistory history(m_db, m_shapes);
    for (const auto& finding : findings) {
        if (finding.kind != Finding::Inserted)
            history.add(finding.table, finding.id);
    }
    history.read();
    for (auto& finding : findings) {
        if (finding.kind == Finding::Inserted)
            continue;
        const auto& shape = m_shapes.at(finding.table);
        const auto& row = history.row(finding.table, finding.id);
        if (!row.beforeProblem.empty())
            finding.messages.push_back(row.beforeProblem);
        if (finding.kind == Finding::Deleted) {
            finding.messages.push_back(fmt::format(
                "{}: the journal wrote this row (last in {}) but it is not in the ledger — it "
                "was deleted behind the application's back",
                shape.label(finding.id, row.values), row.lastWriter));
            continue;
        }
        SQLite::Statement query(m_db, shape.selectRows("WHERE rowid = ?"));
        query.bind(1, finding.id);
        std::vector<SqlValue> stored;
        if (query.executeStep())
            shape.readRow(query, stored);
        std::string differences;
        for (std::size_t i = 0; i < stored.size() && i < row.values.size(); ++i) {
            if (stored[i] != row.values[i])
                differences +=
                    fmt::format("{}{} is {} in the ledger but {} in the journal",
                                differences.empty() ? "" : "; ", shape.columns()[i].name,
                                TableShape::shown(stored[i]), TableShape::shown(row.values[i]));
        }
        if (!differences.empty())
            finding.messages.push_back(
                fmt::format("{}: {} (last written by {}) — it was changed behind the "
                            "application's back",
                            shape.label(finding.id, stored), differences, row.lastWriter));
        else if (row.beforeProblem.empty())
            finding.messages.push_back(
                fmt::format("{}: the row differs from what the journal wrote (last in {})",
                            shape.label(finding.id, stored), row.lastWriter));
    }
}

} // namespace asicledger
