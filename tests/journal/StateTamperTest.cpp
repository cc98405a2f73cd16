#include "ChangeSet.hpp"
#include "EntityRegistry.hpp"
#include "JournalFixture.hpp"
#include "UserDirectory.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace asicledger {
namespace {

using testing::failureText;
using testing::namesAll;

// Edits made to state tables with raw SQL, as with the sqlite3 shell: verify names the table,
// the row (and a unit's serial), the column and both values.
class StateTamper : public testing::JournalFixture
{
protected:
    void SetUp() override
    {
        JournalFixture::SetUp();
        units = addUnits({"SN-100", "SN-101", "SN-102"});
        setStatus(units[2], "stopped");
        UserDirectory(*ledger).setPassword(admin, "auditor", "another-password-7");
        ASSERT_TRUE(verify().ok) << failureText(verify());
    }

    std::vector<std::int64_t> units;
};

struct FieldEdit
{
    std::string table;
    std::string column;
    std::string whereSql; // picks one row
    std::string newValueSql;
    std::vector<std::string> named; // what the failure must say
};

TEST_F(StateTamper, ChangedFieldInEveryKindOfTableIsNamed)
{
    const auto altyn = idOf("entity", "name", "Altyn Mining LLP");
    const std::vector<FieldEdit> edits = {
        {"unit",
         "site_id",
         "serial = 'SN-101'",
         std::to_string(idOf("site", "name", "Karagandy-2")),
         {fmt::format("unit #{} (serial SN-101)", units[1]), "site_id",
          fmt::format("is {} in the ledger", idOf("site", "name", "Karagandy-2")),
          fmt::format("but {} in the journal", idOf("site", "name", "Ekibastuz-1"))}},
        {"unit",
         "unlock_date",
         "serial = 'SN-100'",
         "'2024-03-16'",
         {"serial SN-100", "unlock_date", "'2024-03-16' in the ledger",
          "'2027-03-16' in the journal"}},
        {"unit",
         "status",
         "serial = 'SN-102'",
         "'running'",
         {"serial SN-102", "status", "'running' in the ledger", "'stopped' in the journal",
          "unit.status by finance"}},
        {"entity",
         "registration_no",
         "name = 'Altyn Mining LLP'",
         "'190540019999'",
         {fmt::format("entity #{} (Altyn Mining LLP)", altyn), "registration_no",
          "'190540019999' in the ledger", "'190540017777' in the journal"}},
        {"site",
         "region",
         "name = 'Karagandy-2'",
         "'Almaty'",
         {"(Karagandy-2)", "region", "'Almaty' in the ledger", "'Karagandy' in the journal"}},
        {"base_rate",
         "rate_bp",
         "effective_from = (SELECT max(effective_from) FROM base_rate)",
         "rate_bp - 100",
         {"base_rate #", "rate_bp", "ledger.init by admin"}},
        {"app_user",
         "role",
         "name = 'finance'",
         "'admin'",
         {"app_user #2 (finance)", "role", "'admin' in the ledger", "'finance' in the journal"}},
        {"app_user",
         "password_hash",
         "name = 'auditor'",
         "'$argon2id$forged'",
         {"(auditor)", "password_hash", "user.passwd by admin"}},
        {"unit_event",
         "detail",
         "kind = 'status'",
         "'not what happened'",
         {"unit_event #", "detail"}},
    };
    const auto guard = raw()
                           .execAndGet("SELECT sql FROM sqlite_schema WHERE name = "
                                       "'unit_event_no_update'")
                           .getString();
    for (const auto& edit : edits) {
        SCOPED_TRACE(edit.table + "." + edit.column);
        auto db = raw();
        const auto where = fmt::format("FROM {} WHERE {}", edit.table, edit.whereSql);
        const auto old =
            db.execAndGet(fmt::format("SELECT quote({}) {}", edit.column, where)).getString();
        const auto set = [&](const std::string& value) {
            // unit history refuses updates: an attacker drops the guard and puts it back.
            db.exec("DROP TRIGGER unit_event_no_update");
            db.exec(fmt::format("UPDATE {} SET {} = {} WHERE {}", edit.table, edit.column, value,
                                edit.whereSql));
            EXPECT_EQ(db.getChanges(), 1);
            db.exec(guard);
        };
        set(edit.newValueSql);
        const auto result = verify();
        EXPECT_FALSE(result.ok);
        EXPECT_TRUE(namesAll(result, edit.named)) << failureText(result);
        EXPECT_TRUE(namesAll(result, {"changed behind the application's back"}));
        set(old);
        EXPECT_TRUE(verify().ok) << "after undoing the edit: " << failureText(verify());
    }
}

TEST_F(StateTamper, DeletedRowIsNamed)
{
    tamper(fmt::format("DELETE FROM unit WHERE id = {}", units[0]));
    auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {fmt::format("unit #{} (serial SN-100)", units[0]),
                                  "not in the ledger", "deleted", "import by finance"}))
        << failureText(result);

    tamper("DELETE FROM base_rate WHERE effective_from = (SELECT min(effective_from) FROM "
           "base_rate)");
    result = verify();
    EXPECT_TRUE(namesAll(result, {"base_rate #1", "deleted"})) << failureText(result);
}

