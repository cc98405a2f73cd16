#include "ReplayedState.hpp"

#include "RawStatement.hpp"
#include "RowHistory.hpp"
#include "StoredSums.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <sqlite3.h>

namespace asicledger {
namespace {

// Ids below this live in a bitmap (8 MB at most); SQLite hands out 1, 2, 3...
constexpr std::int64_t kDenseIds = std::int64_t{1} << 26;

} // namespace

bool ReplayedState::IdSet::insert(std::int64_t id)
{
    if (id < 0 || id >= kDenseIds)
        return m_sparse.insert(id).second;
    const auto word = static_cast<std::size_t>(id / 64);
    const auto bit = std::uint64_t{1} << (id % 64);
    if (word >= m_dense.size())
        m_dense.resize(std::max(word + 1, m_dense.size() * 2));
    if (m_dense[word] & bit)
        return false;
    m_dense[word] |= bit;
    return true;
}

bool ReplayedState::IdSet::contains(std::int64_t id) const
{
    if (id < 0 || id >= kDenseIds)
        return m_sparse.count(id) > 0;
    const auto word = static_cast<std::size_t>(id / 64);
    return word < m_dense.size() && (m_dense[word] & (std::uint64_t{1} << (id % 64)));
}

ReplayedState::ReplayedState(SQLite::Database& db, Report report)
    : m_db(db), m_report(std::move(report)), m_shapes(TableShape::readAll(db))
{
    for (auto& [name, shape] : m_shapes) {
        auto& table = m_tables[name];
        table.shape = &shape;
        table.batch = std::make_unique<RowDigest::Batch>(m_digest, table.cells);
    }
}

std::int64_t ReplayedState::storedRowCount() const
{
    std::int64_t rows = 0;
    for (const auto& [name, shape] : m_shapes)
        rows += shape.storedRows();
    return rows;
}

void ReplayedState::report(std::string message)
{
    if (!m_muted)
        m_report(std::move(message));
}

void ReplayedState::apply(const JournalEntry& entry, std::string_view changes)
{
    RowImages::forEach(
        changes, [&](const RowImage& image) { applyImage(entry, image); },
        [&](const std::string& problem) {
            report(fmt::format("{}: {}", RowImages::describe(entry), problem));
        });
}

ReplayedState::ReplayedTable* ReplayedState::tableOf(std::string_view name,
                                                     const JournalEntry& entry)
{
    if (m_lastTable && m_lastTable->shape->name() == name)
        return m_lastTable;
    if (const auto found = m_tables.find(name); found != m_tables.end())
        return m_lastTable = &found->second;
    if (m_missingReported.insert(std::string(name)).second)
        report(fmt::format("{}: it writes table {}, which the ledger no longer has — the table "
                           "was dropped or renamed behind the application's back",
                           RowImages::describe(entry), name));
    return nullptr;
}

// Images of one kind name the same columns row after row: the names are looked up once.
const std::vector<std::size_t>& ReplayedState::columnsOf(const JournalEntry& entry,
                                                         ReplayedTable& table,
                                                         std::span<const std::string_view> columns)
{
    if (std::equal(columns.begin(), columns.end(), table.names.begin(), table.names.end()))
        return table.indices;
    const auto& shape = *table.shape;
    table.names.clear();
    table.indices.clear();
    std::vector<bool> named(shape.columns().size());
    for (const auto& column : columns) {
        const auto index = shape.columnIndex(column);
        if (index == std::string::npos &&
            m_missingReported.insert(shape.name() + "." + std::string(column)).second)
            report(fmt::format("{}: it writes column {} of table {}, which the ledger no longer "
                               "has — the column was dropped or renamed behind the "
                               "application's back",
                               RowImages::describe(entry), column, shape.name()));
        if (index != std::string::npos && named[index]) {
            table.names.clear();
            table.indices.clear();
            throw UnreadableImage(fmt::format("it names column {} twice", column));
        }
        if (index != std::string::npos)
            named[index] = true;
        table.indices.push_back(index);
    }
    table.names.assign(columns.begin(), columns.end());
    return table.indices;
}

void ReplayedState::applyImage(const JournalEntry& entry, const RowImage& image)
{
    auto* table = tableOf(image.table, entry);
    if (!table || (m_muted && !table->byRow))
        return;
    if (image.op == "insert")
        applyInsert(entry, *table, image);
    else if (image.op == "update")
        applyUpdate(entry, *table, image);
    else
        report(fmt::format("{}: it holds a row image of a kind the ledger never writes ('{}')",
                           RowImages::describe(entry), image.op));
}

RowDigest::Cell ReplayedState::expectedCell(const TableShape& shape, std::int64_t id,
                                            std::size_t index, const ImageValue& value) const
{
    // As TableShape::expectedValue, without building the value.
    const auto affinity = shape.columns()[index].affinity;
    switch (value.kind) {
    case ImageValue::Kind::Null:
        return m_digest.null(id, index);
    case ImageValue::Kind::Integer:
        if (affinity == TableShape::Affinity::Text) {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, value.integer).ptr;
            return m_digest.text(id, index, std::string_view(digits, end - digits));
        }
        return m_digest.integer(id, index, value.integer);
    case ImageValue::Kind::Text:
        if (affinity == TableShape::Affinity::Integer) {
            if (const auto number = TableShape::canonicalInteger(value.text))
                return m_digest.integer(id, index, *number);
        }
        return m_digest.text(id, index, value.text);
    case ImageValue::Kind::Other:
        break;
    }
    return m_digest.of(id, index, shape.expectedValue(index, value)); // throws UnreadableImage
}

