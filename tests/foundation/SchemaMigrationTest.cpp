#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "LedgerFixture.hpp"
#include "SchemaMigrator.hpp"

#include <SQLiteCpp/Database.h>
#include <fstream>
#include <gtest/gtest.h>

namespace asicledger {
namespace {

using testing::TemporaryFile;

TEST(SchemaMigration, ANewFileGetsTheLatestSchemaAndIsMarkedAsALedger)
{
    TemporaryFile file;
    FixedClock clock(Date(2026, 11, 23));
    Ledger ledger(file.path(), clock, Ledger::OpenMode::CreateIfMissing);
    EXPECT_EQ(SchemaMigrator::currentVersion(ledger.db()), SchemaMigrator::latestVersion());
    EXPECT_EQ(ledger.db().execAndGet("PRAGMA application_id").getInt(), SchemaMigrator::kApplicationId);
    EXPECT_EQ(ledger.db().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(ledger.db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST(SchemaMigration, AnOldLedgerIsBroughtUpToDateKeepingItsRows)
{
    TemporaryFile file;
    {
        // A ledger as the first release wrote it: schema 1 only, with an entity in it.
        SQLite::Database db(file.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SchemaMigrator::migrate(db, 1);
        db.exec("INSERT INTO entity(name, kind, jurisdiction) VALUES('Old LLP', 'domestic', 'KZ')");
        ASSERT_EQ(SchemaMigrator::currentVersion(db), 1);
    }
    FixedClock clock(Date(2026, 11, 23));
    Ledger ledger(file.path(), clock);
    EXPECT_EQ(SchemaMigrator::currentVersion(ledger.db()), SchemaMigrator::latestVersion());
    EXPECT_EQ(ledger.db().execAndGet("SELECT name FROM entity").getString(), "Old LLP");
}

TEST(SchemaMigration, RefusesFilesItCannotOwn)
{
    FixedClock clock(Date(2026, 11, 23));
    {
        TemporaryFile file;
        {
            SQLite::Database db(file.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE customers(id INTEGER PRIMARY KEY)");
        }
        EXPECT_THROW(Ledger(file.path(), clock), LedgerError);
    }
    {
        TemporaryFile file;
        {
            SQLite::Database db(file.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SchemaMigrator::migrate(db);
            db.exec("PRAGMA user_version = 999");
        }
        try {
            Ledger ledger(file.path(), clock);
            FAIL() << "a ledger from a newer program must be refused";
        } catch (const LedgerError& error) {
            EXPECT_NE(std::string(error.what()).find("newer"), std::string::npos) << error.what();
        }
    }
    {
        TemporaryFile file;
        std::ofstream(file.path()) << "serial,model\nA1,S19\n";
        EXPECT_THROW(Ledger(file.path(), clock), LedgerError);
    }
    {
        TemporaryFile file;
        EXPECT_THROW(Ledger(file.path(), clock, Ledger::OpenMode::MustExist), NotFound);
        EXPECT_FALSE(std::filesystem::exists(file.path()));
    }
}

TEST(SchemaMigration, TheSchemaRefusesWhatTheVocabularyDoesNotKnow)
{
    TemporaryFile file;
    SQLite::Database db(file.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SchemaMigrator::migrate(db);
    db.exec("INSERT INTO entity(id, name, kind, jurisdiction) VALUES(1, 'A LLP', 'domestic', 'KZ')");
    EXPECT_THROW(db.exec("INSERT INTO entity(name, kind, jurisdiction) VALUES('B', 'offshore', 'SG')"),
                 SQLite::Exception);
    EXPECT_THROW(db.exec("INSERT INTO entity(name, kind, jurisdiction) VALUES('C', 'domestic', 'SG')"),
                 SQLite::Exception);
    EXPECT_THROW(db.exec("INSERT INTO shipment(declaration_no, declaration_date, route, dispatch_date, "
                         "arrival_date, importer_id) VALUES('D1', '2024-01-10', 'sea', '2024-01-01', "
                         "'2024-01-05', 1)"),
                 SQLite::Exception);
    EXPECT_THROW(db.exec("INSERT INTO shipment(declaration_no, declaration_date, route, dispatch_date, "
                         "arrival_date, importer_id) VALUES('D2', '2024-02-30', 'air', '2024-01-01', "
                         "'2024-01-05', 1)"),
                 SQLite::Exception);
}

} // namespace
} // namespace asicledger
