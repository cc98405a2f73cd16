#pragma once

#include "ChangeSet.hpp"
#include "Journal.hpp"

#include <SQLiteCpp/Database.h>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace asicledger {

// "journal entry 42 (sell by finance, 2026-11-23T12:00:00Z)": how a failure names an entry.
std::string entryLabel(const JournalEntry& entry);

// What the state tables must hold according to the journal's row images, replayed entry by
// entry, and the comparison with what they do hold. Sized for millions of rows: per row it keeps
// only the id and a keyed 128-bit digest that is the sum of one digest per column, so an update
// can swap the digests of its `before` values for those of its `after` values without knowing the
// rest of the row. A `before` that does not match the replayed row leaves a difference that no
// later write can cancel, so it shows when the row is compared. Only for the few rows that fail
// is the journal read a second time, to say which entry and column.
class ReplayedState
{
public:
    // Failures go to `report` as sentences a person reads, in the order found.
    using Report = std::function<void(std::string)>;

    ReplayedState(SQLite::Database& db, Report report);
    ReplayedState(const ReplayedState&) = delete;
    ReplayedState& operator=(const ReplayedState&) = delete;
    ~ReplayedState();

    // Rows in all state tables, for progress.
    std::int64_t storedRowCount() const { return m_storedRows; }
    // Applies the row images of one entry, in sequence order.
    void apply(const JournalEntry& entry);
    // Compares every row of every state table with the replay; `onRow` is called once per row.
    // Reports at most `detailLimit` rows in detail and returns how many more rows fail.
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
    enum class Affinity
    {
        Integer,
        Text,
        Other
    };
    struct ColumnShape
    {
        std::string name;
        Affinity affinity = Affinity::Other;
        bool secret = false;
        SqlValue defaultValue;
    };
    struct ReplayedRow
    {
        std::int64_t id = 0;
        Digest digest;
    };
    struct TableShape
    {
        std::string name;
        std::vector<ColumnShape> columns;
        std::unordered_map<std::string, std::size_t> index;
        int idColumn = -1; // the INTEGER PRIMARY KEY that aliases rowid, if any
        Digest defaultsDigest;
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
        std::vector<std::string> messages; // at once for Inserted, after the second reading else
    };
    struct Reconstruction; // a failing row rebuilt in full from the journal

    void loadShapes();
    TableShape* shapeOf(const std::string& table, const JournalEntry& entry);
    void applyImage(const JournalEntry& entry, const nlohmann::json& image);
    void applyInsert(const JournalEntry& entry, TableShape& shape, std::int64_t id,
                     const nlohmann::json& row);
    void applyUpdate(const JournalEntry& entry, TableShape& shape, std::int64_t id,
                     const nlohmann::json& before, const nlohmann::json& after);
    std::size_t columnOf(const JournalEntry& entry, const TableShape& shape,
                         const std::string& column);
    SqlValue expectedValue(const ColumnShape& column, const nlohmann::json& value) const;
    Digest columnDigest(const std::string& column, const SqlValue& value) const;
    Digest storedRowDigest(const TableShape& shape, const std::vector<SqlValue>& values) const;
    void compareTable(TableShape& shape, std::vector<RowFinding>& findings, std::size_t detailLimit,
                      std::int64_t& moreFailures, const std::function<void()>& onRow);
    void explain(std::vector<RowFinding>& findings);
    std::vector<SqlValue> storedRow(const TableShape& shape, std::int64_t id) const;
    static std::string rowLabel(const TableShape& shape, std::int64_t id,
                                const std::vector<SqlValue>& values);
    void forEachImage(const JournalEntry& entry, bool reportProblems,
                      const std::function<void(const nlohmann::json&)>& onImage);

    SQLite::Database& m_db;
    Report m_report;
    std::array<unsigned char, 16> m_key{};
    std::map<std::string, TableShape> m_tables;
    std::map<std::string, bool> m_missingReported; // tables and columns the journal names in vain
    std::int64_t m_storedRows = 0;
    std::int64_t m_rowsChecked = 0;
    mutable std::string m_scratch; // reused bytes to hash, so a million rows do not allocate
};

} // namespace asicledger
