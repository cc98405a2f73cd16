#pragma once

#include <SQLiteCpp/Database.h>

namespace asicledger {

// Brings a ledger file's tables up to the schema this program was built with, applying the
// embedded schema/NNN_*.sql files above the file's `PRAGMA user_version` in one transaction.
class SchemaMigrator
{
public:
    static int latestVersion();
    // The file's version; 0 for an empty file.
    static int currentVersion(SQLite::Database& db);
    // Applies migrations up to `target` (default: the latest). Throws LedgerError when the file is
    // not a ledger or was written by a newer program.
    static void migrate(SQLite::Database& db, int target = -1);

    // 'ASLG': marks a SQLite file as an asicledger ledger.
    static constexpr int kApplicationId = 0x41534C47;
};

} // namespace asicledger
