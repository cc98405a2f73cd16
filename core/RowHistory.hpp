#pragma once

#include "ChangeSet.hpp"
#include "RowImages.hpp"
#include "TableShape.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace asicledger {

// A few rows rebuilt column by column from every journal image that wrote them, so a failure of
// `verify` can name the column, both values and the entry. Costs one more reading of the
// journal, so verify does it only for the rows it already knows are wrong.
class RowHistory
{
public:
    struct Rebuilt
    {
        bool inserted = false;
        std::vector<SqlValue> values; // as the journal leaves the row
        std::string lastWriter;       // the last entry that wrote it, described
        std::string beforeProblem;    // the first update whose `before` did not match, if any
    };

    RowHistory(SQLite::Database& db, const std::map<std::string, TableShape>& tables)
        : m_db(db), m_tables(tables)
    {}

    void add(const std::string& table, std::int64_t id) { m_rows[{table, id}]; }
    // Reads the journal for the rows added.
    void read();
    const Rebuilt& row(const std::string& table, std::int64_t id) const
    {
        return m_rows.at({table, id});
    }

private:
    using Key = std::pair<std::string, std::int64_t>;
    void readEntries(const std::string& where, const std::vector<std::string>& args);
    // Applies one image of an entry read to the row it writes, if it is one of ours.
    void rebuild(const JournalEntry& entry, const RowImage& image);

    SQLite::Database& m_db;
    const std::map<std::string, TableShape>& m_tables;
    std::map<Key, Rebuilt> m_rows;
};

} // namespace asicledger
