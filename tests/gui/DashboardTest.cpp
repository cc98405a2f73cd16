#include "DashboardPage.hpp"
#include "GuiFixture.hpp"
#include "TextTableModel.hpp"
#include "UnitActions.hpp"
#include "UnlockChart.hpp"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

namespace asicledger::testing {
namespace {

class DashboardTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        // Today is 2026-11-23. Locked: three until 2027-03-16, one until 2026-12-02 (9 days),
        // one until 2027-02-02 (71 days). Free: one unlocked 2026-06-02, one never exempt.
        // Exported: one.
        importRows(unitRow("L-1", "2022-03-15") + unitRow("L-2", "2022-03-15") +
                   unitRow("L-3", "2022-03-15", "Altyn Mining LLP", "Karagandy-2", "", true, 2) +
                   unitRow("SOON-1", "2021-12-01", "Kazakh Hash LLP", "Ekibastuz-1", "", true, 3) +
                   unitRow("FEB-1", "2022-02-01", "Kazakh Hash LLP", "Ekibastuz-1", "", true, 4) +
                   unitRow("FREE-1", "2021-06-01", "Kazakh Hash LLP", "Ekibastuz-1", "", true, 5) +
                   unitRow("PAID-1", "2022-03-15", "Kazakh Hash LLP", "Ekibastuz-1", "", false, 6) +
                   unitRow("GONE-1", "2021-06-01", "Kazakh Hash LLP", "Ekibastuz-1", "", true, 7));
        UnitActions(*ledger).exportUnits(finance, {"GONE-1"}, Date(2026, 7, 1));
        page = std::make_unique<gui::DashboardPage>(*session);
        page->resize(1366, 700);
        page->show();
    }
    void TearDown() override
    {
        page.reset();
        GuiFixture::TearDown();
    }
    void refreshAndWait()
    {
        QSignalSpy spy(page.get(), &gui::DashboardPage::refreshed);
        page->refresh();
        ASSERT_TRUE(waitUntil([&] { return spy.count() > 0 && !page->isRefreshing(); }));
    }

    std::unique_ptr<gui::DashboardPage> page;
};

TEST_F(DashboardTest, ShowsLockedAndFreeUnitsTheUnlockChartAndTheLiability)
{
    refreshAndWait();
    ASSERT_TRUE(page->figures().has_value());
    EXPECT_EQ(page->cardValue("In Kazakhstan"), "7");
    EXPECT_EQ(page->cardValue("Locked today"), "5");
    EXPECT_EQ(page->cardValue("Free to sell, move or export"), "2");
    EXPECT_EQ(page->cardValue("Unlock in the next 30 days"), "1");
    EXPECT_EQ(page->cardValue("Unlock in the next 90 days"), "2");

    const auto& months = page->chart()->months();
    ASSERT_EQ(months.size(), 24);
    EXPECT_EQ(months.front().month, "2026-11");
    EXPECT_EQ(months.back().month, "2028-10");
    const auto bar = [&](const QString& month) -> std::int64_t {
        for (const auto& each : months)
            if (each.month == month)
                return each.units;
        return -1;
    };
    EXPECT_EQ(bar("2026-12"), 1);
    EXPECT_EQ(bar("2027-02"), 1);
    EXPECT_EQ(bar("2027-03"), 3);
    EXPECT_EQ(bar("2027-04"), 0);
    EXPECT_TRUE(page->chart()->toolTipFor(4).contains("3 unit(s)"))
        << page->chart()->toolTipFor(4).toStdString();
    EXPECT_TRUE(page->chart()->toolTipFor(4).contains(
        QString::fromStdString(formatTenge(Tiyn(3 * 125000000)))));

    QAbstractItemModelTester entityTester(page->liabilityByEntity(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester siteTester(page->liabilityBySite(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester inspectionTester(
        page->inspections(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(page->liabilityByEntity()->rowCount(), 2);
    EXPECT_EQ(page->liabilityByEntity()->text(0, 0), "Altyn Mining LLP");
    EXPECT_EQ(page->liabilityByEntity()->text(0, 1), "1");
    EXPECT_EQ(page->liabilityByEntity()->text(1, 1), "4");
    ASSERT_EQ(page->inspections()->rowCount(), 2);
    EXPECT_EQ(page->inspections()->text(0, 3), "never");
}

TEST_F(DashboardTest, FollowsTheLedgerAfterAWrite)
{
    refreshAndWait();
    EXPECT_EQ(page->cardValue("In Kazakhstan"), "7");
    UnitActions(*ledger).exportUnits(finance, {"FREE-1"}, Date(2026, 11, 20));
    QSignalSpy spy(page.get(), &gui::DashboardPage::refreshed);
    session->notifyChanged();
    ASSERT_TRUE(waitUntil([&] { return spy.count() > 0 && !page->isRefreshing(); }));
    EXPECT_EQ(page->cardValue("In Kazakhstan"), "6");
}

} // namespace
} // namespace asicledger::testing