void ReplayedState::applyInsert(const JournalEntry& entry, ReplayedTable& table,
                                const RowImage& image)
{
    const auto& shape = *table.shape;
    const auto& indices = columnsOf(entry, table, image.columns);
    m_values.assign(shape.columns().size(), nullptr);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (indices[k] != std::string::npos)
            m_values[indices[k]] = &image.after[k];
    }
    // Every cell first: a value the ledger never writes leaves the row out altogether.
    m_cells.clear();
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (i == shape.idColumn())
            m_cells.push_back(m_digest.integer(image.id, i, image.id));
        else if (m_values[i])
            m_cells.push_back(expectedCell(shape, image.id, i, *m_values[i]));
        else
            m_cells.push_back(m_digest.of(image.id, i, shape.columns()[i].defaultValue));
    }
    insertRow(entry, table, image.id);
}

void ReplayedState::insertRow(const JournalEntry& entry, ReplayedTable& table, std::int64_t id)
{
    const auto reused = [&] {
        report(fmt::format("{}: it inserts {} #{}, which an earlier entry had already inserted "
                           "— that row was deleted behind the application's back and its id "
                           "used again",
                           RowImages::describe(entry), table.shape->name(), id));
    };
    if (!table.byRow) {
        if (!table.ids.insert(id))
            reused();
        for (const auto& cell : m_cells)
            table.batch->add(cell);
        return;
    }
    const auto digest = m_digest.sum(m_cells);
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
        reused();
        at->digest = digest;
        return;
    }
    rows.insert(at, {id, digest});
}

void ReplayedState::applyUpdate(const JournalEntry& entry, ReplayedTable& table,
                                const RowImage& image)
{
    const auto& shape = *table.shape;
    RowDigest::Sum* row = nullptr;
    bool found = false;
    if (table.byRow) {
        auto& rows = table.rows;
        const auto at = std::lower_bound(
            rows.begin(), rows.end(), image.id,
            [](const ReplayedRow& replayed, std::int64_t key) { return replayed.id < key; });
        found = at != rows.end() && at->id == image.id;
        row = found ? &at->digest : nullptr;
    } else {
        found = table.ids.contains(image.id);
    }
    if (!found) {
        report(fmt::format("{}: it updates {} #{}, which no earlier entry inserted",
                           RowImages::describe(entry), shape.name(), image.id));
        return;
    }
    const auto& indices = columnsOf(entry, table, image.columns);
    m_before.clear();
    m_cells.clear();
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (indices[k] == std::string::npos)
            continue;
        m_before.push_back(expectedCell(shape, image.id, indices[k], image.before[k]));
        m_cells.push_back(expectedCell(shape, image.id, indices[k], image.after[k]));
    }
    if (row) {
        row->subtract(m_digest.sum(m_before));
        row->add(m_digest.sum(m_cells));
        return;
    }
    for (std::size_t k = 0; k < m_cells.size(); ++k) {
        table.batch->subtract(m_before[k]);
        table.batch->add(m_cells[k]);
    }
}

std::int64_t ReplayedState::compare(const StoredSums& stored, std::size_t detailLimit)
{
    bool allAgree = true;
    for (auto& [name, table] : m_tables) {
        table.batch->flush();
        if (!(stored.sumOf(name) == table.cells)) {
            table.byRow = true;
            allAgree = false;
        }
    }
    if (allAgree)
        return 0;
    replayByRow();
    std::vector<RowFinding> findings;
    std::int64_t moreFailures = 0;
    for (auto& [name, table] : m_tables) {
        if (table.byRow)
            compareTable(table, findings, detailLimit, moreFailures);
    }
    explain(findings);
    for (const auto& finding : findings) {
        for (const auto& message : finding.messages)
            m_report(message);
    }
    return moreFailures;
}

// The journal once more, row by row, for the tables whose sums differ: the first replay has
// already said everything about the images themselves.
void ReplayedState::replayByRow()
{
    for (auto& [name, table] : m_tables) {
        if (table.byRow)
            table.rows.reserve(static_cast<std::size_t>(table.shape->storedRows()) + 16);
    }
    m_muted = true;
    Journal(m_db).forEachEntry(
        [&](const JournalEntry& entry, std::string_view changes) { apply(entry, changes); });
    m_muted = false;
}

void ReplayedState::compareTable(ReplayedTable& table, std::vector<RowFinding>& findings,
                                 std::size_t detailLimit, std::int64_t& moreFailures)
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
    const auto query = prepareRaw(m_db, shape.selectRows("ORDER BY rowid"));
    auto next = table.rows.begin();
    while (stepRaw(m_db, query.get())) {
        const std::int64_t id = sqlite3_column_int64(query.get(), 0);
        for (; next != table.rows.end() && next->id < id; ++next)
            flag(Finding::Deleted, next->id, {});
        if (next == table.rows.end() || next->id > id) {
            SQLite::Statement row(m_db, shape.selectRows("WHERE rowid = ?"));
            row.bind(1, id);
            std::vector<SqlValue> values;
            if (row.executeStep())
                shape.readRow(row, values);
            flag(Finding::Inserted, id,
                 fmt::format("{}: the row is in the ledger but no journal entry wrote it — it was "
                             "inserted behind the application's back",
                             shape.label(id, values)));
            continue;
        }
        StoredSums::cellsOf(m_digest, shape, query.get(), id, m_cells);
        if (!(m_digest.sum(m_cells) == next->digest))
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
