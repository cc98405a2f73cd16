#include "ExitDialog.hpp"
#include "GuiFixture.hpp"
#include "RefusalPanel.hpp"
#include "TextTableModel.hpp"
#include "UnitActionDialog.hpp"

#include <QAbstractItemModelTester>
#include <QPushButton>

namespace asicledger::testing {
namespace {

class UnitActionTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        importRows(unitRow("LOCK-1", "2022-03-15") + unitRow("LOCK-2", "2022-03-15") +
                   unitRow("FREE-1", "2021-06-01", "Kazakh Hash LLP", "Ekibastuz-1", "", true, 2));
    }
};

TEST_F(UnitActionTest, ARefusedSaleShowsTheCoresReasonAndTheExitQuoteAndChangesNothing)
{
    const auto head = journalHead();
    gui::UnitActionDialog dialog(*session, gui::UnitActionDialog::Kind::Sell,
                                 {"LOCK-1", "LOCK-2", "FREE-1"});
    QAbstractItemModelTester refusedTester(dialog.refusal()->units(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester quoteTester(dialog.exitQuotes(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    dialog.setTarget("Altyn Mining LLP");
    dialog.setReason("contract 7/2026");
    EXPECT_FALSE(dialog.submit());

    // Every locked unit, in the core's words: the lock, the unlock date, the cost of leaving.
    auto* refused = dialog.refusal()->units();
    ASSERT_EQ(refused->rowCount(), 2);
    EXPECT_EQ(refused->text(0, 0), "LOCK-1");
    EXPECT_TRUE(refused->text(0, 1).contains("2027-03-15")) << refused->text(0, 1).toStdString();
    EXPECT_TRUE(dialog.refusal()->text().contains("nothing was changed"));
    ASSERT_EQ(dialog.exitQuotes()->rowCount(), 2);
    EXPECT_EQ(dialog.exitQuotes()->text(0, 1), "2027-03-16");
    EXPECT_FALSE(dialog.exitQuotes()->text(0, 4).isEmpty());
    EXPECT_FALSE(dialog.isHidden() && dialog.result() == QDialog::Accepted);

    // All or nothing: even the unlocked unit keeps its owner.
    EXPECT_EQ(unit("FREE-1")->legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(unit("LOCK-1")->legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(journalHead(), head);
}

TEST_F(UnitActionTest, AnUnlockedUnitIsSold)
{
    gui::UnitActionDialog dialog(*session, gui::UnitActionDialog::Kind::Sell, {"FREE-1"});
    dialog.setTarget("Altyn Mining LLP");
    EXPECT_TRUE(dialog.submit()) << dialog.refusal()->text().toStdString();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(unit("FREE-1")->legalOwner, "Altyn Mining LLP");
}

TEST_F(UnitActionTest, ARoleThatMayNotSellHasTheButtonOffAndTheCoreStillRefuses)
{
    signInAs("auditor");
    gui::UnitActionDialog dialog(*session, gui::UnitActionDialog::Kind::Move, {"FREE-1"});
    auto* run = dialog.findChild<QPushButton*>("runAction");
    ASSERT_NE(run, nullptr);
    EXPECT_FALSE(run->isEnabled());
    dialog.setTarget("Karagandy-2");
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(dialog.refusal()->text().contains("auditor"))
        << dialog.refusal()->text().toStdString();
    EXPECT_EQ(unit("FREE-1")->site, "Ekibastuz-1");
}

} // namespace
} // namespace asicledger::testing
