#pragma once

#include "Journal.hpp"
#include "RowDigest.hpp"
#include "RowImages.hpp"
#include "TableShape.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

class StoredSums;

// What the state tables must hold according to the journal's row images, replayed entry by
// entry, and the comparison with what they do hold. Sized for millions of rows without holding
// them: each table keeps one sum of RowDigests over every cell the journal leaves behind (an
// update swaps the digests of its `before` values for those of its `after` values), and
// StoredSums adds up the digests of the table's stored cells. Equal sums prove the table holds
// exactly those rows; a `before` that does not match the replayed row leaves a difference no
// later write can cancel. Only a table whose sums differ is replayed again row by row to find
// the rows, and RowHistory then reads the journal for those rows to say which entry and column.
class ReplayedState
{
public:
    // Failures go to `report` as sentences a person reads, in the order found.
    using Report = std::function<void(std::string)>;

    ReplayedState(SQLite::Database& db, Report report);
    ReplayedState(const ReplayedState&) = delete;
    ReplayedState& operator=(const ReplayedState&) = delete;

    // Rows in all state tables, for progress.
    std::int64_t storedRowCount() const;
    // The state tables, and the digest of their cells (for StoredSums).
    const std::map<std::string, TableShape>& shapes() const { return m_shapes; }
    const RowDigest& digest() const { return m_digest; }
    // Applies the row images of one entry (`changes`, its stored text), in sequence order.
    void apply(const JournalEntry& entry, std::string_view changes);
    // Compares what every state table holds (`stored`, read to the end) with the replay.
    // Reports at most `detailLimit` rows and returns how many more rows fail.
    std::int64_t compare(const StoredSums& stored, std::size_t detailLimit);

private:
    // The row ids the journal inserted: a bitmap for the dense ids SQLite hands out, a set for
    // any others.
    class IdSet
    {
    public:
        bool insert(std::int64_t id); // false if already there
        bool contains(std::int64_t id) const;

    private:
        std::vector<std::uint64_t> m_dense;
        std::set<std::int64_t> m_sparse;
    };
    struct ReplayedRow
    {
        std::int64_t id = 0;
        RowDigest::Sum digest;
    };
    struct ReplayedTable
    {
        TableShape* shape = nullptr;
        RowDigest::Sum cells;                    // the replay's sum over every cell of every row
        std::unique_ptr<RowDigest::Batch> batch; // adds to `cells`
        IdSet ids;
        // The last column list seen and the table's columns it names (npos: none).
        std::vector<std::string> names;
        std::vector<std::size_t> indices;
        // Only for a table whose sums differ: the rows, sorted by id.
        bool byRow = false;
        std::vector<ReplayedRow> rows;
    };
    enum class Finding
    {
        Differs,
        Deleted,
        Inserted
    };
    struct RowFinding
    {
        Finding kind;
        std::string table;
        std::int64_t id = 0;
        std::vector<std::string> messages; // at once for Inserted, from RowHistory otherwise
    };

    void report(std::string message);
    ReplayedTable* tableOf(std::string_view name, const JournalEntry& entry);
    const std::vector<std::size_t>& columnsOf(const JournalEntry& entry, ReplayedTable& table,
                                              std::span<const std::string_view> columns);
    void applyImage(const JournalEntry& entry, const RowImage& image);
    void applyInsert(const JournalEntry& entry, ReplayedTable& table, const RowImage& image);
    void applyUpdate(const JournalEntry& entry, ReplayedTable& table, const RowImage& image);
    // Adds the row whose cells are in m_cells.
    void insertRow(const JournalEntry& entry, ReplayedTable& table, std::int64_t id);
    RowDigest::Cell expectedCell(const TableShape& shape, std::int64_t id, std::size_t index,
                                 const ImageValue& value) const;
    void replayByRow();
    void compareTable(ReplayedTable& table, std::vector<RowFinding>& findings,
                      std::size_t detailLimit, std::int64_t& moreFailures);
    void explain(std::vector<RowFinding>& findings);

    SQLite::Database& m_db;
    Report m_report;
    bool m_muted = false; // the second replay: everything it could say was said by the first
    RowDigest m_digest;
    std::map<std::string, TableShape> m_shapes;
    std::map<std::string, ReplayedTable, std::less<>> m_tables;
    ReplayedTable* m_lastTable = nullptr;
    std::set<std::string> m_missingReported; // tables and columns the journal names in vain
    std::vector<const ImageValue*> m_values; // an insert's value per column, reused
    std::vector<RowDigest::Cell> m_cells;    // reused
    std::vector<RowDigest::Cell> m_before;   // reused
};

} // namespace asicledger
