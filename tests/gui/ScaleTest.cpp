// The unit list and the dashboard on a large ledger, run when ASICLEDGER_GUI_SCALE_LEDGER names
// one (e.g. `asicledger --db big.ledger demo --units 1000000`, password of user dana
// "dana-demo-pass"). Prints the timings; the first page must never wait for the count.

#include "DashboardPage.hpp"
#include "LedgerSession.hpp"
#include "UnitDetailsPane.hpp"
#include "UnitTableModel.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <iostream>

namespace asicledger::testing {
namespace {

bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

TEST(GuiScaleTest, TheUnitListAndDashboardStaySmoothOnALargeLedger)
{
    const auto file = qEnvironmentVariable("ASICLEDGER_GUI_SCALE_LEDGER");
    if (file.isEmpty())
        GTEST_SKIP() << "set ASICLEDGER_GUI_SCALE_LEDGER to a large demo ledger";
    gui::LedgerSession session(std::make_shared<FixedClock>(Date(2026, 11, 23)));
    session.open(file);
    session.signIn("dana", qEnvironmentVariable("ASICLEDGER_GUI_SCALE_PASSWORD", "dana-demo-pass"));
    QElapsedTimer timer;
    const auto lap = [&](const char* what) {
        std::cout << what << ": " << timer.restart() << " ms\n";
    };

    timer.start();
    gui::UnitTableModel model(session.ledger(), session.connectionFactory());
    model.fetchMore({});
    const auto firstPage = timer.elapsed();
    lap("first page");
    EXPECT_EQ(model.rowCount(), gui::UnitTableModel::kPageSize);
    EXPECT_FALSE(model.totalCount().has_value() && firstPage > 50)
        << "the first page waited for the count";
    EXPECT_LT(firstPage, 1000);
    ASSERT_TRUE(waitUntil([&] { return model.totalCount().has_value(); }, 120000));
    lap("background count");
    std::cout << "units: " << *model.totalCount() << "\n";

    for (int page = 0; page < 100; ++page)
        model.fetchMore({});
    lap("100 more pages by serial");
    EXPECT_LE(model.cachedPages(), 16);
    EXPECT_FALSE(model.serialAt(5).isEmpty()); // evicted long ago: read again by its key
    lap("an evicted page read again");

    model.setOrder(UnitOrder::ByUnlockDate);
    model.fetchMore({});
    lap("first page by unlock date");
    for (int page = 0; page < 100; ++page)
        model.fetchMore({});
    lap("100 more pages by unlock date");

    UnitFilter filter;
    filter.unlocksAfter = Date(2026, 11, 23);
    filter.unlocksBefore = Date(2026, 12, 24);
    model.setFilter(filter);
    model.fetchMore({});
    lap("first page, next 30 days");

    gui::UnitDetailsPane details(session);
    details.showUnit(model.serialAt(0));
    lap("one unit's details and history");

    gui::DashboardPage dashboard(session);
    QSignalSpy refreshed(&dashboard, &gui::DashboardPage::refreshed);
    timer.restart();
    dashboard.refresh();
    const auto started = timer.elapsed();
    EXPECT_LT(started, 100) << "the dashboard blocked the window";
    ASSERT_TRUE(waitUntil([&] { return refreshed.count() > 0; }, 300000));
    lap("dashboard (worker)");
}

} // namespace
} // namespace asicledger::testing
