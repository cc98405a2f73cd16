#include "LedgerBackup.hpp"

#include "Journal.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "WriteTransaction.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Transaction.h>
#include <chrono>
#include <fmt/format.h>
#include <sqlite3.h>
#include <thread>

namespace asicledger {
namespace {

// Pages copied per step (4 MiB at the default page size): small enough that the copy never holds
// SQLite's locks for long, large enough that a big ledger does not take a million steps.
constexpr int kPagesPerStep = 1024;

void removeCopy(const std::filesystem::path& target)
{
    std::error_code ignored;
    for (const auto* suffix : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(target.string() + suffix, ignored);
}

} // namespace

void LedgerBackup::copyTo(Ledger& ledger, const std::filesystem::path& target)
{
    if (std::filesystem::exists(target))
        throw Refusal(
            fmt::format("{} already exists: a backup never overwrites a file, so choose a "
                        "new file name (or move the old one away first)",
                        target.string()));
    auto& source = ledger.db();
    JournalHead head;
    try {
        // One read transaction on the source for the whole copy: every step copies pages of the
        // same snapshot, so writers on other connections (which WAL never blocks on a reader)
        // go on writing, and their commits cannot make the backup start over.
        SQLite::Transaction snapshot(source);
        head = Journal(source).head();
        {
            SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(copy, source);
            // A step finds the copy or the source locked only while another program holds them;
            // waiting is bounded like every other wait for the ledger.
            auto lastProgress = std::chrono::steady_clock::now();
            for (;;) {
                const int step = backup.executeStep(kPagesPerStep);
                if (step == SQLITE_DONE)
                    break;
                if (step != SQLITE_BUSY && step != SQLITE_LOCKED) {
                    lastProgress = std::chrono::steady_clock::now();
                    continue;
                }
                if (std::chrono::steady_clock::now() - lastProgress > WriteTransaction::kWait)
                    throw LedgerBusy();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        snapshot.commit();
    } catch (const LedgerBusy&) {
        removeCopy(target);
        throw;
    } catch (const SQLite::Exception& error) {
        removeCopy(target);
        throw LedgerError(fmt::format("the backup to {} failed and was removed: {}",
                                      target.string(), error.what()));
    }

    // The copy must answer with the same fingerprint as the snapshot it was taken from.
    JournalHead copied;
    {
        SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE);
        copied = Journal(copy).head();
    }
    if (copied.seq != head.seq || copied.hash != head.hash) {
        removeCopy(target);
        throw LedgerError(fmt::format("the backup to {} does not carry the ledger's journal head "
                                      "{} (it has {}) and was removed: try again",
                                      target.string(), head.text(), copied.text()));
    }
}

} // namespace asicledger
