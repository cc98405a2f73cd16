#include "ImportWizard.hpp"

#include "BackgroundWork.hpp"
#include "GuiFixture.hpp"
#include "ImportCheckPage.hpp"
#include "ImportCommitPage.hpp"
#include "ImportPreviewPage.hpp"
#include "TextTableModel.hpp"
#include "UnitRegister.hpp"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <filesystem>
#include <fmt/format.h>

namespace asicledger::testing {
namespace {

class ImportWizardTest : public GuiFixture
{
protected:
    void TearDown() override
    {
        for (const auto& path : m_files)
            std::filesystem::remove(path);
        GuiFixture::TearDown();
    }
    std::string writeCsv(const std::string& name, const std::string& contents)
    {
        m_files.push_back(writeFile(name, contents));
        return m_files.back();
    }
    std::vector<std::string> m_files;

    std::int64_t unitCount() { return UnitRegister(*ledger).count({}); }

    // Runs the wizard over a file up to the result of the check.
    void checkFile(gui::ImportWizard& wizard, const std::string& path)
    {
        wizard.show();
        wizard.setFileName(QString::fromStdString(path));
        wizard.next();
        ASSERT_EQ(wizard.currentId(), gui::ImportWizard::PreviewPageId);
        wizard.next();
        ASSERT_EQ(wizard.currentId(), gui::ImportWizard::CheckPageId);
        ASSERT_TRUE(waitUntil([&] { return !wizard.checkPage()->isRunning(); }));
    }
};

TEST_F(ImportWizardTest, AGoodFileIsPreviewedCheckedAndImportedWithItsSummary)
{
    const auto path =
        writeCsv("good.csv", importHeader() + unitRow("WZ-001", "2022-03-15") +
                                 unitRow("WZ-002", "2022-03-15") + unitRow("WZ-003", "2022-03-15"));
    gui::ImportWizard wizard(*session);
    wizard.show();
    wizard.setFileName(QString::fromStdString(path));
    wizard.next();
    auto* preview = wizard.previewPage();
    QAbstractItemModelTester columnTester(preview->columns(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester previewTester(preview->preview(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(preview->columns()->rowCount(), 17);
    EXPECT_EQ(preview->columns()->text(0, 0), "serial");
    EXPECT_EQ(preview->columns()->text(0, 1), "serial");
    EXPECT_EQ(preview->preview()->rowCount(), 3);
    EXPECT_EQ(preview->preview()->text(1, 0), "WZ-002");
    EXPECT_TRUE(preview->noticeText().contains("recognised"))
        << preview->noticeText().toStdString();

    wizard.next();
    ASSERT_TRUE(waitUntil([&] { return !wizard.checkPage()->isRunning(); }));
    ASSERT_TRUE(wizard.checkPage()->summary().has_value())
        << wizard.checkPage()->resultText().toStdString();
    EXPECT_EQ(wizard.checkPage()->summary()->units, 3u);
    EXPECT_TRUE(wizard.checkPage()->isComplete());
    EXPECT_EQ(unitCount(), 0); // checking writes nothing

    wizard.next();
    ASSERT_EQ(wizard.currentId(), gui::ImportWizard::CommitPageId);
    ASSERT_TRUE(waitUntil([&] { return wizard.commitPage()->isComplete(); }));
    ASSERT_TRUE(wizard.commitPage()->summary().has_value())
        << wizard.commitPage()->resultText().toStdString();
    EXPECT_GT(wizard.commitPage()->summary()->journalSeq, 0);
    EXPECT_TRUE(wizard.commitPage()->resultText().contains("3 units"))
        << wizard.commitPage()->resultText().toStdString();
    EXPECT_EQ(unitCount(), 3);
}

TEST_F(ImportWizardTest, ABadFileListsEveryProblemWithItsLineAndWritesNothing)
{
    const auto head = journalHead();
    auto bad = unitRow("BAD-002", "2022-03-15");
    bad.replace(bad.find("Ekibastuz-1"), 11, "Atlantis-9");
    const auto path = writeCsv("bad.csv", importHeader() + unitRow("BAD-001", "2022-03-15") + bad +
                                              unitRow("BAD-001", "2022-03-15"));
    gui::ImportWizard wizard(*session);
    checkFile(wizard, path);
    auto* problems = wizard.checkPage()->problems();
    QAbstractItemModelTester tester(problems,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(problems->rowCount(), 2);
    EXPECT_EQ(problems->text(0, 0), "3");
    EXPECT_EQ(problems->text(0, 1), "site");
    EXPECT_TRUE(problems->text(0, 2).contains("Atlantis-9"));
    EXPECT_EQ(problems->text(1, 0), "4");
    EXPECT_EQ(problems->text(1, 1), "serial");
    EXPECT_FALSE(wizard.checkPage()->isComplete()); // Import stays off
    EXPECT_EQ(unitCount(), 0);
    EXPECT_EQ(journalHead(), head);
}

TEST_F(ImportWizardTest, CancellingDuringTheWriteRollsEverythingBack)
{
    std::string rows;
    for (int i = 0; i < 400; ++i)
        rows += unitRow(fmt::format("CX-{:04}", i), "2022-03-15");
    const auto path = writeCsv("cancel.csv", importHeader() + rows);
    const auto head = journalHead();
    // Cancel once the write phase has begun: the first report after the rows were all checked.
    auto control = std::make_shared<gui::WorkControl>();
    auto outcome =
        gui::runInWorker<ImportSummary>(
            session->connectionFactory(), control,
            [&, actor = session->actor()](Ledger& connection, gui::WorkControl& work) {
                bool checked = false;
                return ShipmentImporter(connection)
                    .importFile(actor, path, false, [&](std::size_t done, std::size_t total) {
                        if (checked && done > 0)
                            work.cancel();
                        if (done == total && done == 400)
                            checked = true;
                        work.report(std::int64_t(done), std::int64_t(total));
                    });
            })
            .result();
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_FALSE(outcome.value.has_value());
    EXPECT_EQ(unitCount(), 0);
    EXPECT_EQ(journalHead(), head);
}

TEST_F(ImportWizardTest, TheWizardsCancelStopsTheWriteAndSaysNothingWasWritten)
{
    std::string rows;
    for (int i = 0; i < 3000; ++i)
        rows += unitRow(fmt::format("CW-{:04}", i), "2022-03-15");
    const auto path = writeCsv("cancel-wizard.csv", importHeader() + rows);
    gui::ImportWizard wizard(*session);
    checkFile(wizard, path);
    ASSERT_TRUE(wizard.checkPage()->isComplete());
    wizard.next();
    wizard.reject(); // Cancel while writing: the wizard stays open to tell what happened
    ASSERT_TRUE(waitUntil([&] { return wizard.commitPage()->isComplete(); }));
    EXPECT_TRUE(wizard.isVisible());
    if (wizard.commitPage()->wasCancelled()) {
        EXPECT_EQ(unitCount(), 0);
    } else {
        // The write had already finished: then it says so, and the units are there.
        ASSERT_TRUE(wizard.commitPage()->summary().has_value());
        EXPECT_EQ(unitCount(), 3000);
    }
}

} // namespace
} // namespace asicledger::testing
