#include "ExitDesk.hpp"

#include "ActionsFixture.hpp"
#include "LedgerError.hpp"
#include "UnitActions.hpp"
#include "UnitRegister.hpp"

#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>

namespace asicledger::testing {
namespace {

using ::testing::HasSubstr;

class ExitDeskTest : public ActionsFixture
{
protected:
    ExitQuote quoteOf(const std::string& serial, const std::string& date)
    {
        return ExitDesk(*ledger).quote(unit(serial), day(date));
    }
};

// Principal 150 000 000 tiyn throughout: customs value 1 250 000 000 tiyn (12 500 000.00 KZT) at
// 12%. Penalty per day = principal × 1.25 × rate / 365.

// 2022-03-02 .. 2022-03-31: 30 days, all at 13.50% (in force 2022-02-24 .. 2022-04-25).
//   150 000 000 × 1.25 × 0.1350 × 30 / 365 = 759 375 000 / 365 = 2 080 479.452... -> 2 080 479
TEST_F(ExitDeskTest, QuoteInsideOneBaseRatePeriod)
{
    addUnit({.serial = "Q1", .exemptionStart = "2022-03-01", .customsTiyn = 1'250'000'000});
    const auto quote = quoteOf("Q1", "2022-03-31");
    EXPECT_EQ(quote.principal, Tiyn(150'000'000));
    EXPECT_EQ(quote.penalty, Tiyn(2'080'479));
    EXPECT_EQ(quote.total, Tiyn(152'080'479));
    EXPECT_EQ(quote.accrualDays, 30);
    EXPECT_EQ(quote.vatRateBp, 1200);
    EXPECT_EQ(quote.lockEnd, day("2027-03-01"));
    EXPECT_EQ(quote.unlockDate, day("2027-03-02"));
}

// Start 2022-02-20, payment 2022-03-05:
//   2022-02-21 .. 2022-02-23:  3 days at 10.25% ->  3 × 10.25 =  30.75 percent-days
//   2022-02-24 .. 2022-03-05: 10 days at 13.50% -> 10 × 13.50 = 135.00 percent-days
//   150 000 000 × 1.25 × 165.75 / 100 / 365 = 310 781 250 / 365 = 851 455.479... -> 851 455
TEST_F(ExitDeskTest, QuoteAcrossABaseRateChange)
{
    addUnit({.serial = "Q2", .exemptionStart = "2022-02-20", .customsTiyn = 1'250'000'000});
    const auto quote = quoteOf("Q2", "2022-03-05");
    EXPECT_EQ(quote.accrualDays, 13);
    EXPECT_EQ(quote.penalty, Tiyn(851'455));
    EXPECT_EQ(quote.total, Tiyn(150'851'455));
}

// Start 2021-12-31, payment 2022-05-10, four rate periods:
//   2022-01-01 .. 01-24: 24 days at  9.75% ->  234.00
//   2022-01-25 .. 02-23: 30 days at 10.25% ->  307.50
//   2022-02-24 .. 04-25: 61 days at 13.50% ->  823.50
//   2022-04-26 .. 05-10: 15 days at 14.00% ->  210.00   (sum 1 575 percent-days, 130 days)
//   150 000 000 × 1.25 × 1575 / 100 / 365 = 2 953 125 000 / 365 = 8 090 753.42... -> 8 090 753
TEST_F(ExitDeskTest, QuoteAcrossSeveralBaseRateChanges)
{
    addUnit({.serial = "Q3", .exemptionStart = "2021-12-31", .customsTiyn = 1'250'000'000});
    const auto quote = quoteOf("Q3", "2022-05-10");
    EXPECT_EQ(quote.accrualDays, 130);
    EXPECT_EQ(quote.penalty, Tiyn(8'090'753));
    EXPECT_EQ(quote.total, Tiyn(158'090'753));
}

// Customs value 2 500 tiyn at 12%: principal 300 tiyn. 73 days (2022-04-26 .. 2022-07-07) at
// 14.00%: 300 × 1.25 × 0.14 × 73 / 365 = 300 × 0.035 = 10.5 exactly -> 11 (half away from zero;
// banker's rounding or truncation would give 10).
TEST_F(ExitDeskTest, PenaltyRoundsHalfAwayFromZero)
{
    addUnit({.serial = "HALF", .exemptionStart = "2022-04-25", .customsTiyn = 2'500});
    const auto quote = quoteOf("HALF", "2022-07-07");
    EXPECT_EQ(quote.principal, Tiyn(300));
    EXPECT_EQ(quote.accrualDays, 73);
    EXPECT_EQ(quote.penalty, Tiyn(11));
    EXPECT_EQ(quote.total, Tiyn(311));
}

// The shipped table starts on 2018-10-16: an exemption from 2018-10-01 accrues from 2018-10-02,
// which no row covers.
TEST_F(ExitDeskTest, BaseRateGapIsNamedNeverGuessed)
{
    addUnit({.serial = "GAP1", .exemptionStart = "2018-10-01"});
    try {
        quoteOf("GAP1", "2018-10-20");
        FAIL() << "a quote over a base-rate gap was answered";
    } catch (const MissingReferenceData& missing) {
        EXPECT_THAT(missing.what(), HasSubstr("no rate for 2018-10-02 to 2018-10-15"));
    }
    EXPECT_THROW(ExitDesk(*ledger).quote({"GAP1"}, day("2019-01-01")), MissingReferenceData);

    // A sale refused by the lock still says why the cost cannot be given.
    try {
        UnitActions(*ledger).sell(finance, {"GAP1"}, "Altyn Mining LLP", day("2019-01-01"));
        FAIL() << "a sale inside the lock was accepted";
    } catch (const UnitActionRefused& refused) {
        ASSERT_EQ(refused.refusals().size(), 1u);
        EXPECT_THAT(refused.refusals()[0].reason,
                    HasSubstr("cannot be quoted: the base-rate table has no rate for 2018-10-02"));
    }
}

TEST_F(ExitDeskTest, QuoteRefusesUnitsWithNothingToExit)
{
    addUnits({{.serial = "PAID1", .exemptionStart = std::nullopt},
              {.serial = "LOCK1", .exemptionStart = "2021-03-15"}});
    EXPECT_THROW(quoteOf("PAID1", "2026-01-01"), Refusal);
    try {
        quoteOf("LOCK1", "2026-03-16");
        FAIL() << "a quote on the unlock date was answered";
    } catch (const Refusal& refusal) {
        EXPECT_THAT(refusal.what(), HasSubstr("unlocks on 2026-03-16: no exit payment is due"));
    }
    EXPECT_THROW(quoteOf("LOCK1", "2021-03-14"), Refusal);
    // The lock end day itself is still quoted.
    EXPECT_NO_THROW(quoteOf("LOCK1", "2026-03-15"));

    try {
        ExitDesk(*ledger).quote({"LOCK1", "PAID1", "NOSUCH"}, day("2026-01-01"));
        FAIL() << "a batch quote with bad units was answered";
    } catch (const UnitActionRefused& refused) {
        ASSERT_EQ(refused.refusals().size(), 2u);
        EXPECT_EQ(refused.refusals()[0].serial, "PAID1");
        EXPECT_THAT(refused.refusals()[0].reason, HasSubstr("no exemption to exit"));
        EXPECT_EQ(refused.refusals()[1].serial, "NOSUCH");
    }
}

// SMALL: principal 300 tiyn, 2022-02-21 .. 2022-03-31: 3 days at 10.25% + 36 days at 13.50% =
// 516.75 percent-days: 300 × 1.25 × 516.75 / 100 / 365 = 1 937.8125 / 365 = 5.309... -> 5.
TEST_F(ExitDeskTest, BatchQuoteSumsTheUnits)
{
    addUnits({{.serial = "Q1", .exemptionStart = "2022-03-01", .customsTiyn = 1'250'000'000},
              {.serial = "SMALL", .exemptionStart = "2022-02-20", .customsTiyn = 2'500}});
    const auto batch = ExitDesk(*ledger).quote({"q1", "small", "Q1"}, day("2022-03-31"));
    ASSERT_EQ(batch.units.size(), 2u);
    EXPECT_EQ(batch.units[0].penalty, Tiyn(2'080'479));
    EXPECT_EQ(batch.units[1].penalty, Tiyn(5));
    EXPECT_EQ(batch.principal, Tiyn(150'000'300));
    EXPECT_EQ(batch.penalty, Tiyn(2'080'484));
    EXPECT_EQ(batch.total, Tiyn(152'080'784));
}

// Start 2022-03-15: locked today (lock end 2027-03-15).
TEST_F(ExitDeskTest, RecordedExitAwaitsAManagerAndApprovalReleasesFromThePaymentDate)
{
    addUnit({.serial = "EXIT1", .exemptionStart = "2022-03-15"});
    ExitDesk desk(*ledger);
    const auto expected = quoteOf("EXIT1", "2026-11-20");
    const auto recorded =
        desk.record(finance, {"exit1"}, day("2026-11-20"), " KZ-PAY-0042 ", "board decision 12");
    EXPECT_EQ(recorded.total, expected.total);

    auto record = unit("EXIT1");
    EXPECT_EQ(record.lockStateOn(ledger->today()), LockState::ExitPending);
    ASSERT_EQ(desk.pending().size(), 1u);
    EXPECT_EQ(desk.pending()[0].serial, "EXIT1");
    EXPECT_EQ(desk.pending()[0].paymentRef, "KZ-PAY-0042");
    EXPECT_EQ(desk.pending()[0].recordedBy, "finance");
    EXPECT_EQ(desk.pending()[0].total, expected.total);

    UnitActions actions(*ledger);
    try {
        actions.sell(finance, {"EXIT1"}, "Altyn Mining LLP", ledger->today());
        FAIL() << "a unit with an unapproved exit was sold";
    } catch (const UnitActionRefused& refused) {
        EXPECT_THAT(refused.refusals()[0].reason, HasSubstr("awaits a manager's approval"));
    }
    // Recording it twice is refused.
    EXPECT_THROW(desk.record(finance, {"EXIT1"}, day("2026-11-21"), "KZ-PAY-0043"),
                 UnitActionRefused);

    desk.approve(manager, {"EXIT1"}, "checked against the bank statement");
    EXPECT_TRUE(desk.pending().empty());
    record = unit("EXIT1");
    EXPECT_EQ(record.releasedOn, day("2026-11-20"));
    EXPECT_EQ(record.lockStateOn(day("2026-11-20")), LockState::Released);
    EXPECT_EQ(record.lockStateOn(day("2026-11-19")), LockState::Locked);

    SQLite::Statement payment(ledger->db(),
                              "SELECT principal_tiyn, penalty_tiyn, total_tiyn, recorded_by, "
                              "approved_by, approval_note FROM exit_payment");
    ASSERT_TRUE(payment.executeStep());
    EXPECT_EQ(payment.getColumn(0).getInt64(), expected.principal.minor());
    EXPECT_EQ(payment.getColumn(1).getInt64(), expected.penalty.minor());
    EXPECT_EQ(payment.getColumn(2).getInt64(), expected.total.minor());
    EXPECT_EQ(payment.getColumn(3).getString(), "finance");
    EXPECT_EQ(payment.getColumn(4).getString(), "manager");
    EXPECT_EQ(payment.getColumn(5).getString(), "checked against the bank statement");

    const auto history = UnitRegister(*ledger).history(record.id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[1].kind, "exit_recorded");
    EXPECT_EQ(history[1].date, day("2026-11-20"));
    EXPECT_EQ(history[2].kind, "exit_approved");
    EXPECT_EQ(history[2].date, ledger->today());
    EXPECT_EQ(history[2].recordedBy, "manager");

    // Released: a sale is allowed now, and nothing more can be quoted or approved.
    EXPECT_EQ(actions.sell(finance, {"EXIT1"}, "Altyn Mining LLP", ledger->today()), 1u);
    EXPECT_THROW(quoteOf("EXIT1", "2026-11-23"), Refusal);
    EXPECT_THROW(desk.approve(manager2, {"EXIT1"}), UnitActionRefused);
}

TEST_F(ExitDeskTest, TheTwoPeopleOfAnExitMustDiffer)
{
    addUnit({.serial = "EXIT2", .exemptionStart = "2022-03-15"});
    ExitDesk desk(*ledger);
    desk.record(finance, {"EXIT2"}, day("2026-11-20"), "KZ-PAY-0050");

    // The user who recorded it, later given the manager role, still may not approve it.
    const Actor sameFinance{finance.userId, "FINANCE", Role::Manager};
    const auto before = journalEntries();
    try {
        desk.approve(sameFinance, {"EXIT2"});
        FAIL() << "the recorder approved their own exit";
    } catch (const UnitActionRefused& refused) {
        ASSERT_EQ(refused.refusals().size(), 1u);
        EXPECT_THAT(refused.refusals()[0].reason,
                    HasSubstr("was recorded by finance: a different person must approve it"));
    }
    EXPECT_THROW(desk.approve(finance2, {"EXIT2"}), PermissionDenied);
    EXPECT_EQ(journalEntries(), before);
    EXPECT_EQ(unit("EXIT2").lockStateOn(ledger->today()), LockState::ExitPending);

    desk.approve(manager2, {"EXIT2"});
    EXPECT_EQ(unit("EXIT2").lockStateOn(ledger->today()), LockState::Released);
}

TEST_F(ExitDeskTest, RecordingIsFinanceWorkAndChecksItsInput)
{
    addUnits({{.serial = "EXIT3", .exemptionStart = "2022-03-15"},
              {.serial = "OPEN3", .exemptionStart = "2021-03-15"}});
    ExitDesk desk(*ledger);
    const auto before = journalEntries();
    EXPECT_THROW(desk.record(manager, {"EXIT3"}, day("2026-11-20"), "REF"), PermissionDenied);
    EXPECT_THROW(desk.record(finance, {"EXIT3"}, day("2026-11-20"), "   "), InvalidInput);
    EXPECT_THROW(desk.record(finance, {"EXIT3"}, day("2026-11-24"), "REF"), Refusal);
    EXPECT_THROW(desk.approve(manager, {"EXIT3"}), UnitActionRefused); // nothing pending
    try {
        desk.record(finance, {"EXIT3", "OPEN3"}, day("2026-11-20"), "REF");
        FAIL() << "an exit of an unlocked unit was recorded";
    } catch (const UnitActionRefused& refused) {
        ASSERT_EQ(refused.refusals().size(), 1u);
        EXPECT_EQ(refused.refusals()[0].serial, "OPEN3");
        EXPECT_THAT(refused.refusals()[0].reason, HasSubstr("unlocks on 2026-03-16"));
    }
    EXPECT_EQ(journalEntries(), before);
    EXPECT_TRUE(desk.pending().empty());
}

} // namespace
} // namespace asicledger::testing
