#include "TableShape.hpp"

#include "RowImages.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace asicledger {
namespace {

std::string sqlName(const std::string& identifier)
{
    std::string text = "\"";
    for (char c : identifier)
        text += c == '"' ? std::string("\"\"") : std::string(1, c);
    return text + "\"";
}

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

// SQLite's rules for a declared type, as far as the ledger's values care.
TableShape::Affinity affinityOf(std::string type)
{
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (contains(type, "INT"))
        return TableShape::Affinity::Integer;
    if (contains(type, "CHAR") || contains(type, "CLOB") || contains(type, "TEXT"))
        return TableShape::Affinity::Text;
    if (type.empty() || contains(type, "BLOB") || contains(type, "REAL") ||
        contains(type, "FLOA") || contains(type, "DOUB"))
        return TableShape::Affinity::Other;
    return TableShape::Affinity::Integer; // NUMERIC: integer-looking text becomes an integer
}

} // namespace

std::map<std::string, TableShape> TableShape::readAll(SQLite::Database& db)
{
    std::map<std::string, TableShape> shapes;
    // Every table but the journal itself and unlock_tally, which no write journals: triggers
    // derive it from unit, and UnlockTallyCheck recounts it.
    SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                 "AND name NOT IN ('journal', 'unlock_tally') "
                                 "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                 "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
    while (tables.executeStep()) {
        TableShape shape;
        shape.m_name = tables.getColumn(0).getString();
        SQLite::Statement info(db, fmt::format("PRAGMA table_info({})", sqlName(shape.m_name)));
        int keyColumns = 0;
        while (info.executeStep()) {
            Column column;
            column.name = info.getColumn(1).getString();
            const auto type = info.getColumn(2).getString();
            column.affinity = affinityOf(type);
            column.secret = ChangeSet::isSecret(column.name);
            if (!info.getColumn(4).isNull()) {
                // The schema's own text of the default, evaluated by SQLite itself.
                SQLite::Statement evaluate(db, "SELECT " + info.getColumn(4).getString());
                if (evaluate.executeStep())
                    column.defaultValue = columnValue(evaluate.getColumn(0));
            }
            if (info.getColumn(5).getInt() > 0) {
                ++keyColumns;
                // Only a key declared exactly INTEGER is another name for the row id.
                auto upper = type;
                std::transform(upper.begin(), upper.end(), upper.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                if (upper == "INTEGER")
                    shape.m_idColumn = shape.m_columns.size();
            }
            shape.m_index.emplace(column.name, shape.m_columns.size());
            shape.m_columns.push_back(std::move(column));
        }
        if (keyColumns != 1)
            shape.m_idColumn = std::string::npos;
        shape.m_storedRows =
            db.execAndGet(fmt::format("SELECT count(*) FROM {}", sqlName(shape.m_name))).getInt64();
        shapes.emplace(shape.m_name, std::move(shape));
    }
    return shapes;
}

// How SQLite stores an integer-looking text in an INTEGER or NUMERIC column.
std::optional<std::int64_t> TableShape::canonicalInteger(std::string_view text)
{
    const bool negative = !text.empty() && text[0] == '-';
    const auto digits = negative ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 18 || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    std::int64_t value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

std::size_t TableShape::columnIndex(std::string_view name) const
{
    const auto found = m_index.find(name);
    return found == m_index.end() ? std::string::npos : found->second;
}

SqlValue TableShape::expectedValue(std::size_t index, const ImageValue& value) const
{
    const auto& column = m_columns.at(index);
    switch (value.kind) {
    case ImageValue::Kind::Null:
        return nullptr;
    case ImageValue::Kind::Integer:
        if (column.affinity == Affinity::Text)
            return std::to_string(value.integer);
        return value.integer;
    case ImageValue::Kind::Text:
        if (column.affinity == Affinity::Integer) {
            if (const auto number = canonicalInteger(value.text))
                return *number;
        }
        return std::string(value.text);
    case ImageValue::Kind::Other:
        break;
    }
    throw UnreadableImage(
        fmt::format("column {} holds {}, which the ledger never writes", column.name, value.text));
}

std::vector<SqlValue> TableShape::insertedRow(const RowImage& image) const
{
    std::vector<SqlValue> values;
    values.reserve(m_columns.size());
    for (const auto& column : m_columns)
        values.push_back(column.defaultValue);
    if (m_idColumn != std::string::npos)
        values[m_idColumn] = image.id;
    for (std::size_t i = 0; i < image.columns.size(); ++i) {
        const auto index = columnIndex(image.columns[i]);
        if (index != std::string::npos && index != m_idColumn)
            values[index] = expectedValue(index, image.after[i]);
    }
    return values;
}

std::string TableShape::selectRows(std::string_view rest) const
{
    std::string columns;
    for (const auto& column : m_columns)
        columns += ", " + sqlName(column.name);
    return fmt::format("SELECT rowid{} FROM {} {}", columns, sqlName(m_name), rest);
}

void TableShape::readRow(SQLite::Statement& query, std::vector<SqlValue>& values) const
{
    values.resize(m_columns.size());
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        values[i] = columnValue(query.getColumn(static_cast<int>(i + 1)));
        const auto* text = std::get_if<std::string>(&values[i]);
        if (m_columns[i].secret && text)
            values[i] = ChangeSet::secretImage(*text);
    }
}

std::string TableShape::label(std::int64_t id, const std::vector<SqlValue>& values) const
{
    for (const std::string key : {"serial", "name"}) {
        const auto index = columnIndex(key);
        if (index >= values.size())
            continue;
        if (const auto* text = std::get_if<std::string>(&values[index]))
            return fmt::format("{} #{} ({}{})", m_name, id, key == "serial" ? "serial " : "",
                               *text);
    }
    return fmt::format("{} #{}", m_name, id);
}

std::string TableShape::shown(const SqlValue& value)
{
    if (const auto* number = std::get_if<std::int64_t>(&value))
        return std::to_string(*number);
    if (const auto* text = std::get_if<std::string>(&value))
        return text->size() > 60 ? fmt::format("'{}…'", text->substr(0, 60))
                                 : fmt::format("'{}'", *text);
    return "empty (NULL)";
}

} // namespace asicledger
