#include "ReplayedState.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sodium.h>

namespace asicledger {
namespace {

using nlohmann::json;

// A row image that is well-formed JSON but not something ChangeSet writes.
class UnreadableImage : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

std::string sqlName(const std::string& identifier)
{
    std::string text = "\"";
    for (char c : identifier)
        text += c == '"' ? std::string("\"\"") : std::string(1, c);
    return text + "\"";
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// How SQLite would store an integer-looking text in an INTEGER or NUMERIC column.
std::optional<std::int64_t> canonicalInteger(const std::string& text)
{
    const bool negative = !text.empty() && text[0] == '-';
    const std::string digits = negative ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 18 || (digits.size() > 1 && digits[0] == '0') ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const auto value = std::stoll(digits);
    return negative ? -value : value;
}

std::string shown(const SqlValue& value)
{
    if (const auto* number = std::get_if<std::int64_t>(&value))
        return std::to_string(*number);
    if (const auto* text = std::get_if<std::string>(&value))
        return text->size() > 60 ? fmt::format("'{}…'", text->substr(0, 60))
                                 : fmt::format("'{}'", *text);
    return "empty (NULL)";
}

std::uint64_t load64(const unsigned char* bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

} // namespace

std::string entryLabel(const JournalEntry& entry)
{
    return fmt::format("journal entry {} ({} by {}, {})", entry.seq, entry.action, entry.userName,
                       entry.recordedAt);
}

// A failing row rebuilt column by column from every image that wrote it.
struct ReplayedState::Reconstruction
{
    bool inserted = false;
    std::vector<SqlValue> values;
    std::string lastWriter;    // label of the last entry that wrote the row
    std::string beforeProblem; // the first update whose `before` did not match
};

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
    : m_db(db), m_report(std::move(report))
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
    // A fresh key per run: nobody can craft a row whose digest matches the journal's by design.
    randombytes_buf(m_key.data(), m_key.size());
    loadShapes();
}

ReplayedState::~ReplayedState() = default;

// Every table but the journal and SQLite's own, read from the schema itself, so tables added by
// later migrations are covered without anyone remembering to list them.
void ReplayedState::loadShapes()
{
    SQLite::Statement tables(m_db,
                             "SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name <> 'journal' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                             "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
    while (tables.executeStep()) {
        TableShape shape;
        shape.name = tables.getColumn(0).getString();
        SQLite::Statement info(m_db, fmt::format("PRAGMA table_info({})", sqlName(shape.name)));
        int primaryKeys = 0;
        int integerKey = -1;
        while (info.executeStep()) {
            ColumnShape column;
            column.name = info.getColumn(1).getString();
            const auto type = upper(info.getColumn(2).getString());
            if (type.find("INT") != std::string::npos || type.find("NUM") != std::string::npos ||
                type.find("DEC") != std::string::npos || type.find("BOOL") != std::string::npos)
                column.affinity = Affinity::Integer;
            else if (type.find("CHAR") != std::string::npos ||
                     type.find("CLOB") != std::string::npos ||
                     type.find("TEXT") != std::string::npos)
                column.affinity = Affinity::Text;
            column.secret = ChangeSet::isSecret(column.name);
            if (!info.getColumn(4).isNull()) {
                SQLite::Statement evaluate(m_db, "SELECT " + info.getColumn(4).getString());
                if (evaluate.executeStep())
                    column.defaultValue = columnValue(evaluate.getColumn(0));
            }
            if (info.getColumn(5).getInt() > 0) {
                ++primaryKeys;
                if (type == "INTEGER")
                    integerKey = static_cast<int>(shape.columns.size());
            }
            shape.index.emplace(column.name, shape.columns.size());
            shape.columns.push_back(std::move(column));
        }
        if (primaryKeys == 1)
            shape.idColumn = integerKey;
        for (std::size_t i = 0; i < shape.columns.size(); ++i) {
            if (static_cast<int>(i) != shape.idColumn)
                shape.defaultsDigest.add(
                    columnDigest(shape.columns[i].name, shape.columns[i].defaultValue));
        }
        const auto count =
            m_db.execAndGet(fmt::format("SELECT count(*) FROM {}", sqlName(shape.name))).getInt64();
        m_storedRows += count;
        shape.rows.reserve(static_cast<std::size_t>(count) + 16);
        m_tables.emplace(shape.name, std::move(shape));
    }
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

ReplayedState::Digest ReplayedState::storedRowDigest(const TableShape& shape,
                                                     const std::vector<SqlValue>& values) const
{
    Digest digest;
    for (std::size_t i = 0; i < shape.columns.size(); ++i) {
        const auto* text = std::get_if<std::string>(&values[i]);
        if (shape.columns[i].secret && text)
            digest.add(columnDigest(shape.columns[i].name, ChangeSet::secretImage(*text)));
        else
            digest.add(columnDigest(shape.columns[i].name, values[i]));
    }
    return digest;
}

// The value a row image promises, as the column would store it.
SqlValue ReplayedState::expectedValue(const ColumnShape& column, const json& value) const
{
    SqlValue result;
    if (value.is_number_integer() &&
        (!value.is_number_unsigned() ||
         value.get<std::uint64_t>() <= std::numeric_limits<std::int64_t>::max()))
        result = value.get<std::int64_t>();
    else if (value.is_string())
        result = value.get<std::string>();
    else if (!value.is_null())
        throw UnreadableImage(fmt::format("column {} holds {}, which the ledger never writes",
                                          column.name, value.dump()));
    if (const auto* text = std::get_if<std::string>(&result);
        text && column.affinity == Affinity::Integer) {
        if (const auto number = canonicalInteger(*text))
            result = *number;
    } else if (const auto* number = std::get_if<std::int64_t>(&result);
               number && column.affinity == Affinity::Text) {
        result = std::to_string(*number);
    }
    return result;
}

void ReplayedState::forEachImage(const JournalEntry& entry, bool reportProblems,
                                 const std::function<void(const json&)>& onImage)
{
    const auto problem = [&](const std::string& what) {
        if (reportProblems)
            m_report(fmt::format("{}: {}", entryLabel(entry), what));
    };
    try {
        // One image at a time: an import of a million units is one entry, and must not become
        // one document in memory.
        const auto root =
            json::parse(entry.changes, [&](int depth, json::parse_event_t event, json& parsed) {
                if (event != json::parse_event_t::object_end || depth != 1)
                    return true;
                try {
                    onImage(parsed);
                } catch (const json::exception& error) {
                    problem(fmt::format("one of its row images cannot be read ({})", error.what()));
                } catch (const UnreadableImage& error) {
                    problem(fmt::format("one of its row images cannot be read ({})", error.what()));
                }
                return false;
            });
        if (!root.is_array())
            problem("its row images are not a list");
    } catch (const json::parse_error& error) {
        problem(fmt::format("its row images cannot be read ({})", error.what()));
    }
}

void ReplayedState::apply(const JournalEntry& entry)
{
    forEachImage(entry, true, [&](const json& image) { applyImage(entry, image); });
}

ReplayedState::TableShape* ReplayedState::shapeOf(const std::string& table,
                                                  const JournalEntry& entry)
{
    if (const auto found = m_tables.find(table); found != m_tables.end())
        return &found->second;
    if (!m_missingReported[table]) {
        m_missingReported[table] = true;
        m_report(fmt::format("{}: it writes table {}, which the ledger no longer has — the table "
                             "was dropped or renamed behind the application's back",
                             entryLabel(entry), table));
    }
    return nullptr;
}

std::size_t ReplayedState::columnOf(const JournalEntry& entry, const TableShape& shape,
                                    const std::string& column)
{
    if (const auto found = shape.index.find(column); found != shape.index.end())
        return found->second;
    const auto key = shape.name + "." + column;
    if (!m_missingReported[key]) {
        m_missingReported[key] = true;
        m_report(fmt::format("{}: it writes column {} of table {}, which the ledger no longer "
                             "has — the column was dropped or renamed behind the application's "
                             "back",
                             entryLabel(entry), column, shape.name));
    }
    return std::string::npos;
}

void ReplayedState::applyImage(const JournalEntry& entry, const json& image)
{
    const auto& op = image.at("op").get_ref<const std::string&>();
    auto* shape = shapeOf(image.at("table").get_ref<const std::string&>(), entry);
    if (!shape)
        return;
    const auto id = image.at("id").get<std::int64_t>();
    if (op == "insert")
        applyInsert(entry, *shape, id, image.at("row"));
    else if (op == "update")
        applyUpdate(entry, *shape, id, image.at("before"), image.at("after"));
    else
        m_report(fmt::format("{}: it holds a row image of a kind the ledger never writes ('{}')",
                             entryLabel(entry), op));
}

void ReplayedState::applyInsert(const JournalEntry& entry, TableShape& shape, std::int64_t id,
                                const json& row)
{
    Digest digest = shape.defaultsDigest;
    if (shape.idColumn >= 0)
        digest.add(columnDigest(shape.columns[shape.idColumn].name, id));
    for (const auto& [name, value] : row.items()) {
        const auto index = columnOf(entry, shape, name);
        if (index == std::string::npos || static_cast<int>(index) == shape.idColumn)
            continue;
        const auto& column = shape.columns[index];
        digest.subtract(columnDigest(column.name, column.defaultValue));
        digest.add(columnDigest(column.name, expectedValue(column, value)));
    }
    auto& rows = shape.rows;
    if (rows.empty() || rows.back().id < id) {
        rows.push_back({id, digest});
        return;
    }
    // Ids only go down when a row was deleted behind the application's back and SQLite handed
    // its id out again.
    const auto at =
        std::lower_bound(rows.begin(), rows.end(), id,
                         [](const ReplayedRow& row, std::int64_t key) { return row.id < key; });
    if (at != rows.end() && at->id == id) {
        m_report(fmt::format("{}: it inserts {} #{}, which an earlier entry had already inserted "
                             "— that row was deleted behind the application's back and its id "
                             "used again",
                             entryLabel(entry), shape.name, id));
        at->digest = digest;
        return;
    }
    rows.insert(at, {id, digest});
}

void ReplayedState::applyUpdate(const JournalEntry& entry, TableShape& shape, std::int64_t id,
                                const json& before, const json& after)
{
    auto& rows = shape.rows;
    const auto at =
        std::lower_bound(rows.begin(), rows.end(), id,
                         [](const ReplayedRow& row, std::int64_t key) { return row.id < key; });
    if (at == rows.end() || at->id != id) {
        m_report(fmt::format("{}: it updates {} #{}, which no earlier entry inserted",
                             entryLabel(entry), shape.name, id));
        return;
    }
    for (const auto& [name, value] : after.items()) {
        const auto index = columnOf(entry, shape, name);
        if (index == std::string::npos)
            continue;
        const auto& column = shape.columns[index];
        at->digest.subtract(columnDigest(column.name, expectedValue(column, before.at(name))));
        at->digest.add(columnDigest(column.name, expectedValue(column, value)));
    }
}

std::string ReplayedState::rowLabel(const TableShape& shape, std::int64_t id,
                                    const std::vector<SqlValue>& values)
{
    for (const auto* key : {"serial", "name"}) {
        const auto found = shape.index.find(key);
        if (found == shape.index.end() || found->second >= values.size())
            continue;
        if (const auto* text = std::get_if<std::string>(&values[found->second]))
            return fmt::format("{} #{} ({}{})", shape.name, id,
                               std::string(key) == "serial" ? "serial " : "", *text);
    }
    return fmt::format("{} #{}", shape.name, id);
}

std::int64_t ReplayedState::compare(std::size_t detailLimit, const std::function<void()>& onRow)
{
    std::vector<RowFinding> findings;
    std::int64_t moreFailures = 0;
    for (auto& [name, shape] : m_tables)
        compareTable(shape, findings, detailLimit, moreFailures, onRow);
    explain(findings);
    for (const auto& finding : findings) {
        for (const auto& message : finding.messages)
            m_report(message);
    }
    return moreFailures;
}

void ReplayedState::compareTable(TableShape& shape, std::vector<RowFinding>& findings,
                                 std::size_t detailLimit, std::int64_t& moreFailures,
                                 const std::function<void()>& onRow)
{
    const auto flag = [&](Finding kind, std::int64_t id, std::string message) {
        if (findings.size() >= detailLimit) {
            ++moreFailures;
            return;
        }
        RowFinding finding{kind, shape.name, id, {}};
        if (!message.empty())
            finding.messages.push_back(std::move(message));
        findings.push_back(std::move(finding));
    };
    std::string columns;
    for (const auto& column : shape.columns)
        columns += ", " + sqlName(column.name);
    SQLite::Statement query(
        m_db, fmt::format("SELECT rowid{} FROM {} ORDER BY rowid", columns, sqlName(shape.name)));
    std::vector<SqlValue> values(shape.columns.size());
    auto next = shape.rows.begin();
    while (query.executeStep()) {
        const auto id = query.getColumn(0).getInt64();
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = columnValue(query.getColumn(static_cast<int>(i + 1)));
        ++m_rowsChecked;
        if (onRow)
            onRow();
        for (; next != shape.rows.end() && next->id < id; ++next)
            flag(Finding::Deleted, next->id, {});
        if (next == shape.rows.end() || next->id > id) {
            flag(Finding::Inserted, id,
                 fmt::format("{}: the row is in the ledger but no journal entry wrote it — it was "
                             "inserted behind the application's back",
                             rowLabel(shape, id, values)));
            continue;
        }
        if (!(storedRowDigest(shape, values) == next->digest))
            flag(Finding::Differs, id, {});
        ++next;
    }
    for (; next != shape.rows.end(); ++next)
        flag(Finding::Deleted, next->id, {});
}

std::vector<SqlValue> ReplayedState::storedRow(const TableShape& shape, std::int64_t id) const
{
    std::string columns;
    for (const auto& column : shape.columns)
        columns += (columns.empty() ? "" : ", ") + sqlName(column.name);
    SQLite::Statement query(
        m_db, fmt::format("SELECT {} FROM {} WHERE rowid = ?", columns, sqlName(shape.name)));
    query.bind(1, id);
    std::vector<SqlValue> values(shape.columns.size());
    if (query.executeStep()) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            values[i] = columnValue(query.getColumn(static_cast<int>(i)));
            const auto* text = std::get_if<std::string>(&values[i]);
            if (shape.columns[i].secret && text)
                values[i] = ChangeSet::secretImage(*text);
        }
    }
    return values;
}

// Reads the journal a second time, for the failing rows only, rebuilding each in full so the
// report can name the column, both values and the entry that wrote it.
void ReplayedState::explain(std::vector<RowFinding>& findings)
{
    std::map<std::pair<std::string, std::int64_t>, Reconstruction> rebuilt;
    std::set<std::string> tables;
    for (const auto& finding : findings) {
        if (finding.kind != Finding::Inserted) {
            rebuilt[{finding.table, finding.id}];
            tables.insert(finding.table);
        }
    }
    if (rebuilt.empty())
        return;
    // Only entries that mention one of the tables can have written these rows.
    std::string where;
    for (std::size_t i = 0; i < tables.size(); ++i)
        where += i ? " OR instr(changes, ?) > 0" : "instr(changes, ?) > 0";
    SQLite::Statement query(m_db, "SELECT seq, recorded_at, user_name, action, changes FROM "
                                  "journal WHERE " +
                                      where + " ORDER BY seq");
    int mark = 0;
    for (const auto& table : tables)
        query.bind(++mark, "\"" + table + "\"");
    while (query.executeStep()) {
        JournalEntry entry;
        entry.seq = query.getColumn(0).getInt64();
        entry.recordedAt = query.getColumn(1).getString();
        entry.userName = query.getColumn(2).getString();
        entry.action = query.getColumn(3).getString();
        entry.changes = query.getColumn(4).getString();
        forEachImage(entry, false, [&](const json& image) {
            const auto found = rebuilt.find(
                {image.at("table").get<std::string>(), image.at("id").get<std::int64_t>()});
            if (found == rebuilt.end())
                return;
            const auto& shape = m_tables.at(found->first.first);
            auto& row = found->second;
            const auto& op = image.at("op").get_ref<const std::string&>();
            if (op == "insert") {
                row.inserted = true;
                row.values.clear();
                for (const auto& column : shape.columns)
                    row.values.push_back(column.defaultValue);
                if (shape.idColumn >= 0)
                    row.values[shape.idColumn] = found->first.second;
                for (const auto& [name, value] : image.at("row").items()) {
                    const auto at = shape.index.find(name);
                    if (at != shape.index.end() && static_cast<int>(at->second) != shape.idColumn)
                        row.values[at->second] = expectedValue(shape.columns[at->second], value);
                }
            } else if (op == "update" && row.inserted) {
                for (const auto& [name, value] : image.at("after").items()) {
                    const auto at = shape.index.find(name);
                    if (at == shape.index.end())
                        continue;
                    const auto& column = shape.columns[at->second];
                    const auto before = expectedValue(column, image.at("before").at(name));
                    if (before != row.values[at->second] && row.beforeProblem.empty())
                        row.beforeProblem = fmt::format(
                            "{}: it found {} with {} = {}, but the journal had left it at {} — "
                            "the row was changed behind the application's back before that "
                            "entry",
                            entryLabel(entry), rowLabel(shape, found->first.second, row.values),
                            name, shown(before), shown(row.values[at->second]));
                    row.values[at->second] = expectedValue(column, value);
                }
            } else {
                return;
            }
            row.lastWriter = entryLabel(entry);
        });
    }

    for (auto& finding : findings) {
        if (finding.kind == Finding::Inserted)
            continue;
        const auto& shape = m_tables.at(finding.table);
        const auto& row = rebuilt.at({finding.table, finding.id});
        if (!row.beforeProblem.empty())
            finding.messages.push_back(row.beforeProblem);
        if (finding.kind == Finding::Deleted) {
            finding.messages.push_back(fmt::format(
                "{}: the journal wrote this row (last in {}) but it is not in the ledger — it "
                "was deleted behind the application's back",
                rowLabel(shape, finding.id, row.values), row.lastWriter));
            continue;
        }
        const auto stored = storedRow(shape, finding.id);
        std::string differences;
        for (std::size_t i = 0; i < shape.columns.size() && i < row.values.size(); ++i) {
            if (stored[i] != row.values[i])
                differences += fmt::format("{}{} is {} in the ledger but {} in the journal",
                                           differences.empty() ? "" : "; ", shape.columns[i].name,
                                           shown(stored[i]), shown(row.values[i]));
        }
        if (!differences.empty())
            finding.messages.push_back(
                fmt::format("{}: {} (last written by {}) — it was changed behind the "
                            "application's back",
                            rowLabel(shape, finding.id, stored), differences, row.lastWriter));
        else if (row.beforeProblem.empty())
            finding.messages.push_back(
                fmt::format("{}: the row differs from what the journal wrote (last in {})",
                            rowLabel(shape, finding.id, stored), row.lastWriter));
    }
}

} // namespace asicledger
