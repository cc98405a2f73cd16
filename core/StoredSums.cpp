#include "StoredSums.hpp"

#include "ChangeSet.hpp"

namespace asicledger {

StoredSums::StoredSums(SQLite::Database& db, const std::map<std::string, TableShape>& shapes,
                       const RowDigest& digest)
    : m_db(db), m_shapes(shapes), m_digest(digest, RowDigest::SameKeys{}), m_next(shapes.begin())
{}

bool StoredSums::startNextTable()
{
    if (m_batch)
        m_batch->flush();
    m_batch.reset();
    m_query.reset();
    m_shape = nullptr;
    if (m_next == m_shapes.end())
        return false;
    m_shape = &m_next->second;
    ++m_next;
    m_query = prepareRaw(m_db, m_shape->selectRows(""));
    m_batch = std::make_unique<RowDigest::Batch>(m_digest, m_sums[m_shape->name()]);
    return true;
}

bool StoredSums::read(std::int64_t rows)
{
    const ConnectionHeld held(m_db);
    if (!m_shape && !startNextTable())
        return false;
    for (std::int64_t done = 0; done < rows;) {
        if (!stepRaw(m_db, m_query.get())) {
            if (!startNextTable())
                return false;
            continue;
        }
        auto* const row = m_query.get();
        cellsOf(m_digest, *m_shape, row, sqlite3_column_int64(row, 0), m_cells);
        for (const auto& cell : m_cells)
            m_batch->add(cell);
        ++m_rowsRead;
        ++done;
    }
    return true;
}

void StoredSums::cellsOf(const RowDigest& digest, const TableShape& shape, sqlite3_stmt* row,
                         std::int64_t id, std::vector<RowDigest::Cell>& cells)
{
    cells.clear();
    for (std::size_t i = 0; i < shape.columns().size(); ++i) {
        // One call into the statement per value (each takes the connection's mutex); the
        // sqlite3_value_* calls on what it returns take none.
        auto* const value = sqlite3_column_value(row, static_cast<int>(i + 1));
        const auto type = sqlite3_value_type(value);
        if (type == SQLITE_NULL) {
            cells.push_back(digest.null(id, i));
        } else if (type == SQLITE_INTEGER) {
            cells.push_back(digest.integer(id, i, sqlite3_value_int64(value)));
        } else {
            // Text; a number with a fraction or a blob (never written by the ledger) reads as its
            // text, as TableShape::readRow reads it.
            const auto* bytes =
                type == SQLITE_TEXT ? sqlite3_value_text(value) : sqlite3_value_blob(value);
            const std::string_view text(reinterpret_cast<const char*>(bytes),
                                        static_cast<std::size_t>(sqlite3_value_bytes(value)));
            if (shape.columns()[i].secret && type == SQLITE_TEXT)
                cells.push_back(digest.text(id, i, ChangeSet::secretImage(std::string(text))));
            else
                cells.push_back(digest.text(id, i, text));
        }
    }
}

} // namespace asicledger
