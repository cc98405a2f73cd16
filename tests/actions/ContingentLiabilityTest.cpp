#include "ContingentLiability.hpp"

#include "ActionsFixture.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "UnitActions.hpp"

#include <gmock/gmock.h>
#include <map>

namespace asicledger::testing {
namespace {

class ContingentLiabilityTest : public ActionsFixture
{
protected:
    void SetUp() override
    {
        ActionsFixture::SetUp();
        addUnits({
            {.serial = "L1", .exemptionStart = "2022-03-15", .customsTiyn = 1'250'000'000},
            {.serial = "L2",
             .exemptionStart = "2023-05-10",
             .customsTiyn = 800'000'000,
             .legalOwner = "Altyn Mining LLP",
             .site = "Karagandy-2"},
            {.serial = "L3",
             .exemptionStart = "2022-03-15",
             .customsTiyn = 333'333'333,
             .site = "Karagandy-2"},
            {.serial = "L4",
             .exemptionStart = "2026-02-01",
             .customsTiyn = 99'999,
             .vatRateBp = 1600},
            // pending exit: still locked, still counted
            {.serial = "P1", .exemptionStart = "2023-01-20", .customsTiyn = 45'678'901},
            // not counted today: unlocked, never exempt, released, exported
            {.serial = "U1", .exemptionStart = "2021-11-22"}, // unlocks today
            {.serial = "N1", .exemptionStart = std::nullopt},
            {.serial = "R1", .exemptionStart = "2022-06-01"},
            {.serial = "X1", .exemptionStart = "2021-01-05"},
        });
        ExitDesk desk(*ledger);
        desk.record(finance, {"P1"}, day("2026-11-20"), "KZ-PAY-P1");
        desk.record(finance, {"R1"}, day("2026-11-20"), "KZ-PAY-R1");
        desk.approve(manager, {"R1"});
        UnitActions(*ledger).exportUnits(finance, {"X1"}, day("2026-02-01"));
    }

    // The rows as group -> summed quotes of the given units on `date`.
    std::map<std::string, ExitQuoteBatch>
    expected(const std::vector<std::pair<std::string, std::string>>& unitsByGroup, Date date)
    {
        std::map<std::string, ExitQuoteBatch> groups;
        ExitDesk desk(*ledger);
        for (const auto& [group, serial] : unitsByGroup) {
            const auto quote = desk.quote(unit(serial), date);
            auto& batch = groups[group];
            batch.units.push_back(quote);
            batch.principal += quote.principal;
            batch.penalty += quote.penalty;
            batch.total += quote.total;
        }
        return groups;
    }

    void expectRows(const std::vector<LiabilityRow>& rows,
                    const std::map<std::string, ExitQuoteBatch>& groups)
    {
        ASSERT_EQ(rows.size(), groups.size());
        auto group = groups.begin();
        for (const auto& row : rows) {
            SCOPED_TRACE(row.group);
            EXPECT_EQ(row.group, group->first);
            EXPECT_EQ(row.units, static_cast<std::int64_t>(group->second.units.size()));
            EXPECT_EQ(row.principal, group->second.principal);
            EXPECT_EQ(row.penalty, group->second.penalty);
            EXPECT_EQ(row.total, group->second.total);
            ++group;
        }
    }
};

TEST_F(ContingentLiabilityTest, TotalsByEntityEqualTheSumOfQuotes)
{
    const auto today = ledger->today();
    const auto rows = ContingentLiability(*ledger).asOf(today, LiabilityGrouping::ByEntity);
    expectRows(rows, expected({{"Altyn Mining LLP", "L2"},
                               {"Kazakh Hash LLP", "L1"},
                               {"Kazakh Hash LLP", "L3"},
                               {"Kazakh Hash LLP", "L4"},
                               {"Kazakh Hash LLP", "P1"}},
                              today));
}

TEST_F(ContingentLiabilityTest, TotalsBySiteEqualTheSumOfQuotes)
{
    // On 2024-06-30 U1 (lock end 2026-03-15), R1 (released 2026-11-20) and X1 were locked too;
    // X1 has since left the country and is not counted; L4 had not started.
    const auto date = day("2024-06-30");
    const auto rows = ContingentLiability(*ledger).asOf(date, LiabilityGrouping::BySite);
    expectRows(rows, expected({{"Ekibastuz-1", "L1"},
                               {"Ekibastuz-1", "P1"},
                               {"Ekibastuz-1", "U1"},
                               {"Ekibastuz-1", "R1"},
                               {"Karagandy-2", "L2"},
                               {"Karagandy-2", "L3"}},
                              date));
}

TEST_F(ContingentLiabilityTest, BaseRateGapIsReported)
{
    addUnit({.serial = "OLD1", .exemptionStart = "2018-10-01"});
    EXPECT_THROW(ContingentLiability(*ledger).asOf(day("2019-01-01"), LiabilityGrouping::ByEntity),
                 MissingReferenceData);
}

using ContingentLiabilityHandTest = ActionsFixture;

TEST_F(ContingentLiabilityHandTest, PenaltiesAreRoundedPerUnit)
{
    addUnits({{.serial = "L1", .exemptionStart = "2022-03-15", .customsTiyn = 1'250'000'000},
              {.serial = "L3",
               .exemptionStart = "2022-03-15",
               .customsTiyn = 333'333'333,
               .site = "Karagandy-2"}});
    const auto rows =
        ContingentLiability(*ledger).asOf(day("2022-03-31"), LiabilityGrouping::BySite);
    ASSERT_EQ(rows.size(), 2u);
    // 2022-03-16 .. 2022-03-31: 16 days at 13.50%.
    // L1 at Ekibastuz-1: 150 000 000 × 1.25 × 0.135 × 16 / 365 = 405 000 000 / 365
    //   = 1 109 589.04... -> 1 109 589
    EXPECT_EQ(rows[0].group, "Ekibastuz-1");
    EXPECT_EQ(rows[0].penalty, Tiyn(1'109'589));
    // L3 at Karagandy-2: principal 333 333 333 × 12% = 39 999 999.96 -> 40 000 000;
    //   same factor: 40 000 000 × 1.25 × 0.135 × 16 / 365 = 108 000 000 / 365 = 295 890.41 -> 295
    //   890
    EXPECT_EQ(rows[1].group, "Karagandy-2");
    EXPECT_EQ(rows[1].principal, Tiyn(40'000'000));
    EXPECT_EQ(rows[1].penalty, Tiyn(295'890));
    EXPECT_EQ(rows[1].total, Tiyn(40'295'890));
}

} // namespace
} // namespace asicledger::testing
