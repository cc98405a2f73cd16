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

// The writes of one journalled change. Every insert and update of ledger state goes through here,
// so the journal entry holds exactly the rows written (after images, and before images of
// updates) and `verify` can replay them. Lives inside Ledger::write's transaction.
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

    // The row images as the journal stores them: a JSON array, one object per write.
    std::string changesJson() const;
    bool isEmpty() const { return m_count == 0; }
    // How a secret column (a password hash) appears in the journal: "sha256:<hex>".
    static std::string secretImage(const std::string& value);
    // Columns whose value the journal holds only as secretImage (password hashes).
    static bool isSecret(const std::string& column);

private:
    SQLite::Statement& prepared(const std::string& sql);

    SQLite::Database& m_db;
    std::int64_t m_journalSeq;
    std::map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
    std::string m_images;
    std::size_t m_count = 0;
    std::string m_summary;
    std::string m_reason;
};

void bindValue(SQLite::Statement& statement, int index, const SqlValue& value);
SqlValue columnValue(const SQLite::Column& column);

} // namespace asicledger
