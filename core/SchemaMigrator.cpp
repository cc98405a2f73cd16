#include "SchemaMigrator.hpp"

#include "EmbeddedText.hpp"
#include "LedgerError.hpp"
#include "WriteTransaction.hpp"

#include <SQLiteCpp/Statement.h>
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
    // One statement, so one snapshot: read one by one, another program's first migration could
    // commit between them (version 0, then its tables), and this file would be taken for another
    // application's.
    SQLite::Statement file(db, "SELECT (SELECT user_version FROM pragma_user_version), "
                               "(SELECT application_id FROM pragma_application_id), "
                               "(SELECT count(*) FROM sqlite_schema)");
    file.executeStep();
    const int current = file.getColumn(0).getInt();
    const int applicationId = file.getColumn(1).getInt();
    const auto tables = file.getColumn(2).getInt64();
    file.reset();
    if (current > 0 && applicationId != kApplicationId)
        throw LedgerError(
            "this SQLite file is not an asicledger ledger: open a ledger file or create "
            "one with 'asicledger init'");
    if (current == 0 && tables > 0)
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
