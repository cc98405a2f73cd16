#pragma once

#include "AccessPolicy.hpp"
#include "Actor.hpp"
#include "ChangeSet.hpp"
#include "Clock.hpp"
#include "Journal.hpp"
#include "WriteTransaction.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <filesystem>
#include <string>
#include <type_traits>

namespace asicledger {

// One open ledger file. Owns the SQLite connection and the clock, and is the only way to change
// ledger state: `write` checks the role, runs the change in one transaction, and appends its
// journal entry before committing. Reads go straight to `db()`.
class Ledger
{
public:
    enum class OpenMode
    {
        MustExist,
        CreateIfMissing
    };

    Ledger(const std::filesystem::path& file, const Clock& clock,
           OpenMode mode = OpenMode::MustExist);
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    SQLite::Database& db() { return m_db; }
    const Clock& clock() const { return m_clock; }
    Date today() const { return m_clock.today(); }
    const std::filesystem::path& file() const { return m_file; }
    // True once `init` has stored the first user and the reference data.
    bool isInitialised();

    // Runs `work(ChangeSet&)` as `actor` and journals it under `action`. Throws PermissionDenied
    // before touching anything if the role may not; rolls everything back if `work` throws.
    // Waits for another program's write to finish (see WriteTransaction), then LedgerBusy.
    template <class Work>
    decltype(auto) write(const Actor& actor, Permission permission, std::string_view what,
                         const std::string& action, Work&& work);

private:
    void appendJournal(const Actor& actor, const std::string& action, const ChangeSet& changes);
    std::int64_t nextJournalSeq();

    std::filesystem::path m_file;
    SQLite::Database m_db; // declared before anything that holds statements
    const Clock& m_clock;
};

template <class Work>
decltype(auto) Ledger::write(const Actor& actor, Permission permission, std::string_view what,
                             const std::string& action, Work&& work)
{
    AccessPolicy::require(actor, permission, what);
    WriteTransaction transaction(m_db);
    ChangeSet changes(m_db, nextJournalSeq());
    if constexpr (std::is_void_v<std::invoke_result_t<Work, ChangeSet&>>) {
        work(changes);
        appendJournal(actor, action, changes);
        transaction.commit();
    } else {
        auto result = work(changes);
        appendJournal(actor, action, changes);
        transaction.commit();
        return result;
    }
}

} // namespace asicledger
