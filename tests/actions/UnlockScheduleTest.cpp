#include "UnlockSchedule.hpp"

#include "ActionsFixture.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "UnitActions.hpp"

#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>

namespace asicledger::testing {
namespace {

using ::testing::HasSubstr;

class UnlockScheduleTest : public ActionsFixture
{
protected:
    void SetUp() override
    {
        ActionsFixture::SetUp();
        // Customs values in tiyn; VAT exempted at 12%.
        addUnits({
            // unlock 2025-06-11, Ekibastuz-1, Kazakh Hash: 5 000 000 / 600 000
            {.serial = "H", .exemptionStart = "2020-06-10", .customsTiyn = 5'000'000},
            // unlock 2025-06-02, exported on 2025-07-01: not counted
            {.serial = "G", .exemptionStart = "2020-06-01", .customsTiyn = 7'000'000},
            // unlock 2026-12-06, Ekibastuz-1, Kazakh Hash: 1 000 000 / 120 000
            {.serial = "A", .exemptionStart = "2021-12-05", .customsTiyn = 1'000'000},
            // unlock 2026-12-21, Karagandy-2, Altyn Mining: 2 000 000 / 240 000
            {.serial = "B",
             .exemptionStart = "2021-12-20",
             .customsTiyn = 2'000'000,
             .legalOwner = "Altyn Mining LLP",
             .site = "Karagandy-2"},
            // unlock 2026-12-11, released by an early exit: not counted
            {.serial = "F", .exemptionStart = "2021-12-10", .customsTiyn = 9'000'000},
            // unlock 2027-01-11, Ekibastuz-1, Kazakh Hash: 3 000 000 / 360 000
            {.serial = "C", .exemptionStart = "2022-01-10", .customsTiyn = 3'000'000},
            // lock end 2027-01-31, unlock 2027-02-01: just outside a window ending 2027-01-31
            {.serial = "D", .exemptionStart = "2022-01-31", .customsTiyn = 4'000'000},
            // imported with VAT paid: never in the schedule
            {.serial = "E", .exemptionStart = std::nullopt, .customsTiyn = 8'000'000},
        });
        UnitActions(*ledger).exportUnits(finance, {"G"}, day("2025-07-01"));
        ExitDesk desk(*ledger);
        desk.record(finance, {"F"}, day("2026-11-20"), "KZ-PAY-1");
        desk.approve(manager, {"F"});
    }

    std::vector<UnlockScheduleRow> rows(UnlockGrouping grouping,
                                        const std::string& to = "2027-01-31")
    {
        return UnlockSchedule(*ledger).rows(day("2025-06-01"), day(to), grouping);
    }
};

void expectRow(const UnlockScheduleRow& row, const std::string& month, const std::string& group,
               std::int64_t units, std::int64_t customs, std::int64_t vat)
{
    SCOPED_TRACE(month + " " + group);
    EXPECT_EQ(row.month, month);
    EXPECT_EQ(row.group, group);
    EXPECT_EQ(row.units, units);
    EXPECT_EQ(row.customsValue, Tiyn(customs));
    EXPECT_EQ(row.vatExempted, Tiyn(vat));
}

TEST_F(UnlockScheduleTest, CountsAndSumsPerMonth)
{
    const auto schedule = rows(UnlockGrouping::Month);
    ASSERT_EQ(schedule.size(), 3u);
    expectRow(schedule[0], "2025-06", "", 1, 5'000'000, 600'000);
    expectRow(schedule[1], "2026-12", "", 2, 3'000'000, 360'000); // A + B
    expectRow(schedule[2], "2027-01", "", 1, 3'000'000, 360'000);

    // One day more takes in D, whose lock ends on the last day of January.
    const auto wider = rows(UnlockGrouping::Month, "2027-02-01");
    ASSERT_EQ(wider.size(), 4u);
    expectRow(wider[3], "2027-02", "", 1, 4'000'000, 480'000);
}

TEST_F(UnlockScheduleTest, CountsAndSumsPerMonthAndSite)
{
    const auto schedule = rows(UnlockGrouping::MonthAndSite);
    ASSERT_EQ(schedule.size(), 4u);
    expectRow(schedule[0], "2025-06", "Ekibastuz-1", 1, 5'000'000, 600'000);
    expectRow(schedule[1], "2026-12", "Ekibastuz-1", 1, 1'000'000, 120'000);
    expectRow(schedule[2], "2026-12", "Karagandy-2", 1, 2'000'000, 240'000);
    expectRow(schedule[3], "2027-01", "Ekibastuz-1", 1, 3'000'000, 360'000);
}

TEST_F(UnlockScheduleTest, CountsAndSumsPerMonthAndLegalOwner)
{
    const auto schedule = rows(UnlockGrouping::MonthAndOwner);
    ASSERT_EQ(schedule.size(), 4u);
    expectRow(schedule[1], "2026-12", "Altyn Mining LLP", 1, 2'000'000, 240'000);
    expectRow(schedule[2], "2026-12", "Kazakh Hash LLP", 1, 1'000'000, 120'000);
}

// The schedule reads a tally kept by the schema's triggers: it follows every later change of the
// unit's site, owner and status, not only the import.
TEST_F(UnlockScheduleTest, FollowsAMoveAndASaleAfterTheUnlock)
{
    UnitActions actions(*ledger);
    actions.move(finance, {"H"}, "Karagandy-2", day("2025-07-01"));
    auto bySite = rows(UnlockGrouping::MonthAndSite);
    ASSERT_EQ(bySite.size(), 4u);
    expectRow(bySite[0], "2025-06", "Karagandy-2", 1, 5'000'000, 600'000);

    actions.sell(finance, {"H"}, "Altyn Mining LLP", day("2025-08-01"));
    const auto byOwner = rows(UnlockGrouping::MonthAndOwner);
    expectRow(byOwner[0], "2025-06", "Altyn Mining LLP", 1, 5'000'000, 600'000);

    actions.exportUnits(finance, {"H"}, day("2025-09-01"));
    const auto byMonth = rows(UnlockGrouping::Month);
    ASSERT_EQ(byMonth.size(), 2u);
    expectRow(byMonth[0], "2026-12", "", 2, 3'000'000, 360'000);
}

TEST_F(UnlockScheduleTest, ReversedWindowIsRefused)
{
    EXPECT_THROW(
        UnlockSchedule(*ledger).rows(day("2027-01-01"), day("2026-01-01"), UnlockGrouping::Month),
        InvalidInput);
}

} // namespace
} // namespace asicledger::testing
