#pragma once

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

// One journal entry as stored: who changed what, when and why, chained to the entry before it.
struct JournalEntry
{
    std::int64_t seq = 0;
    std::string recordedAt; // UTC, YYYY-MM-DDTHH:MM:SSZ
    std::string userName;
    std::string action; // machine name: "import", "sell", "exit.record"...
    std::string summary;
    std::string reason;
    std::string changes; // JSON array of row images (see ChangeSet)
    std::string prevHash;
    std::string hash;
};

// The fingerprint auditors write down: the last entry's sequence number and hash.
struct JournalHead
{
    std::int64_t seq = 0;
    std::string hash;
    std::string text() const { return std::to_string(seq) + ":" + hash; }
};

// The append-only, SHA-256-chained record of every change to the ledger.
class Journal
{
public:
    explicit Journal(SQLite::Database& db) : m_db(db) {}

    // The hash the chain starts from.
    static const std::string& genesisHash();
    // SHA-256 over the entry's fields and the previous hash, as lowercase hex.
    static std::string entryHash(const JournalEntry& entry);
    // The same with the row images given apart (entry.changes is not read), so verify can hash
    // a large entry straight from where SQLite holds it.
    static std::string entryHash(const JournalEntry& entry, std::string_view changes);
    static std::string sha256Hex(std::string_view bytes);

    JournalHead head() const;
    // Every entry in sequence order, or those `where` selects (an SQL condition on the journal's
    // columns, its ?s bound to `args`). The row images stay where SQLite holds them and come
    // apart, valid during the call: an import's entry can be large (entry.changes stays empty).
    using OnEntry = std::function<void(const JournalEntry& entry, std::string_view changes)>;
    void forEachEntry(const OnEntry& onEntry, const std::string& where = {},
                      const std::vector<std::string>& args = {}) const;
    // Fills in seq, prevHash and hash, and stores the entry. Call inside the change's transaction.
    void append(JournalEntry& entry);

private:
    SQLite::Database& m_db;
};

} // namespace asicledger
