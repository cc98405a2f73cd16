#include "Ledger.hpp"

#include "BusyRetry.hpp"
#include "LedgerError.hpp"
#include "SchemaMigrator.hpp"
#include "WriteTransaction.hpp"

#include <fmt/format.h>

namespace asicledger {
namespace {

int openFlags(const std::filesystem::path& file, Ledger::OpenMode mode)
{
    if (mode == Ledger::OpenMode::MustExist && !std::filesystem::exists(file))
        throw NotFound(fmt::format("there is no ledger file at {}", file.string()));
    return SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
}

} // namespace

Ledger::Ledger(const std::filesystem::path& file, const Clock& clock, OpenMode mode)
    : m_file(file), m_db(file.string(), openFlags(file, mode), /*busyTimeoutMs=*/10'000),
      m_clock(clock)
{
    try {
        // Two programs opening a new file together both turn it to WAL; SQLite refuses the second
        // at once (no busy wait) while the first holds the file: it asks again.
        retryWhileBusy(WriteTransaction::kWait, [this] { m_db.exec("PRAGMA journal_mode = WAL"); });
        m_db.exec("PRAGMA foreign_keys = ON");
        m_db.exec("PRAGMA synchronous = NORMAL");
        SchemaMigrator::migrate(m_db);
    } catch (const SQLite::Exception& error) {
        throw LedgerError(
            fmt::format("{} cannot be opened as a ledger: {}", file.string(), error.what()));
    }
}

bool Ledger::isInitialised()
{
    return m_db.execAndGet("SELECT count(*) FROM journal").getInt64() > 0;
}

std::int64_t Ledger::nextJournalSeq()
{
    return m_db.execAndGet("SELECT coalesce(max(seq), 0) + 1 FROM journal").getInt64();
}

void Ledger::appendJournal(const Actor& actor, const std::string& action, const ChangeSet& changes)
{
    JournalEntry entry;
    entry.recordedAt = m_clock.utcTimestamp();
    entry.userName = actor.name;
    entry.action = action;
    entry.summary = changes.summary();
    entry.reason = changes.reason();
    entry.changes = changes.changesJson();
    Journal(m_db).append(entry);
    if (entry.seq != changes.journalSeq())
        throw std::logic_error("journal sequence moved during a write");
}

} // namespace asicledger
