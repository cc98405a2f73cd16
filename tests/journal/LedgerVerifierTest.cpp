#include "EntityRegistry.hpp"
#include "JournalFixture.hpp"
#include "LedgerError.hpp"
#include "SiteRegistry.hpp"
#include "UserDirectory.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace asicledger {
namespace {

using testing::namesAll;

class Verify : public testing::JournalFixture
{
protected:
    std::int64_t stateRows()
    {
        std::int64_t rows = 0;
        SQLite::Statement tables(ledger->db(),
                                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                 "name <> 'journal' AND name NOT LIKE 'sqlite_%'");
        while (tables.executeStep())
            rows += ledger->db()
                        .execAndGet("SELECT count(*) FROM " + tables.getColumn(0).getString())
                        .getInt64();
        return rows;
    }

    // Sets every hash from `fromSeq` on to what the edited entries hash to, chaining each to the
    // one before: what an attacker who knows the (public) algorithm does after an edit.
    void rehashFrom(std::int64_t fromSeq)
    {
        auto db = raw();
        std::vector<JournalEntry> entries;
        SQLite::Statement query(db, "SELECT seq, recorded_at, user_name, action, summary, reason, "
                                    "changes, prev_hash FROM journal WHERE seq >= ? ORDER BY seq");
        query.bind(1, fromSeq);
        while (query.executeStep()) {
            JournalEntry entry;
            entry.seq = query.getColumn(0).getInt64();
            entry.recordedAt = query.getColumn(1).getString();
            entry.userName = query.getColumn(2).getString();
            entry.action = query.getColumn(3).getString();
            entry.summary = query.getColumn(4).getString();
            entry.reason = query.getColumn(5).getString();
            entry.changes = query.getColumn(6).getString();
            entry.prevHash = query.getColumn(7).getString();
            entries.push_back(entry);
        }
        query.reset();
        const auto guard =
            db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'journal_no_update'")
                .getString();
        db.exec("DROP TRIGGER journal_no_update");
        SQLite::Statement update(db, "UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?");
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i > 0)
                entries[i].prevHash = entries[i - 1].hash;
            entries[i].hash = Journal::entryHash(entries[i]);
            update.reset();
            update.bind(1, entries[i].prevHash);
            update.bind(2, entries[i].hash);
            update.bind(3, entries[i].seq);
            update.exec();
        }
        db.exec(guard);
    }
};

TEST_F(Verify, CleanLedgerAfterEveryKindOfWriteVerifies)
{
    UserDirectory users(*ledger);
    users.setPassword(admin, "finance2", "a-new-password-42");
    users.setPassword(manager, "manager", "my-own-new-password");
    users.disable(admin, "manager2");
    EntityRegistry(*ledger).add(admin, {"Steppe Compute LLP", "domestic", "KZ", ""});
    SiteRegistry(*ledger).add(admin, "Oskemen-3", "East Kazakhstan", "Steppe Compute LLP");
    const auto units = addUnits({"SN-A1", "SN-A2", "SN-A3"});
    setStatus(units[1], "stopped");
    setStatus(units[1], "faulty");

    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    const auto result =
        LedgerVerifier(*ledger).verify(std::nullopt, [&](std::int64_t done, std::int64_t total) {
            calls.push_back({done, total});
        });
    EXPECT_TRUE(result.ok) << testing::failureText(result);
    EXPECT_TRUE(result.failures.empty());
    EXPECT_EQ(result.head.seq, head().seq);
    EXPECT_EQ(result.head.hash, head().hash);
    EXPECT_EQ(result.entriesChecked, head().seq);
    EXPECT_EQ(result.rowsChecked, stateRows());
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back().first, calls.back().second);
}

TEST_F(Verify, EditedJournalEntryIsNamedBySequence)
{
    addUnits({"SN-B1"});
    const auto entity = head().seq - 1; // the last entry before the units: a site.add
    tamperWithJournal(fmt::format(
        "UPDATE journal SET summary = 'added nothing of interest' WHERE seq = {}", entity));
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    ASSERT_FALSE(result.failures.empty());
    EXPECT_NE(result.failures.front().find(fmt::format("journal entry {} (site.add by admin, "
                                                       "2026-11-23T12:00:00Z)",
                                                       entity)),
              std::string::npos)
        << testing::failureText(result);
    EXPECT_TRUE(namesAll(result, {"hash does not match its contents", "edited"}));
}

TEST_F(Verify, EditedRowImageInTheJournalIsCaughtTwice)
{
    const auto ids = addUnits({"SN-C1"});
    // Make the journal say the unit is another model, without touching the unit itself.
    tamperWithJournal("UPDATE journal SET changes = replace(changes, '\"model\":\"Antminer S19 "
                      "Pro\"', '\"model\":\"Antminer S9\"') WHERE action = 'import'");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"hash does not match"})) << testing::failureText(result);
    EXPECT_TRUE(
        namesAll(result, {fmt::format("unit #{} (serial SN-C1)", ids[0]), "model",
                          "'Antminer S19 Pro' in the ledger", "'Antminer S9' in the journal"}))
        << testing::failureText(result);
}

