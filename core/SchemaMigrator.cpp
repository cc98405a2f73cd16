#include "SchemaMigrator.hpp"

#include "EmbeddedText.hpp"
#include "LedgerError.hpp"
#include "WriteTransaction.hpp"

#include <fmt/format.h>

namespace asicledger {

int SchemaMigrator::latestVersion()
{
    return static_cast<int>(schemaMigrations().size());
}

int SchemaMigrator::currentVersion(SQLite::Database& db)
{
    return db.execAndGet("PRAGMA user_version").getInt();
}

void SchemaMigrator::migrate(SQLite::Database& db, int target)
{
    if (target < 0)
        target = latestVersion();
    const int current = currentVersion(db);
    const int applicationId = db.execAndGet("PRAGMA application_id").getInt();
    if (current > 0 && applicationId != kApplicationId)
        throw LedgerError(
            "this SQLite file is not an asicledger ledger: open a ledger file or create "
            "one with 'asicledger init'");
    if (current == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
        throw LedgerError("this SQLite file already holds other tables and is not an asicledger "
                          "ledger: choose a new file name for the ledger");
    if (current > latestVersion())
        throw LedgerError(
            fmt::format("this ledger was written by a newer asicledger (schema {}; this "
                        "program knows up to {}): update the program before opening it",
                        current, latestVersion()));
    if (current >= target)
        return;

    WriteTransaction transaction(db);
    // Another program opening the same file may have upgraded it while this one waited for the
    // lock: start from the version the file has now, not the one read before.
    const int locked = currentVersion(db);
    if (locked >= target)
        return;
    const auto& migrations = schemaMigrations();
    for (int version = locked + 1; version <= target; ++version)
        db.exec(std::string(migrations.at(version - 1).text));
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db.exec(fmt::format("PRAGMA user_version = {}", target));
    transaction.commit();
}

} // namespace asicledger
