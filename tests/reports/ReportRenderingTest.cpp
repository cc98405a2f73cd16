#include "CsvRenderer.hpp"
#include "EntityRegistry.hpp"
#include "InspectionDesk.hpp"
#include "InspectionReport.hpp"
#include "Journal.hpp"
#include "PdfRenderer.hpp"
#include "RegisterReport.hpp"
#include "ReportWriter.hpp"
#include "ReportsFixture.hpp"
#include "ScheduleReports.hpp"
#include "SiteRegistry.hpp"
#include "UnitActions.hpp"
#include "UnitHistoryReport.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <regex>

namespace asicledger::testing {
namespace {

constexpr auto kCyrillicOwner = "ТОО «Экибастуз Майнинг»";
constexpr int kUnits = 150;

std::string serialOf(int i)
{
    return fmt::format("KZ-S19-{:05}", i);
}

// The "Pages:" line of pdfinfo's answer.
int pagesOf(const std::string& info)
{
    std::smatch match;
    if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+)\n)")))
        return -1;
    return std::stoi(match[1]);
}

int occurrences(const std::string& text, const std::string& what)
{
    int count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++count;
    return count;
}

// A site of a Kazakh-named operator with 150 units, inspected on 2026-11-20: 140 seen (three of
// them damaged), 10 missing, and two serials the ledger does not know.
class ReportRendering : public ReportsFixture
{
protected:
    void SetUp() override
    {
        ReportsFixture::SetUp();
        EntityRegistry(*ledger).add(admin, {kCyrillicOwner, "domestic", "KZ", "200340012345"});
        SiteRegistry(*ledger).add(admin, "Ekibastuz-3", "Pavlodar", kCyrillicOwner);
        std::vector<ArrivingUnit> units;
        for (int i = 1; i <= kUnits; ++i)
            units.push_back(
                {serialOf(i), "Ekibastuz-3", kCyrillicOwner, i % 2 ? "2022-04-11" : "2023-09-02"});
        arrive(units);
        std::string seen = "serial,finding\n";
        for (int i = 1; i <= kUnits - 10; ++i)
            seen += serialOf(i) + (i % 50 == 0 ? ",damaged\n" : ",present\n");
        seen += "GHOST-001,present\nGHOST-002,tampered label\n";
        inspection = inspect("Ekibastuz-3", "2026-11-20", seen);
    }

    std::string output(const std::string& name)
    {
        m_outputs.push_back(std::make_unique<TemporaryFile>(name));
        return m_outputs.back()->path().string();
    }

    InspectionRecord inspection;

private:
    std::vector<std::unique_ptr<TemporaryFile>> m_outputs;
};

TEST_F(ReportRendering, TheInspectionPdfReadsAsComputed)
{
    const auto document = InspectionReport::build(*ledger, inspection.id, "auditor");
    const int pages = PdfRenderer::pageCount(document);
    const auto file = output(".pdf");
    ReportWriter::write(document, ReportFormat::Pdf, file);

    const auto info = run("pdfinfo " + file);
    EXPECT_EQ(pagesOf(info), pages) << info;
    EXPECT_GT(pages, 3) << "152 lines and the discrepancy tables need several pages";
    EXPECT_NE(info.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;
    EXPECT_NE(info.find("Inspection report"), std::string::npos) << "the PDF title";

    const auto text = run("pdftotext -layout " + file + " -");
    for (int i = 1; i <= kUnits; ++i)
        EXPECT_NE(text.find(serialOf(i)), std::string::npos) << serialOf(i);
    EXPECT_NE(text.find("GHOST-002"), std::string::npos);
    EXPECT_NE(text.find(kCyrillicOwner), std::string::npos) << "Cyrillic must survive";
    for (int page = 1; page <= pages; ++page)
        EXPECT_NE(text.find(fmt::format("page {} of {}", page, pages)), std::string::npos) << page;
    EXPECT_EQ(text.find(fmt::format("page {} of", pages + 1)), std::string::npos);
    EXPECT_EQ(occurrences(text, "Journal fingerprint"), pages);
    EXPECT_NE(text.find(Journal(ledger->db()).head().text()), std::string::npos);
    EXPECT_NE(text.find("(continued)"), std::string::npos) << "the table breaks across pages";
    EXPECT_NE(text.find("Inspector A. Nurlanov"), std::string::npos) << "signature lines";

    // The figures: 10 missing, two unknown, 3 + 1 adverse, each unit line once.
    EXPECT_EQ(occurrences(text, "MISSING"), 10);
    EXPECT_EQ(occurrences(text, "UNKNOWN serial"), 3) << "two lines and the adverse table";
    EXPECT_EQ(occurrences(text, "as expected"), 140 + 3) << "the damaged ones are listed again";
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(\b150\s*\n\s*expected at the site)")) ||
                std::regex_search(text, std::regex(R"(150\s+142\s+140\s+10\s)")))
        << "summary counts: " << text.substr(0, 2500);
}