TEST_F(StateTamper, InsertedRowIsNamed)
{
    tamper("INSERT INTO entity(name, kind, jurisdiction) VALUES ('Ghost Trading LLP', "
           "'domestic', 'KZ')");
    const auto ghost = idOf("entity", "name", "Ghost Trading LLP");
    auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {fmt::format("entity #{} (Ghost Trading LLP)", ghost),
                                  "no journal entry wrote it", "inserted behind"}))
        << failureText(result);

    // A unit slipped in with a copy of a real one's fields.
    tamper("INSERT INTO unit(serial, shipment_id, manufacturer, model, hashrate_ghs, power_w, "
           "customs_value_tiyn, customs_currency, customs_value_minor, legal_owner_id, site_id, "
           "vat_rate_bp) SELECT 'SN-GHOST', shipment_id, manufacturer, model, hashrate_ghs, "
           "power_w, customs_value_tiyn, customs_currency, customs_value_minor, legal_owner_id, "
           "site_id, vat_rate_bp FROM unit WHERE serial = 'SN-100'");
    result = verify();
    EXPECT_TRUE(namesAll(result, {"(serial SN-GHOST)", "inserted behind"})) << failureText(result);
}

TEST_F(StateTamper, ChangeLaunderedByALaterWriteIsNamedAtThatEntry)
{
    // Someone sets the unit to faulty by hand; later the application stops it, recording the
    // value it found. The state now agrees with the journal's last word, but the journal's
    // `before` shows a value no entry wrote.
    tamper(fmt::format("UPDATE unit SET status = 'faulty' WHERE id = {}", units[0]));
    setStatus(units[0], "stopped");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(
        result, {fmt::format("journal entry {} (unit.status by finance", head().seq),
                 "serial SN-100", "status = 'faulty'", "journal had left it at 'running'"}))
        << failureText(result);
}

TEST_F(StateTamper, TablesAddedLaterAreCoveredWithoutBeingListed)
{
    // A later migration adds a table; writes to it go through the ChangeSet as usual.
    tamper("CREATE TABLE hosting_contract (id INTEGER PRIMARY KEY, reference TEXT NOT NULL, "
           "units INTEGER NOT NULL DEFAULT 0, counterparty TEXT NOT NULL DEFAULT 'Pacific Hash')");
    const auto id = ledger->write(
        finance, Permission::RecordFinance, "recording a contract", "contract.record",
        [](ChangeSet& changes) {
            changes.setSummary("hosting contract HC-1");
            return changes.insert("hosting_contract",
                                  {{"reference", std::string("HC-1")}, {"units", std::int64_t{3}}});
        });
    EXPECT_TRUE(verify().ok) << failureText(verify());
    tamper("UPDATE hosting_contract SET counterparty = 'Nobody'");
    const auto result = verify();
    EXPECT_TRUE(namesAll(result, {fmt::format("hosting_contract #{}", id), "counterparty",
                                  "'Nobody' in the ledger", "'Pacific Hash' in the journal"}))
        << failureText(result);
}

TEST_F(StateTamper, DroppedTableAndColumnAreNamed)
{
    tamper("DROP TABLE exit_policy");
    auto result = verify();
    EXPECT_TRUE(
        namesAll(result, {"journal entry 1 (ledger.init by admin", "table exit_policy", "dropped"}))
        << failureText(result);
    tamper("ALTER TABLE site DROP COLUMN region");
    result = verify();
    EXPECT_TRUE(namesAll(result, {"column region of table site", "dropped or renamed"}))
        << failureText(result);
}

TEST_F(StateTamper, ManyFailuresAreCappedAndCounted)
{
    tamper("UPDATE base_rate SET note = 'rewritten'");
    const auto rates = raw().execAndGet("SELECT count(*) FROM base_rate").getInt64();
    ASSERT_GT(rates, 20);
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    ASSERT_EQ(result.failures.size(), 21u) << failureText(result);
    EXPECT_EQ(result.failures.back(), fmt::format("… and {} more failures not listed", rates - 20));
}

} // namespace
} // namespace asicledger
