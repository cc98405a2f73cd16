#include "UnitsPage.hpp"

#include "GuiFixture.hpp"
#include "TextTableModel.hpp"
#include "UnitDetailsPane.hpp"
#include "UnitFilterBar.hpp"
#include "UnitTableModel.hpp"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QPushButton>
#include <QTableView>

namespace asicledger::testing {
namespace {

class UnitsPageTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        importRows(
            unitRow("EKI-001", "2022-03-15") + unitRow("EKI-002", "2022-03-15") +
            unitRow("EKI-003", "2021-12-01", "Kazakh Hash LLP", "Ekibastuz-1",
                    "Pacific Hash Pte Ltd", true, 2) +
            unitRow("KAR-001", "2021-06-01", "Altyn Mining LLP", "Karagandy-2", "", true, 3) +
            unitRow("KAR-002", "2022-03-15", "Altyn Mining LLP", "Karagandy-2", "", true, 4));
        page = std::make_unique<gui::UnitsPage>(*session);
        page->resize(1366, 700);
        page->show();
        tester = std::make_unique<QAbstractItemModelTester>(
            page->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void TearDown() override
    {
        tester.reset();
        page.reset();
        GuiFixture::TearDown();
    }
    QStringList shown()
    {
        auto* model = page->model();
        while (model->canFetchMore({}))
            model->fetchMore({});
        QStringList serials;
        for (int row = 0; row < model->rowCount(); ++row)
            serials.append(model->serialAt(row));
        return serials;
    }

    std::unique_ptr<gui::UnitsPage> page;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(UnitsPageTest, EachFilterNarrowsTheList)
{
    EXPECT_EQ(shown().size(), 5);
    auto* filters = page->filterBar();

    filters->setSerialPrefix("kar");
    EXPECT_EQ(shown(), QStringList({"KAR-001", "KAR-002"}));
    filters->clear();

    filters->setSite("Ekibastuz-1");
    EXPECT_EQ(shown(), QStringList({"EKI-001", "EKI-002", "EKI-003"}));
    filters->clear();

    // Owner means legal or beneficial owner.
    filters->setOwner("Pacific Hash Pte Ltd");
    EXPECT_EQ(shown(), QStringList({"EKI-003"}));
    filters->clear();

    // EKI-003 unlocks on 2026-12-02, nine days after the fixture's today.
    filters->setUnlockWindow(gui::UnitFilterBar::Next30Days);
    EXPECT_EQ(shown(), QStringList({"EKI-003"}));
    filters->setUnlockWindow(gui::UnitFilterBar::AlreadyUnlocked);
    EXPECT_EQ(shown(), QStringList({"KAR-001"}));
    filters->setCustomWindow(QDate(2027, 3, 16), QDate(2027, 3, 16));
    EXPECT_EQ(shown(), QStringList({"EKI-001", "EKI-002", "KAR-002"}));
    filters->clear();

    filters->setStatus("exported");
    EXPECT_TRUE(shown().isEmpty());
    ASSERT_TRUE(waitUntil([&] { return page->model()->totalCount().has_value(); }));
    EXPECT_EQ(page->statusText(), "No units match.");
    filters->clear();
    ASSERT_TRUE(waitUntil([&] { return page->model()->totalCount().has_value(); }));
    EXPECT_TRUE(page->statusText().startsWith("5 unit(s)")) << page->statusText().toStdString();
}

TEST_F(UnitsPageTest, SelectingAUnitShowsEveryFieldAndItsHistory)
{
    shown();
    page->view()->setCurrentIndex(page->model()->index(2, 0)); // EKI-003
    auto* details = page->details();
    ASSERT_TRUE(details->unit().has_value());
    EXPECT_EQ(details->unit()->serial, "EKI-003");
    EXPECT_EQ(details->fieldText("Legal owner"), "Kazakh Hash LLP");
    EXPECT_EQ(details->fieldText("Beneficial owner"), "Pacific Hash Pte Ltd");
    EXPECT_EQ(details->fieldText("Lock end"), "2026-12-01");
    EXPECT_EQ(details->fieldText("Unlock date"), "2026-12-02");
    EXPECT_EQ(details->fieldText("Days left"), "9");
    EXPECT_EQ(details->fieldText("Lock today"), "locked");
    QAbstractItemModelTester tester(details->historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GE(details->historyModel()->rowCount(), 1);
    EXPECT_EQ(details->historyModel()->text(0, 0), "2021-11-28");
}

TEST_F(UnitsPageTest, ActionsFollowTheRoleAndTheSelection)
{
    shown();
    auto* sell = page->findChild<QPushButton*>("sellUnits");
    ASSERT_NE(sell, nullptr);
    EXPECT_FALSE(sell->isEnabled()); // nothing selected
    page->selectSerials({"EKI-001", "KAR-002"});
    EXPECT_EQ(page->selectedSerials(), QStringList({"EKI-001", "KAR-002"}));
    EXPECT_TRUE(sell->isEnabled());

    tester.reset(); // signing in again gives the page a new model
    signInAs("manager");
    shown();
    page->selectSerials({"EKI-001"});
    EXPECT_FALSE(sell->isEnabled());
    EXPECT_TRUE(page->findChild<QPushButton*>("exitUnits")->isEnabled()); // quotes are free
}

} // namespace
} // namespace asicledger::testing
