#include "UnitActions.hpp"

#include "ActionsFixture.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "UnitRegister.hpp"

#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>

namespace asicledger::testing {
namespace {

using ::testing::HasSubstr;

class UnitActionsTest : public ActionsFixture
{
protected:
    // The refusals of an action that must be refused; fails the test if it is not.
    template <class Action> std::vector<UnitRefusal> refusalsOf(Action&& action)
    {
        const auto before = journalEntries();
        try {
            action();
        } catch (const UnitActionRefused& refused) {
            EXPECT_EQ(journalEntries(), before) << "a refused action wrote a journal entry";
            return refused.refusals();
        }
        ADD_FAILURE() << "the action was not refused";
        return {};
    }

    void SetUp() override
    {
        ActionsFixture::SetUp();
        actions.emplace(*ledger);
    }

    std::optional<UnitActions> actions; // needs the ledger SetUp opens
};

// Exemption start 2022-03-01: lock end 2027-03-01, so the unit is locked today (2026-11-23).
// Customs value 12 500 000.00 KZT (1 250 000 000 tiyn) at 12%: principal 150 000 000 tiyn.
// A sale back-dated to 2022-03-31 would cost, if exited that day: penalty accrues 2022-03-02 ..
// 2022-03-31 = 30 days, all at the 13.50% base rate in force from 2022-02-24:
//   150 000 000 × 1.25 × 0.135 × 30 / 365 = 759 375 000 / 365 = 2 080 479.45... -> 2 080 479
// total 152 080 479 tiyn = 1 520 804.79 KZT.
TEST_F(UnitActionsTest, SaleInsideTheLockIsRefusedNamingUnlockDateAndExitCost)
{
    addUnit({.serial = "ABC123", .exemptionStart = "2022-03-01", .customsTiyn = 1'250'000'000});
    const auto refusals = refusalsOf(
        [&] { actions->sell(finance, {"abc123"}, "Altyn Mining LLP", day("2022-03-31")); });
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_EQ(refusals[0].serial, "ABC123");
    EXPECT_EQ(refusals[0].reason,
              "ABC123 is under the VAT-exemption lock until 2027-03-01 (exempt from 2022-03-01); "
              "it may be sold from 2027-03-02. Exiting early on 2022-03-31 would cost 1 520 804.79 "
              "KZT (VAT 1 500 000.00 + penalty 20 804.79): see 'asicledger exit quote ABC123 "
              "--date 2022-03-31'.");
    EXPECT_EQ(unit("ABC123").legalOwner, "Kazakh Hash LLP");
}

// Start 2021-03-15: lock end 2026-03-15 (refused through that day), unlock date 2026-03-16.
TEST_F(UnitActionsTest, SaleMoveAndExportAreRefusedInsideTheLockAndOnItsLastDay)
{
    addUnit({.serial = "LOCK1", .exemptionStart = "2021-03-15"});
    for (const auto* date : {"2025-06-01", "2026-03-15"}) {
        SCOPED_TRACE(date);
        const auto sale =
            refusalsOf([&] { actions->sell(finance, {"LOCK1"}, "Altyn Mining LLP", day(date)); });
        ASSERT_EQ(sale.size(), 1u);
        EXPECT_THAT(sale[0].reason, HasSubstr("lock until 2026-03-15"));
        EXPECT_THAT(sale[0].reason, HasSubstr("it may be sold from 2026-03-16"));
        EXPECT_THAT(sale[0].reason,
                    HasSubstr(std::string("Exiting early on ") + date + " would cost"));
        // The cost in the refusal is the quote for that day.
        const auto quote = ExitDesk(*ledger).quote(unit("LOCK1"), day(date));
        EXPECT_THAT(sale[0].reason, HasSubstr(formatTenge(quote.total) + " KZT"));

        const auto move =
            refusalsOf([&] { actions->move(finance, {"LOCK1"}, "Karagandy-2", day(date)); });
        ASSERT_EQ(move.size(), 1u);
        EXPECT_THAT(move[0].reason, HasSubstr("it may be moved from 2026-03-16"));

        const auto exported =
            refusalsOf([&] { actions->exportUnits(finance, {"LOCK1"}, day(date)); });
        ASSERT_EQ(exported.size(), 1u);
        EXPECT_THAT(exported[0].reason, HasSubstr("it may be exported from 2026-03-16"));
    }
    const auto record = unit("LOCK1");
    EXPECT_EQ(record.legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(record.site, "Ekibastuz-1");
    EXPECT_EQ(record.status, UnitStatus::Running);
}

TEST_F(UnitActionsTest, SaleMoveAndExportAreAllowedOnTheUnlockDate)
{
    addUnits({{.serial = "FREE-S", .exemptionStart = "2021-03-15"},
              {.serial = "FREE-M", .exemptionStart = "2021-03-15"},
              {.serial = "FREE-X", .exemptionStart = "2021-03-15"}});
    EXPECT_EQ(
        actions->sell(finance, {"FREE-S"}, "Altyn Mining LLP", day("2026-03-16"), "contract 7"),
        1u);
    EXPECT_EQ(actions->move(finance, {"FREE-M"}, "Karagandy-2", day("2026-03-16")), 1u);
    EXPECT_EQ(actions->exportUnits(finance, {"FREE-X"}, day("2026-03-16")), 1u);

    EXPECT_EQ(unit("FREE-S").legalOwner, "Altyn Mining LLP");
    EXPECT_EQ(unit("FREE-M").site, "Karagandy-2");
    EXPECT_EQ(unit("FREE-X").status, UnitStatus::Exported);

    const auto history = UnitRegister(*ledger).history(unit("FREE-S").id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].kind, "sold");
    EXPECT_EQ(history[1].date, day("2026-03-16"));
    EXPECT_EQ(history[1].detail, "sold from Kazakh Hash LLP to Altyn Mining LLP");
    EXPECT_EQ(history[1].recordedBy, "finance");

    // Each event keeps where the unit stands after it.
    SQLite::Statement placement(ledger->db(),
                                "SELECT e.kind, s.name, o.name, e.status FROM unit_event e "
                                "JOIN site s ON s.id = e.site_id "
                                "JOIN entity o ON o.id = e.legal_owner_id "
                                "WHERE e.kind IN ('sold', 'moved', 'exported') ORDER BY e.id");
    const std::vector<std::vector<std::string>> expected{
        {"sold", "Ekibastuz-1", "Altyn Mining LLP", "running"},
        {"moved", "Karagandy-2", "Kazakh Hash LLP", "running"},
        {"exported", "Ekibastuz-1", "Kazakh Hash LLP", "exported"}};
    for (const auto& row : expected) {
        ASSERT_TRUE(placement.executeStep());
        for (int i = 0; i < 4; ++i)
            EXPECT_EQ(placement.getColumn(i).getString(), row[static_cast<std::size_t>(i)]);
    }

    SQLite::Statement journal(ledger->db(),
                              "SELECT seq, action, summary, reason FROM journal WHERE action = "
                              "'unit.sell'");
    ASSERT_TRUE(journal.executeStep());
    EXPECT_EQ(journal.getColumn(0).getInt64(), history[1].journalSeq);
    EXPECT_EQ(journal.getColumn(2).getString(), "sold 1 unit to Altyn Mining LLP on 2026-03-16");
    EXPECT_EQ(journal.getColumn(3).getString(), "contract 7");
}

// Today (2026-11-23) the unit is free (unlock 2026-03-16); on 2026-01-10 it was not.
TEST_F(UnitActionsTest, BackDatedActionsAreCheckedAgainstTheirOwnDate)
{
    addUnit({.serial = "PAST1", .exemptionStart = "2021-03-15"});
    EXPECT_FALSE(unit("PAST1").isLockedOn(ledger->today()));
    const auto refusals = refusalsOf(
        [&] { actions->sell(finance, {"PAST1"}, "Altyn Mining LLP", day("2026-01-10")); });
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_THAT(refusals[0].reason, HasSubstr("Exiting early on 2026-01-10"));

    EXPECT_EQ(actions->sell(finance, {"PAST1"}, "Altyn Mining LLP", day("2026-04-01")), 1u);
    EXPECT_EQ(UnitRegister(*ledger).history(unit("PAST1").id).back().date, day("2026-04-01"));
}

TEST_F(UnitActionsTest, ActionsOutOfDateOrderAreRefused)
{
    addUnit({.serial = "ORDER1", .exemptionStart = "2021-03-15"});
    EXPECT_EQ(actions->setStatus(finance, {"ORDER1"}, UnitStatus::Faulty, day("2026-06-01")), 1u);

    const auto refusals = refusalsOf(
        [&] { actions->sell(finance, {"ORDER1"}, "Altyn Mining LLP", day("2026-05-01")); });
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_THAT(refusals[0].reason,
                HasSubstr("its history already has an event on 2026-06-01; record actions in "
                          "date order"));
    // The same day as the last event is in order.
    EXPECT_EQ(actions->sell(finance, {"ORDER1"}, "Altyn Mining LLP", day("2026-06-01")), 1u);
}

TEST_F(UnitActionsTest, DatesBeforeArrivalOrInTheFutureAreRefused)
{
    addUnit({.serial = "ARR1", .exemptionStart = std::nullopt, .arrival = "2023-04-10"});
    const auto early =
        refusalsOf([&] { actions->move(finance, {"ARR1"}, "Karagandy-2", day("2023-04-09")); });
    ASSERT_EQ(early.size(), 1u);
    EXPECT_THAT(early[0].reason, HasSubstr("arrived in Kazakhstan on 2023-04-10"));

    const auto before = journalEntries();
    try {
        actions->move(finance, {"ARR1"}, "Karagandy-2", day("2026-11-24"));
        FAIL() << "a move dated tomorrow was accepted";
    } catch (const Refusal& refusal) {
        EXPECT_THAT(refusal.what(), HasSubstr("dates in the future are refused"));
    }
    EXPECT_EQ(journalEntries(), before);
    // Not exempt: no lock, so a move on the arrival day is fine.
    EXPECT_EQ(actions->move(finance, {"ARR1"}, "Karagandy-2", day("2023-04-10")), 1u);
}

TEST_F(UnitActionsTest, BulkActionIsAllOrNothingAndListsEveryRefusal)
{
    addUnits({{.serial = "FREE1", .exemptionStart = "2021-01-10"},
              {.serial = "FREE2", .exemptionStart = "2021-01-10"},
              {.serial = "LOCKED1", .exemptionStart = "2022-03-15"}});
    const auto events = unitEvents();
    const auto refusals = refusalsOf([&] {
        actions->sell(finance, {"FREE1", " free1 ", "LOCKED1", "FREE2", "NOSUCH", "BAD SERIAL"},
                      "Altyn Mining LLP", day("2026-11-20"));
    });
    ASSERT_EQ(refusals.size(), 3u);
    EXPECT_EQ(refusals[0].serial, "LOCKED1");
    EXPECT_THAT(refusals[0].reason, HasSubstr("lock until 2027-03-15"));
    EXPECT_EQ(refusals[1].serial, "NOSUCH");
    EXPECT_THAT(refusals[1].reason, HasSubstr("no unit with serial NOSUCH"));
    EXPECT_EQ(refusals[2].serial, "BAD SERIAL");
    EXPECT_EQ(unit("FREE1").legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(unit("FREE2").legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(unitEvents(), events);

    try {
        actions->sell(finance, {"FREE1", "LOCKED1"}, "Altyn Mining LLP", day("2026-11-20"));
        ADD_FAILURE() << "a sale including a locked unit was accepted";
    } catch (const UnitActionRefused& refused) {
        EXPECT_THAT(refused.what(), HasSubstr("1 unit was refused; nothing was written"));
        EXPECT_THAT(refused.what(), HasSubstr("LOCKED1 is under the VAT-exemption lock"));
    }

    // Named twice (a scanner double-read), a unit is changed once.
    EXPECT_EQ(actions->sell(finance, {"FREE1", " free1 ", "FREE2"}, "Altyn Mining LLP",
                            day("2026-11-20")),
              2u);
    EXPECT_EQ(unitEvents(), events + 2);
}

TEST_F(UnitActionsTest, StatusBeneficialOwnerAndNotesAreAllowedWhileLocked)
{
    addUnit({.serial = "HOST1", .exemptionStart = "2022-03-15"});
    ASSERT_TRUE(unit("HOST1").isLockedOn(ledger->today()));

    EXPECT_EQ(actions->setStatus(finance, {"HOST1"}, UnitStatus::Faulty, day("2026-11-01")), 1u);
    EXPECT_EQ(
        actions->setBeneficialOwner(finance, {"HOST1"}, "Pacific Hash Pte Ltd", day("2026-11-02")),
        1u);
    auto record = unit("HOST1");
    EXPECT_EQ(record.status, UnitStatus::Faulty);
    EXPECT_EQ(record.beneficialOwner, "Pacific Hash Pte Ltd");
    EXPECT_EQ(record.legalOwner, "Kazakh Hash LLP");

    EXPECT_EQ(actions->setBeneficialOwner(finance, {"HOST1"}, std::nullopt, day("2026-11-03")), 1u);
    actions->addNote(finance, "host1", day("2026-11-04"), "hashboard 2 replaced on site");
    record = unit("HOST1");
    EXPECT_FALSE(record.beneficialOwner);

    const auto history = UnitRegister(*ledger).history(record.id);
    ASSERT_EQ(history.size(), 5u);
    EXPECT_EQ(history[1].kind, "status");
    EXPECT_EQ(history[1].detail, "status changed from running to faulty");
    EXPECT_EQ(history[2].kind, "beneficial_owner");
    EXPECT_EQ(history[2].detail, "beneficial owner changed from none to Pacific Hash Pte Ltd; "
                                 "legal owner stays Kazakh Hash LLP");
    EXPECT_EQ(history[3].detail, "beneficial owner changed from Pacific Hash Pte Ltd to none; "
                                 "legal owner stays Kazakh Hash LLP");
    EXPECT_EQ(history[4].kind, "note");
    EXPECT_EQ(history[4].detail, "hashboard 2 replaced on site");

    EXPECT_THROW(actions->setStatus(finance, {"HOST1"}, UnitStatus::Exported, day("2026-11-05")),
                 InvalidInput);
    EXPECT_THROW(actions->setStatus(finance, {"HOST1"}, UnitStatus::Faulty, day("2026-11-05")),
                 UnitActionRefused);
    EXPECT_THROW(actions->addNote(finance, "HOST1", day("2026-11-05"), "  "), InvalidInput);
}

TEST_F(UnitActionsTest, NoOpSaleOrMoveAndUnknownPartiesAreRefused)
{
    addUnit({.serial = "SAME1", .exemptionStart = std::nullopt});
    const auto sale = refusalsOf(
        [&] { actions->sell(finance, {"SAME1"}, "kazakh hash llp", day("2026-11-01")); });
    ASSERT_EQ(sale.size(), 1u);
    EXPECT_THAT(sale[0].reason, HasSubstr("already owned by Kazakh Hash LLP"));
    const auto move =
        refusalsOf([&] { actions->move(finance, {"SAME1"}, "Ekibastuz-1", day("2026-11-01")); });
    ASSERT_EQ(move.size(), 1u);
    EXPECT_THAT(move[0].reason, HasSubstr("already at Ekibastuz-1"));

    EXPECT_THROW(actions->sell(finance, {"SAME1"}, "Nobody LLP", day("2026-11-01")), NotFound);
    EXPECT_THROW(actions->move(finance, {"SAME1"}, "Atlantis-9", day("2026-11-01")), NotFound);
    EXPECT_THROW(actions->setBeneficialOwner(finance, {"SAME1"}, "Nobody Ltd", day("2026-11-01")),
                 NotFound);
}

TEST_F(UnitActionsTest, ExportedUnitRefusesEveryFurtherAction)
{
    addUnit({.serial = "GONE1", .exemptionStart = "2021-03-15"});
    EXPECT_EQ(actions->exportUnits(finance, {"GONE1"}, day("2026-06-01")), 1u);
    const auto date = day("2026-11-01");
    const std::vector<std::function<void()>> attempts{
        [&] { actions->sell(finance, {"GONE1"}, "Altyn Mining LLP", date); },
        [&] { actions->move(finance, {"GONE1"}, "Karagandy-2", date); },
        [&] { actions->exportUnits(finance, {"GONE1"}, date); },
        [&] { actions->setStatus(finance, {"GONE1"}, UnitStatus::Stopped, date); },
        [&] { actions->setBeneficialOwner(finance, {"GONE1"}, "Harbour Digital Ltd", date); },
        [&] { actions->addNote(finance, "GONE1", date, "seen in Almaty?"); },
    };
    for (const auto& attempt : attempts) {
        const auto refusals = refusalsOf(attempt);
        ASSERT_EQ(refusals.size(), 1u);
        EXPECT_THAT(refusals[0].reason, HasSubstr("left Kazakhstan on 2026-06-01"));
    }
}

TEST_F(UnitActionsTest, OnlyFinanceRecordsUnitActions)
{
    addUnit({.serial = "ROLE1", .exemptionStart = std::nullopt});
    const auto before = journalEntries();
    for (const auto* actor : {&admin, &auditor, &manager}) {
        EXPECT_THROW(actions->sell(*actor, {"ROLE1"}, "Altyn Mining LLP", day("2026-11-01")),
                     PermissionDenied);
        EXPECT_THROW(actions->move(*actor, {"ROLE1"}, "Karagandy-2", day("2026-11-01")),
                     PermissionDenied);
        EXPECT_THROW(actions->exportUnits(*actor, {"ROLE1"}, day("2026-11-01")), PermissionDenied);
        EXPECT_THROW(actions->setStatus(*actor, {"ROLE1"}, UnitStatus::Stopped, day("2026-11-01")),
                     PermissionDenied);
        EXPECT_THROW(actions->addNote(*actor, "ROLE1", day("2026-11-01"), "x"), PermissionDenied);
    }
    // The role is checked before anything else: even an unknown serial gets the role answer.
    EXPECT_THROW(actions->sell(auditor, {"NOSUCH"}, "Nobody LLP", day("2030-01-01")),
                 PermissionDenied);
    EXPECT_EQ(journalEntries(), before);
}

} // namespace
} // namespace asicledger::testing
