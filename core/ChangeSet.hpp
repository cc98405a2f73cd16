#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace asicledger {

// One stored value: NULL, an integer or text. The ledger stores nothing else (no floating point).
using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

struct Column
{
    std::string name;
    SqlValue value;
};
using Row = std::vector<Column>;

class ChangeSetBatch;

// The writes of one journalled change. Every insert and update of ledger state goes through here,
// so the journal entry holds exactly the rows written (after images, and before images of
// updates) and `verify` can replay them. Lives inside Ledger::write's transaction.
//
// The row images (journal.changes) are a JSON array, one image a line, in the order of the
// writes. Values are JSON integers, strings or null, as stored; a secret column as secretImage.
//   {"id":7,"op":"insert","row":{"model":"S21","serial":"X",...},"table":"unit"}
//       one row inserted by insert(): its id and every column it set.
//   {"after":{"site_id":2},"before":{"site_id":1},"id":7,"op":"update","table":"unit"}
//       update(): the columns set, with their values before and after.
//   {"op":"insert_rows","table":"unit","columns":["serial","model",...],
//    "rows":[[7,"X","S21",...],[8,"Y","S21",...]]}
//       rows inserted through a ChangeSetBatch (the bulk path of imports): the column names once,
//       then each row as [id, value per column]; at most kRowsPerImage rows an image, so a reader
//       holds one image at a time, and a new image whenever anything else was written between.
//   {"op":"update_rows","table":T,"columns":[c1..cN],"rows":[[id,before1..N,after1..N],...]}
//       read by verify but not written yet.
// Keys may come in any order (the per-row images are nlohmann objects, whose keys sort).
class ChangeSet
{
public:
    ChangeSet(SQLite::Database& db, std::int64_t journalSeq);
    ChangeSet(const ChangeSet&) = delete;
    ChangeSet& operator=(const ChangeSet&) = delete;
    ~ChangeSet();

    // The sequence number the journal entry for this change will have.
    std::int64_t journalSeq() const { return m_journalSeq; }

    // Inserts a row and returns its id.
    std::int64_t insert(const std::string& table, const Row& row);
    // Sets the given columns of row `id`; records their values before and after.
    void update(const std::string& table, std::int64_t id, const Row& changes);

    // One line a person reads in the journal ("sold 3 units to Kazakh Hash LLP").
    void setSummary(std::string summary) { m_summary = std::move(summary); }
    void setReason(std::string reason) { m_reason = std::move(reason); }
    const std::string& summary() const { return m_summary; }
    const std::string& reason() const { return m_reason; }

    // The row images as the journal stores them (see above).
    std::string changesJson() const;
    // Rows in a grouped insert_rows image, at most.
    static constexpr std::size_t kRowsPerImage = 1000;
    bool isEmpty() const { return m_count == 0; }
    // How a secret column (a password hash) appears in the journal: "sha256:<hex>".
    static std::string secretImage(const std::string& value);
    // Columns whose value the journal holds only as secretImage (password hashes).
    static bool isSecret(const std::string& column);

private:
    friend class ChangeSetBatch;

    SQLite::Statement& prepared(const std::string& sql);
    // Starts the next image: the separator after the one before.
    void beginImage();
    // Ends the grouped image a batch is adding rows to, if any, before anything else is written.
    void closeBatchImage();

    SQLite::Database& m_db;
    std::int64_t m_journalSeq;
    std::map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
    std::string m_images;
    std::size_t m_count = 0;
    const ChangeSetBatch* m_openBatch = nullptr; // whose insert_rows image is still open
    std::size_t m_openBatchRows = 0;
    std::string m_summary;
    std::string m_reason;
};

void bindValue(SQLite::Statement& statement, int index, const SqlValue& value);
SqlValue columnValue(const SQLite::Column& column);

} // namespace asicledger