TEST_F(ReportRendering, PageCountComesBeforeDrawingAndMatchesForEveryShape)
{
    for (const int extra : {0, 1, 37, 55, 56, 57, 58, 120}) {
        ReportDocument document;
        document.title = "Shape";
        document.fingerprint = "1:abc";
        document.signatures = {"One", "Two", "Three"};
        ReportTable table;
        table.title = "Rows";
        table.columns = {{"A", ColumnKind::Text, 1, ""}, {"B", ColumnKind::Number, 1, ""}};
        table.rowCount = extra;
        table.rows = [extra](const RowSink& sink) {
            for (int i = 0; i < extra; ++i)
                sink({fmt::format("row-{}", i), std::to_string(i * 1000)});
        };
        table.totals = [] { return ReportRow{"Total", "1"}; };
        document.tables = {table, table};
        const auto file = output(".pdf");
        ReportWriter::write(document, ReportFormat::Pdf, file);
        const int pages = PdfRenderer::pageCount(document);
        EXPECT_EQ(pagesOf(run("pdfinfo " + file)), pages) << extra << " rows";
        const auto text = run("pdftotext " + file + " -");
        EXPECT_NE(text.find(fmt::format("page {} of {}", pages, pages)), std::string::npos);
        if (extra > 0) {
            EXPECT_EQ(occurrences(text, fmt::format("row-{}\n", extra - 1)), 2);
        }
    }
}

TEST_F(ReportRendering, TheRegisterAddsUpAndIsLandscape)
{
    UnitActions(*ledger).setStatus(finance, {serialOf(3)}, UnitStatus::Stopped, day("2026-11-01"));
    RegisterReportOptions options;
    options.site = "Ekibastuz-3";
    const auto document = RegisterReport::build(*ledger, options, "manager");
    const auto file = output(".pdf");
    ReportWriter::write(document, ReportFormat::Pdf, file);
    const auto info = run("pdfinfo " + file);
    EXPECT_NE(info.find("841.89 x 595.276 pts (A4)"), std::string::npos) << info;
    const auto text = run("pdftotext -layout " + file + " -");
    EXPECT_NE(text.find("150 units"), std::string::npos);
    EXPECT_NE(text.find("187 500 000.00"), std::string::npos) << "150 × 1 250 000.00 KZT";
    EXPECT_NE(text.find("stopped"), std::string::npos);
    for (int i = 1; i <= kUnits; ++i)
        EXPECT_NE(text.find(serialOf(i)), std::string::npos) << serialOf(i);

    RegisterReportOptions before;
    before.asOf = day("2022-12-31");
    const auto csvFile = output(".csv");
    ReportWriter::write(RegisterReport::build(*ledger, before, "manager"), ReportFormat::Csv,
                        csvFile);
    const auto csv = readFile(csvFile);
    EXPECT_EQ(occurrences(csv, "KZ-S19-"), kUnits / 2) << "only the 2022 arrivals by then";
    EXPECT_NE(csv.find("Total,75 units,"), std::string::npos);
    EXPECT_NE(csv.find(",93750000.00\r\n"), std::string::npos) << "plain numbers in CSV";
}

TEST_F(ReportRendering, HtmlEscapesWhatWasTyped)
{
    NewInspection act;
    act.site = "Ekibastuz-3";
    act.date = day("2026-11-21");
    act.authority = "<script>alert('x')</script> & Co";
    act.inspectors = {"Ж. Әбдіқадыр"};
    act.reference = "R-<b>1</b>";
    const auto recorded = InspectionDesk(*ledger).record(auditor, act, serialOf(1) + "\n");
    const auto file = output(".html");
    ReportWriter::write(InspectionReport::build(*ledger, recorded.id, "auditor"),
                        ReportFormat::Html, file);
    const auto html = readFile(file);
    EXPECT_EQ(html.find("<script"), std::string::npos) << "no script element, ever";
    EXPECT_EQ(html.find("<b>1</b>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"),
              std::string::npos);
    EXPECT_NE(html.find("Ж. Әбдіқадыр"), std::string::npos);
    EXPECT_NE(html.find(kCyrillicOwner), std::string::npos);
    EXPECT_NE(html.find("@page { size: A4 portrait"), std::string::npos);
    EXPECT_NE(html.find("<thead>"), std::string::npos) << "headers repeat on printed pages";
    EXPECT_EQ(html.find("http"), std::string::npos) << "self-contained: nothing fetched";
}

