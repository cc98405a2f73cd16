#include "JournalPage.hpp"

#include "GuiFixture.hpp"
#include "JournalTableModel.hpp"
#include "TextTableModel.hpp"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <SQLiteCpp/Database.h>

namespace asicledger::testing {
namespace {

class JournalPageTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        importRows(unitRow("J-1", "2022-03-15") + unitRow("J-2", "2022-03-15"));
        page = std::make_unique<gui::JournalPage>(*session);
        page->resize(1366, 700);
        page->show();
    }
    void TearDown() override
    {
        page.reset();
        GuiFixture::TearDown();
    }
    void verifyAndWait()
    {
        QSignalSpy spy(page.get(), &gui::JournalPage::verified);
        page->verify();
        ASSERT_TRUE(waitUntil([&] { return spy.count() > 0; }));
    }

    std::unique_ptr<gui::JournalPage> page;
};

TEST_F(JournalPageTest, BrowsesEntriesFiltersThemAndShowsWhatOneWrote)
{
    auto* model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    while (model->canFetchMore({}))
        model->fetchMore({});
    // Setup (1), five users, four entities, two sites, the import.
    ASSERT_GE(model->rowCount(), 10);
    const auto last = model->rowCount() - 1;
    EXPECT_EQ(model->data(model->index(last, gui::JournalTableModel::ActionColumn)).toString(),
              "import");
    EXPECT_EQ(model->data(model->index(last, gui::JournalTableModel::UserColumn)).toString(),
              "finance");
    EXPECT_TRUE(page->headText().contains(QString::number(model->entryAt(last)->seq)));

    page->view()->setCurrentIndex(model->index(last, 0));
    EXPECT_TRUE(page->detailsText().contains("J-2")) << page->detailsText().toStdString();

    page->setFilterText("", "j-1");
    page->applyFilter();
    while (model->canFetchMore({}))
        model->fetchMore({});
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->data(model->index(0, gui::JournalTableModel::ActionColumn)).toString(),
              "import");
}

TEST_F(JournalPageTest, VerifySaysPassOnAnIntactLedgerAndFailAfterTampering)
{
    verifyAndWait();
    EXPECT_TRUE(page->verdictText().contains("PASS")) << page->verdictText().toStdString();
    EXPECT_EQ(page->failures()->rowCount(), 0);

    // Someone edits the file behind the application's back.
    {
        SQLite::Database raw(file.path().string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE unit SET customs_value_tiyn = 1 WHERE serial = 'J-2'");
    }
    verifyAndWait();
    EXPECT_TRUE(page->verdictText().contains("FAIL")) << page->verdictText().toStdString();
    QAbstractItemModelTester tester(page->failures(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GE(page->failures()->rowCount(), 1);
    EXPECT_TRUE(page->failures()->text(0, 0).contains("unit"))
        << page->failures()->text(0, 0).toStdString();
}

} // namespace
} // namespace asicledger::testing
