#include "UnitTableModel.hpp"

#include "GuiFixture.hpp"
#include "TextTableModel.hpp"

#include <QAbstractItemModelTester>
#include <fmt/format.h>

namespace asicledger::testing {
namespace {

class UnitTableModelTest : public GuiFixture
{
protected:
    gui::UnitTableModel& model()
    {
        if (!m_model) {
            m_model = std::make_unique<gui::UnitTableModel>(session->ledger(),
                                                            session->connectionFactory());
            m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        }
        return *m_model;
    }
    void fetchAll()
    {
        while (model().canFetchMore({}))
            model().fetchMore({});
    }

    std::unique_ptr<gui::UnitTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(UnitTableModelTest, PagesByKeyCountsInTheBackgroundAndKeepsABoundedCache)
{
    std::string rows;
    for (int i = 0; i < 1000; ++i)
        rows += unitRow(fmt::format("S19-{:04}", 999 - i), "2022-03-15");
    importRows(rows);

    auto& units = model();
    units.setCacheLimit(2);
    // The first page does not wait for the count; the count arrives from the worker.
    ASSERT_TRUE(waitUntil([&] { return units.totalCount().has_value(); }));
    EXPECT_EQ(*units.totalCount(), 1000);
    if (units.rowCount() == 0)
        units.fetchMore({});
    // Whole pages only (the model tester may have asked for more than the first).
    EXPECT_GE(units.rowCount(), gui::UnitTableModel::kPageSize);
    EXPECT_EQ(units.rowCount() % gui::UnitTableModel::kPageSize, 0);
    fetchAll();
    EXPECT_EQ(units.rowCount(), 1000);
    EXPECT_FALSE(units.canFetchMore({}));
    EXPECT_LE(units.cachedPages(), 2);

    // Rows are in serial order, and an evicted page comes back by its key.
    EXPECT_EQ(units.serialAt(0), "S19-0000");
    EXPECT_EQ(units.serialAt(999), "S19-0999");
    EXPECT_EQ(units.serialAt(450), "S19-0450");
    EXPECT_EQ(units.data(units.index(450, gui::UnitTableModel::SerialColumn)).toString(),
              "S19-0450");
    EXPECT_LE(units.cachedPages(), 2);
}

TEST_F(UnitTableModelTest, ShowsTheLockAsTheCoreComputesIt)
{
    importRows(unitRow("LOCKED-1", "2022-03-15") +
               unitRow("FREE-1", "2021-06-01", "Kazakh Hash LLP", "Ekibastuz-1", "", true, 2) +
               unitRow("PAID-1", "2022-03-15", "Kazakh Hash LLP", "Ekibastuz-1", "", false, 3));
    auto& units = model();
    fetchAll();
    ASSERT_EQ(units.rowCount(), 3);
    const auto cell = [&](int row, int column) {
        return units.data(units.index(row, column)).toString();
    };
    // Serial order: FREE-1, LOCKED-1, PAID-1.
    EXPECT_EQ(cell(0, gui::UnitTableModel::LockStateColumn), "unlocked");
    EXPECT_EQ(cell(1, gui::UnitTableModel::LockStateColumn), "locked");
    EXPECT_EQ(cell(1, gui::UnitTableModel::UnlockDateColumn), "2027-03-16");
    EXPECT_EQ(cell(1, gui::UnitTableModel::DaysLeftColumn), "113");
    EXPECT_EQ(cell(2, gui::UnitTableModel::UnlockDateColumn), "");
    EXPECT_EQ(cell(1, gui::UnitTableModel::CustomsValueColumn).toStdString(),
              formatTenge(Tiyn(125000000)));
}

TEST_F(UnitTableModelTest, FiltersAreTheCoresAndAnUnknownNameIsReported)
{
    importRows(unitRow("A-1", "2022-03-15") + unitRow("A-2", "2022-03-15") +
               unitRow("B-1", "2022-03-15", "Altyn Mining LLP", "Karagandy-2", "", true, 2));
    auto& units = model();
    UnitFilter filter;
    filter.site = "Karagandy-2";
    units.setFilter(filter);
    fetchAll();
    EXPECT_EQ(units.rowCount(), 1);
    EXPECT_EQ(units.serialAt(0), "B-1");
    ASSERT_TRUE(waitUntil([&] { return units.totalCount().has_value(); }));
    EXPECT_EQ(*units.totalCount(), 1);

    filter = {};
    filter.serialPrefix = "a-";
    units.setFilter(filter);
    fetchAll();
    EXPECT_EQ(units.rowCount(), 2);

    filter = {};
    filter.site = "Nowhere-9";
    units.setFilter(filter);
    fetchAll();
    EXPECT_EQ(units.rowCount(), 0);
    EXPECT_TRUE(units.lastError().contains("Nowhere-9")) << units.lastError().toStdString();
}

TEST_F(UnitTableModelTest, OrdersByUnlockDatePagingByKeyWithTheNeverLockedFirst)
{
    // 450 units over three unlock dates (serials deliberately against that order), and 230
    // imported with VAT paid, which have no unlock date: more than a page of each.
    std::string rows;
    for (int i = 0; i < 450; ++i) {
        const char* declared = i % 3 == 0 ? "2022-05-01" : i % 3 == 1 ? "2022-03-15" : "2021-12-01";
        rows += unitRow(fmt::format("U-{:04}", i), declared, "Kazakh Hash LLP", "Ekibastuz-1", "",
                        true, 10 + i % 3);
    }
    for (int i = 0; i < 230; ++i)
        rows += unitRow(fmt::format("P-{:04}", i), "2022-03-15", "Kazakh Hash LLP", "Ekibastuz-1",
                        "", false, 20);
    importRows(rows);

    auto& units = model();
    units.setCacheLimit(2);
    units.sort(gui::UnitTableModel::UnlockDateColumn);
    EXPECT_EQ(units.order(), UnitOrder::ByUnlockDate);
    fetchAll();
    ASSERT_EQ(units.rowCount(), 680);
    QSet<QString> seen;
    QString previous;
    for (int row = 0; row < units.rowCount(); ++row) {
        const auto unlock =
            units.data(units.index(row, gui::UnitTableModel::UnlockDateColumn)).toString();
        EXPECT_TRUE(previous <= unlock) << row;
        previous = unlock;
        seen.insert(units.serialAt(row));
    }
    EXPECT_EQ(seen.size(), 680); // every unit once, none twice across page boundaries
    EXPECT_TRUE(units.serialAt(0).startsWith("P-"));
    EXPECT_TRUE(units.serialAt(229).startsWith("P-"));
    EXPECT_EQ(units.data(units.index(230, gui::UnitTableModel::UnlockDateColumn)).toString(),
              "2026-12-02");
    EXPECT_EQ(units.data(units.index(679, gui::UnitTableModel::UnlockDateColumn)).toString(),
              "2027-05-02");
    EXPECT_LE(units.cachedPages(), 2);

    // With the window filter too, and back to serial order.
    UnitFilter filter;
    filter.unlocksAfter = Date(2027, 1, 1);
    units.setFilter(filter);
    fetchAll();
    EXPECT_EQ(units.rowCount(), 300);
    units.sort(gui::UnitTableModel::ModelColumn); // not an order the core pages by: unchanged
    EXPECT_EQ(units.order(), UnitOrder::ByUnlockDate);
    units.sort(gui::UnitTableModel::SerialColumn);
    fetchAll();
    EXPECT_EQ(units.serialAt(0), "U-0000");
}

TEST(TextTableModelTest, PassesTheModelTester)
{
    gui::TextTableModel model({"Serial", "Reason"});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows({{"A", "one"}, {"B", "two"}}, {QVariant("a"), QVariant("b")});
    model.appendRow({"C", "three"}, "c");
    model.setNumericColumns({1});
    model.setRowToolTip(1, "tip");
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.key(2).toString(), "c");
    EXPECT_EQ(model.data(model.index(1, 0), Qt::ToolTipRole).toString(), "tip");
    model.setTable({"Only"}, {{"x"}});
    EXPECT_EQ(model.columnCount(), 1);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace asicledger::testing