TEST_F(ReportRendering, CsvHasABomAndNeverCarriesAFormula)
{
    NewInspection act;
    act.site = "Ekibastuz-3";
    act.date = day("2026-11-21");
    act.authority = "Ministry of Energy";
    act.inspectors = {R"(=HYPERLINK("http://evil.example","click"))"};
    act.reference = "@SUM(A1:A9)";
    const auto recorded = InspectionDesk(*ledger).record(auditor, act, serialOf(1) + "\n");
    const auto file = output(".csv");
    ReportWriter::write(InspectionReport::build(*ledger, recorded.id, "auditor"), ReportFormat::Csv,
                        file);
    const auto csv = readFile(file);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(csv.find(R"x(Inspectors,"'=HYPERLINK(""http://evil.example"",""click"")")x"),
              std::string::npos)
        << csv.substr(0, 800);
    EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.find("\"=HYPERLINK"), std::string::npos);
    EXPECT_NE(csv.find("Reference,'@SUM(A1:A9)\r\n"), std::string::npos);
    EXPECT_NE(csv.find(kCyrillicOwner), std::string::npos);

    EXPECT_EQ(CsvRenderer::cell("-12.50"), "-12.50") << "a plain number stays a number";
    EXPECT_EQ(CsvRenderer::cell("+7"), "+7");
    EXPECT_EQ(CsvRenderer::cell("-2+3"), "'-2+3");
    EXPECT_EQ(CsvRenderer::cell("@cmd"), "'@cmd");
    EXPECT_EQ(CsvRenderer::cell("a,\"b\""), "\"a,\"\"b\"\"\"");
    EXPECT_EQ(CsvRenderer::cell("two\nlines"), "\"two\nlines\"");
}

TEST_F(ReportRendering, ManagersReportsAddUp)
{
    // 75 units of 2022 (VAT 12%: 150 000.00 each) unlock in April 2027; 75 of 2023 in Sept 2028.
    UnlocksReportOptions unlocks;
    unlocks.months = 12;
    unlocks.by = UnlockReportGrouping::Site;
    const auto unlockFile = output(".csv");
    ReportWriter::write(ScheduleReports::unlocks(*ledger, unlocks, "manager"), ReportFormat::Csv,
                        unlockFile);
    const auto unlockCsv = readFile(unlockFile);
    EXPECT_NE(unlockCsv.find("2027-04,Ekibastuz-3,75,93750000.00,11250000.00\r\n"),
              std::string::npos)
        << unlockCsv;
    EXPECT_NE(unlockCsv.find("Total,,75,93750000.00,11250000.00\r\n"), std::string::npos);
    EXPECT_EQ(unlockCsv.find("2028-09"), std::string::npos) << "beyond 12 months";

    LiabilityReportOptions liability;
    liability.by = LiabilityReportGrouping::Entity;
    const auto document = ScheduleReports::liability(*ledger, liability, "manager");
    const auto liabilityFile = output(".pdf");
    ReportWriter::write(document, ReportFormat::Pdf, liabilityFile);
    const auto text = run("pdftotext -layout " + liabilityFile + " -");
    EXPECT_NE(text.find(kCyrillicOwner), std::string::npos);
    // 150 locked units; the principal is the VAT exempted: 75 × 150 000 + 75 × 150 000 (2023: 12%).
    EXPECT_NE(text.find("22 500 000.00"), std::string::npos) << text;
    EXPECT_NE(text.find("page 1 of 1"), std::string::npos);
}

TEST_F(ReportRendering, TheUnitHistoryAnswersAnInspectorsQuestion)
{
    UnitActions(*ledger).setStatus(finance, {serialOf(7)}, UnitStatus::Faulty, day("2026-11-22"));
    const auto file = output(".pdf");
    ReportWriter::write(UnitHistoryReport::build(*ledger, "kz-s19-00007", "auditor"),
                        ReportFormat::Pdf, file);
    const auto text = run("pdftotext -layout " + file + " -");
    EXPECT_NE(text.find("KZ-S19-00007"), std::string::npos);
    EXPECT_NE(text.find(kCyrillicOwner), std::string::npos);
    EXPECT_NE(text.find("imported"), std::string::npos);
    EXPECT_NE(text.find("faulty"), std::string::npos);
    EXPECT_NE(text.find(inspection.reference), std::string::npos) << "the inspection that saw it";
    EXPECT_NE(text.find("2027-04-12"), std::string::npos) << "unlock date of a 2022-04-11 start";
    EXPECT_THROW(UnitHistoryReport::build(*ledger, "NO-SUCH-UNIT", "auditor"), NotFound);
}

TEST_F(ReportRendering, AFailedReportLeavesNoFile)
{
    ReportDocument document;
    document.title = "Broken";
    ReportTable table;
    table.title = "Rows";
    table.columns = {{"A", ColumnKind::Text, 1, ""}};
    table.rowCount = 3;
    table.rows = [](const RowSink& sink) {
        sink({"one"});
        throw MissingReferenceData("no base rate for 2031");
    };
    document.tables.push_back(table);
    for (const auto format : {ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv}) {
        const auto file = output(".out");
        EXPECT_THROW(ReportWriter::write(document, format, file), MissingReferenceData);
        EXPECT_FALSE(std::filesystem::exists(file)) << toText(format);
    }
}

} // namespace
} // namespace asicledger::testing
