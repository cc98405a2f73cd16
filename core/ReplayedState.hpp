#pragma once

#include "ChangeSet.hpp"
#include "Journal.hpp"
#include "TableShape.hpp"

#include <SQLiteCpp/Database.h>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <set>
#include <string>
#include <vector>

namespace asicledger {

// What the state tables must hold according to the journal's row images, replayed entry by
// entry, and the comparison with what they do hold. Sized for millions of rows: per row it keeps
// only the id and a keyed 128-bit digest that is the sum of one digest per column, so an update
// can swap the digests of its `before` values for those of its `after` values without knowing the
// rest of the row. A `before` that does not match the replayed row leaves a difference that no
// later write can cancel, so it shows when the row is compared. For the few rows that fail,
// RowHistory reads the journal again to say which entry and column.
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
    // Applies the row images of one entry, in sequence order.
    void apply(const JournalEntry& entry);
    // Compares every row of every state table with the replay; `onRow` is called once per row.
    // Reports at most `detailLimit` rows and returns how many more rows fail.
    std::int64_t compare(std::size_t detailLimit, const std::function<void()>& onRow);
    std::int64_t rowsChecked() const { return m_rowsChecked; }

private:
    struct Digest
    {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        void add(const Digest& other);
        void subtract(const Digest& other);
        bool operator==(const Digest&) const = default;
    };
    struct ReplayedRow
    {
        std::int64_t id = 0;
        Digest digest;
    };
    struct ReplayedTable
    {
        TableShape* shape = nullptr;
        Digest defaults;               // every column but the row id at its default
        std::vector<ReplayedRow> rows; // sorted by id
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

    ReplayedTable* tableOf(const std::string& name, const JournalEntry& entry);
    std::size_t columnOf(const JournalEntry& entry, const TableShape& shape,
                         const std::string& column);
    void applyImage(const JournalEntry& entry, const nlohmann::json& image);
    void applyInsert(const JournalEntry& entry, ReplayedTable& table, std::int64_t id,
                     const nlohmann::json& row);
    void applyUpdate(const JournalEntry& entry, ReplayedTable& table, std::int64_t id,
                     const nlohmann::json& before, const nlohmann::json& after);
    Digest columnDigest(const std::string& column, const SqlValue& value) const;
    void compareTable(ReplayedTable& table, std::vector<RowFinding>& findings,
                      std::size_t detailLimit, std::int64_t& moreFailures,
                      const std::function<void()>& onRow);
    void explain(std::vector<RowFinding>& findings);

    SQLite::Database& m_db;
    Report m_report;
    std::array<unsigned char, 16> m_key{};
    std::map<std::string, TableShape> m_shapes;
    std::map<std::string, ReplayedTable> m_tables;
    std::set<std::string> m_missingReported; // tables and columns the journal names in vain
    std::int64_t m_rowsChecked = 0;
    mutable std::string m_scratch; // reused bytes to hash, so a million rows do not allocate
};

} // namespace asicledger
