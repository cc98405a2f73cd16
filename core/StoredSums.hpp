#pragma once

#include "RawStatement.hpp"
#include "RowDigest.hpp"
#include "TableShape.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace asicledger {

// What the state tables hold, as one sum of RowDigests per table over every stored cell: the
// side of verify's comparison that reads only the tables, so it can run while another thread
// replays the journal (ReplayedState) and needs nothing from it. Reads the tables one after
// the other in storage order, as many rows per call as asked, with a cipher of its own.
class StoredSums
{
public:
    StoredSums(SQLite::Database& db, const std::map<std::string, TableShape>& shapes,
               const RowDigest& digest);
    StoredSums(const StoredSums&) = delete;
    StoredSums& operator=(const StoredSums&) = delete;

    // Reads up to `rows` more rows; false once every table has been read.
    bool read(std::int64_t rows);
    std::int64_t rowsRead() const { return m_rowsRead; }
    // The sum over every cell of the table, once read() has returned false.
    const RowDigest::Sum& sumOf(const std::string& table) const { return m_sums.at(table); }

    // The cells of the row `row` stands on (a statement of TableShape::selectRows), as the
    // journal would show them.
    static void cellsOf(const RowDigest& digest, const TableShape& shape, sqlite3_stmt* row,
                        std::int64_t id, std::vector<RowDigest::Cell>& cells);

private:
    bool startNextTable();

    SQLite::Database& m_db;
    const std::map<std::string, TableShape>& m_shapes;
    RowDigest m_digest;
    std::map<std::string, TableShape>::const_iterator m_next; // the table to read after this one
    const TableShape* m_shape = nullptr;                      // the table being read
    RawStatement m_query{nullptr, &sqlite3_finalize};
    std::map<std::string, RowDigest::Sum> m_sums;
    std::unique_ptr<RowDigest::Batch> m_batch; // adds to the sum of the table being read
    std::vector<RowDigest::Cell> m_cells;      // reused
    std::int64_t m_rowsRead = 0;
};

} // namespace asicledger
