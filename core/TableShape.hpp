#pragma once

#include "ChangeSet.hpp"
#include "RowImages.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

// A state table as the schema declares it, and how its rows compare with the journal's row
// images: an image value as the column would store it (SQLite's type affinity turns "110" into
// 110 in an INTEGER column), the default a column not named by an insert takes, and secret
// columns seen through ChangeSet::secretImage.
class TableShape
{
public:
    enum class Affinity
    {
        Integer,
        Text,
        Other
    };
    struct Column
    {
        std::string name;
        Affinity affinity = Affinity::Other;
        bool secret = false;
        SqlValue defaultValue;
    };

    // Every table but the journal and SQLite's own, read from sqlite_schema, so tables added by
    // later migrations are covered without anyone listing them.
    static std::map<std::string, TableShape> readAll(SQLite::Database& db);

    const std::string& name() const { return m_name; }
    const std::vector<Column>& columns() const { return m_columns; }
    // The column's position, or npos if the table has no such column.
    std::size_t columnIndex(std::string_view name) const;
    // The INTEGER PRIMARY KEY column that holds the row id, or npos.
    std::size_t idColumn() const { return m_idColumn; }
    std::int64_t storedRows() const { return m_storedRows; }

    // What column `index` must hold for an image value. Throws UnreadableImage for values
    // ChangeSet never writes (floating point, booleans, objects).
    SqlValue expectedValue(std::size_t index, const ImageValue& value) const;
    // The row an insert image leaves behind: defaults, the row id, then the image's columns.
    std::vector<SqlValue> insertedRow(const RowImage& image) const;
    // SQLite's reading of integer-looking text in an INTEGER or NUMERIC column, if it is one.
    static std::optional<std::int64_t> canonicalInteger(std::string_view text);

    // "SELECT rowid, <every column> FROM <table>" followed by `rest`.
    std::string selectRows(std::string_view rest) const;
    // The columns of a row read with selectRows, as the journal would show them.
    void readRow(SQLite::Statement& query, std::vector<SqlValue>& values) const;

    // "unit #17 (serial SN-1)", "entity #3 (Kazakh Hash LLP)", "base_rate #5".
    std::string label(std::int64_t id, const std::vector<SqlValue>& values) const;
    // How a value reads in a failure: 42, 'text', empty (NULL).
    static std::string shown(const SqlValue& value);

private:
    std::string m_name;
    std::vector<Column> m_columns;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::size_t m_idColumn = std::string::npos;
    std::int64_t m_storedRows = 0;
};

} // namespace asicledger