TEST_F(Verify, SwappedJournalEntriesAreCaught)
{
    addUnits({"SN-D1"});
    const auto last = head().seq;
    // Exchange the two last entries' contents, keeping their positions.
    tamperWithJournal(fmt::format(
        "UPDATE journal SET seq = -1 WHERE seq = {0}; UPDATE journal SET seq = {0} WHERE seq = "
        "{1}; UPDATE journal SET seq = {1} WHERE seq = -1",
        last, last - 1));
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {fmt::format("journal entry {} (import by finance", last - 1),
                                  "does not follow entry"}))
        << testing::failureText(result);
    EXPECT_TRUE(
        namesAll(result, {fmt::format("journal entry {} (site.add", last), "hash does not match"}))
        << testing::failureText(result);
}

TEST_F(Verify, DeletedJournalEntryIsCaught)
{
    addUnits({"SN-E1"});
    auto db = raw();
    db.exec("DROP TRIGGER journal_no_delete");
    db.exec("DELETE FROM journal WHERE seq = 3");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"journal entry 3 is missing", "jumps from entry 2 to 4"}))
        << testing::failureText(result);
    EXPECT_TRUE(namesAll(result, {"append-only guard journal_no_delete has been dropped"}));
    // The user that entry wrote is now a row nobody journalled.
    EXPECT_TRUE(namesAll(result, {"app_user #3 (finance2)", "inserted behind"}))
        << testing::failureText(result);
}

TEST_F(Verify, EveryDroppedGuardIsNamed)
{
    for (const auto* guard : {"journal_no_update", "journal_no_delete", "unit_event_no_update",
                              "unit_event_no_delete"}) {
        tamper(fmt::format("DROP TRIGGER {}", guard));
        const auto result = verify();
        EXPECT_FALSE(result.ok);
        EXPECT_TRUE(
            namesAll(result, {fmt::format("the append-only guard {} has been dropped", guard)}))
            << testing::failureText(result);
    }
}

TEST_F(Verify, GuardsOfLaterMigrationsAreCheckedToo)
{
    // 003 adds inspections, append-only like the journal.
    tamper("DROP TRIGGER inspection_sighting_no_delete");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"the append-only guard inspection_sighting_no_delete has been "
                                  "dropped: inspection_sighting rows can be deleted"}))
        << testing::failureText(result);
}

TEST_F(Verify, DefusedGuardIsNamed)
{
    tamper("DROP TRIGGER unit_event_no_update; CREATE TRIGGER unit_event_no_update BEFORE UPDATE "
           "ON unit_event WHEN 0 BEGIN SELECT RAISE(ABORT, 'never'); END");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"unit_event_no_update has been altered"}))
        << testing::failureText(result);
}

TEST_F(Verify, RehashedChainPassesAloneButNotAgainstTheWrittenDownHead)
{
    const auto ids = addUnits({"SN-F1", "SN-F2"});
    setStatus(ids[0], "stopped");
    const auto fingerprint = head();
    EXPECT_TRUE(verify(fingerprint).ok);

    // Rewrite history: the unit was never imported with that model, in the state and in the
    // journal, and re-chain every hash from that entry on.
    const auto importSeq = fingerprint.seq - 1;
    tamper("UPDATE unit SET model = 'Antminer S9' WHERE serial IN ('SN-F1', 'SN-F2')");
    tamperWithJournal(fmt::format("UPDATE journal SET changes = replace(changes, "
                                  "'\"model\":\"Antminer S19 Pro\"', '\"model\":\"Antminer S9\"') "
                                  "WHERE seq = {}",
                                  importSeq));
    rehashFrom(importSeq);

    const auto alone = verify();
    EXPECT_TRUE(alone.ok) << "the chain is consistent again: " << testing::failureText(alone);
    const auto against = verify(fingerprint);
    EXPECT_FALSE(against.ok);
    ASSERT_EQ(against.failures.size(), 1u) << testing::failureText(against);
    EXPECT_TRUE(namesAll(against, {"no longer extends the fingerprint " + fingerprint.text(),
                                   "written down earlier"}));

    // A fingerprint from before the rewritten entry still holds.
    const auto cutOff =
        verify(JournalHead{importSeq - 1, [&] {
                               auto db = raw();
                               return db
                                   .execAndGet(fmt::format("SELECT hash FROM journal "
                                                           "WHERE seq = {}",
                                                           importSeq - 1))
                                   .getString();
                           }()});
    EXPECT_TRUE(cutOff.ok) << testing::failureText(cutOff);
}

TEST_F(Verify, DroppedJournalIsNamed)
{
    tamper("DROP TABLE journal");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"the journal table has been dropped"}))
        << testing::failureText(result);
}

TEST_F(Verify, FingerprintBeyondTheJournalIsRefused)
{
    auto beyond = head();
    beyond.seq += 5;
    const auto result = verify(beyond);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"no longer extends the fingerprint", "entries were removed"}))
        << testing::failureText(result);
}

TEST_F(Verify, FingerprintTextIsParsedStrictly)
{
    const auto hash = std::string(64, 'a');
    const auto head = LedgerVerifier::parseHead("42:" + std::string(64, 'A'));
    EXPECT_EQ(head.seq, 42);
    EXPECT_EQ(head.hash, hash);
    for (const auto& bad :
         {std::string(""), std::string("42"), "42:" + hash.substr(1), ":" + hash, "x:" + hash,
          "0:" + hash, "-3:" + hash, "42:" + std::string(63, 'a') + "g", "42 :" + hash}) {
        try {
            LedgerVerifier::parseHead(bad);
            ADD_FAILURE() << "accepted '" << bad << "'";
        } catch (const InvalidInput& error) {
            EXPECT_NE(std::string(error.what()).find("SEQ:HASH"), std::string::npos);
        }
    }
}

} // namespace
} // namespace asicledger
