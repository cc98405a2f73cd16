#include "ExitApprovalDialog.hpp"
#include "ExitDialog.hpp"
#include "GuiFixture.hpp"
#include "RefusalPanel.hpp"
#include "TextTableModel.hpp"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QPushButton>

namespace asicledger::testing {
namespace {

class ExitTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        importRows(unitRow("LOCK-1", "2022-03-15") + unitRow("LOCK-2", "2022-03-15"));
    }
};

TEST_F(ExitTest, FinanceRecordsAnExitAndADifferentManagerApprovesIt)
{
    {
        gui::ExitDialog dialog(*session, {"LOCK-1"});
        QAbstractItemModelTester tester(dialog.quotes(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        // The quote is shown on opening, for today.
        ASSERT_EQ(dialog.quotes()->rowCount(), 1);
        EXPECT_EQ(dialog.quotes()->text(0, 0), "LOCK-1");
        EXPECT_EQ(dialog.quotes()->text(0, 2), "2027-03-16");
        EXPECT_TRUE(dialog.totalText().contains("2026-11-23"));
        dialog.setPaymentReference("PP-2026-118");
        dialog.setReason("unit sold abroad");
        EXPECT_TRUE(dialog.record()) << dialog.refusal()->text().toStdString();
    }
    EXPECT_EQ(unit("LOCK-1")->lockStateOn(clock.today()), LockState::ExitPending);

    {
        // Finance may not approve: the button is off.
        gui::ExitApprovalDialog dialog(*session);
        EXPECT_FALSE(dialog.findChild<QPushButton*>("approveExits")->isEnabled());
    }

    signInAs("manager");
    gui::ExitApprovalDialog dialog(*session);
    QAbstractItemModelTester tester(dialog.pending(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(dialog.pending()->rowCount(), 1);
    EXPECT_EQ(dialog.pending()->text(0, 0), "LOCK-1");
    EXPECT_EQ(dialog.pending()->text(0, 4), "finance");
    EXPECT_FALSE(dialog.approveSelected()); // nothing selected
    dialog.selectSerials({"LOCK-1"});
    EXPECT_TRUE(dialog.approveSelected()) << dialog.refusal()->text().toStdString();
    EXPECT_EQ(dialog.pending()->rowCount(), 0);
    EXPECT_EQ(unit("LOCK-1")->lockStateOn(clock.today()), LockState::Released);
    EXPECT_EQ(unit("LOCK-2")->lockStateOn(clock.today()), LockState::Locked);
}

TEST_F(ExitTest, AQuoteForAnUnlockedDayIsRefusedInTheCoresWords)
{
    gui::ExitDialog dialog(*session, {"LOCK-1"});
    dialog.setPaymentDate(QDate(2027, 3, 16));
    EXPECT_FALSE(dialog.quote());
    EXPECT_TRUE(dialog.refusal()->text().contains("unlocks on 2027-03-16"))
        << dialog.refusal()->text().toStdString();
    EXPECT_EQ(dialog.quotes()->rowCount(), 0);
}

} // namespace
} // namespace asicledger::testing
