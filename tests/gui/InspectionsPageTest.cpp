#include "InspectionsPage.hpp"

#include "GuiFixture.hpp"
#include "InspectionDialog.hpp"
#include "InspectionReport.hpp"
#include "RefusalPanel.hpp"
#include "ReportExport.hpp"
#include "TextTableModel.hpp"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QFile>
#include <filesystem>

namespace asicledger::testing {
namespace {

class InspectionsPageTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        importRows(unitRow("EK-1", "2022-03-15") + unitRow("EK-2", "2022-03-15") +
                   unitRow("EK-3", "2022-03-15") +
                   unitRow("KA-1", "2022-03-15", "Altyn Mining LLP", "Karagandy-2", "", true, 2));
        signInAs("auditor");
        page = std::make_unique<gui::InspectionsPage>(*session);
        page->reload();
    }
    void TearDown() override
    {
        page.reset();
        GuiFixture::TearDown();
    }

    std::unique_ptr<gui::InspectionsPage> page;
};

TEST_F(InspectionsPageTest, RecordsAnInspectionAndShowsItsDiscrepancies)
{
    gui::InspectionDialog dialog(*session);
    dialog.setHeader("Ekibastuz-1", QDate(2026, 11, 20), "State Revenue Committee",
                     "A. Nurlanov; B. Sadykova", "SRC-2026-0042");
    // EK-3 not seen (missing); KA-1 placed at Karagandy-2 (unexpected); ZZ-9 unknown.
    dialog.setSeen("EK-1,present\nEK-2,damaged\nKA-1,present\nZZ-9,present\n");
    ASSERT_TRUE(dialog.record()) << dialog.refusal()->text().toStdString()
                                 << dialog.badLines()->text(0, 1).toStdString();

    page->selectInspection(dialog.recordedId());
    QAbstractItemModelTester listTester(page->inspections(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester lineTester(page->discrepancies(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(page->inspections()->rowCount(), 1);
    EXPECT_EQ(page->inspections()->text(0, 3), "SRC-2026-0042");
    EXPECT_TRUE(page->summaryText().contains("missing: 1")) << page->summaryText().toStdString();
    EXPECT_TRUE(page->summaryText().contains("unexpected: 2"));
    QStringList outcomes;
    for (int row = 0; row < page->discrepancies()->rowCount(); ++row)
        outcomes.append(page->discrepancies()->text(row, 0) + " " +
                        page->discrepancies()->text(row, 1));
    EXPECT_TRUE(outcomes.contains("EK-3 missing")) << outcomes.join("; ").toStdString();
    EXPECT_TRUE(outcomes.contains("ZZ-9 unexpected: unknown serial"));
    EXPECT_TRUE(outcomes.contains("KA-1 unexpected: placed elsewhere"));
}

TEST_F(InspectionsPageTest, BadLinesRefuseTheWholeInspectionWithTheirNumbers)
{
    gui::InspectionDialog dialog(*session);
    dialog.setHeader("Ekibastuz-1", QDate(2026, 11, 20), "State Revenue Committee", "A. Nurlanov",
                     "SRC-2026-0043");
    dialog.setSeen("EK-1\nEK-2,smashed\nEK-1\n");
    EXPECT_FALSE(dialog.record());
    QAbstractItemModelTester tester(dialog.badLines(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(dialog.badLines()->rowCount(), 2);
    EXPECT_EQ(dialog.badLines()->text(0, 0), "2");
    EXPECT_EQ(dialog.badLines()->text(1, 0), "3");
    page->reload();
    EXPECT_EQ(page->inspections()->rowCount(), 0);
}

TEST_F(InspectionsPageTest, TheReportIsWrittenOnAWorkerAsCsvHtmlAndPdf)
{
    gui::InspectionDialog dialog(*session);
    dialog.setHeader("Ekibastuz-1", QDate(2026, 11, 20), "State Revenue Committee", "A. Nurlanov",
                     "SRC-2026-0044");
    dialog.setSeen("EK-1\nEK-2\n");
    ASSERT_TRUE(dialog.record()) << dialog.refusal()->text().toStdString();
    const auto id = dialog.recordedId();
    for (const auto* suffix : {".csv", ".html", ".pdf"}) {
        TemporaryFile target(suffix);
        gui::ReportExport exporter(*session, "Inspection report",
                                   [id](Ledger& ledger, const std::string& by) {
                                       return InspectionReport::build(ledger, id, by);
                                   });
        exporter.start(
            QString::fromStdString(target.path().string()),
            *gui::ReportExport::formatOf(QString::fromStdString(target.path().string())));
        ASSERT_TRUE(waitUntil([&] { return !exporter.isRunning(); }));
        EXPECT_TRUE(exporter.succeeded()) << exporter.resultText().toStdString();
        QFile written(QString::fromStdString(target.path().string()));
        ASSERT_TRUE(written.open(QIODevice::ReadOnly));
        const auto bytes = written.readAll();
        if (std::string(suffix) == ".pdf") {
            EXPECT_TRUE(bytes.startsWith("%PDF"));
            continue;
        }
        const auto text = QString::fromUtf8(bytes);
        EXPECT_TRUE(text.contains("SRC-2026-0044"));
        EXPECT_TRUE(text.contains("EK-3")); // the missing unit is in the report
    }
}

} // namespace
} // namespace asicledger::testing
