// Text users type (entity and site names, reasons, notes, inspection fields, pool names) comes
// back in every report in every format as text: a CSV cell never starts a spreadsheet formula,
// HTML shows markup as characters, and a PDF prints it literally (read back with pdftotext).

#include "HostileLedger.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <memory>

namespace {

using asicledger::testing::HostileLedger;
using asicledger::testing::readBytes;
namespace fs = std::filesystem;

const std::string kFormula = R"(=HYPERLINK("http://x","click"))";
const std::string kScript = "<script>alert(1)</script>";

// RFC 4180 cells of a whole CSV document.
std::vector<std::string> csvCells(const std::string& text)
{
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    cells.push_back(cell);
    return cells;
}

bool isNumber(const std::string& text)
{
    if (text.size() < 2)
        return false;
    return text.find_first_not_of("0123456789.", 1) == std::string::npos;
}

// A cell a spreadsheet would run: = + @ tab CR anywhere, or - not starting a number.
bool runsAsFormula(const std::string& cell)
{
    if (cell.empty())
        return false;
    const char first = cell.front();
    return first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r' ||
           (first == '-' && !isNumber(cell));
}

std::string collapsedBlanks(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\f';
        if (!blank || (!out.empty() && out.back() != ' '))
            out += blank ? ' ' : c;
    }
    return out;
}

class ExportNeutralisation : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_ledger = std::make_unique<HostileLedger>();
        const auto& dir = s_ledger->directory();
        std::ofstream(dir / "seen.txt") << "KH21-0002\n";
        // The payloads in every place a user types text that a report shows.
        const std::vector<std::string> steps{
            "asicledger entity add --name '" + kFormula + "' --kind overseas --jurisdiction SG",
            "asicledger entity add --name '" + kScript + " Ltd' --kind overseas --jurisdiction HK",
            "asicledger site add --name '" + kScript + "' --region '" + kFormula +
                "' --operator 'Kazakh Hash LLP'",
            "ASICLEDGER_USER=finance asicledger move KH21-0002 --to-site '" + kScript +
                "' --date 2026-06-01 --reason '" + kFormula + " " + kScript + "'",
            "ASICLEDGER_USER=finance asicledger hosting KH21-0002 --beneficial-owner '" + kScript +
                " Ltd' --date 2026-06-02 --reason '" + kFormula + "'",
            "ASICLEDGER_USER=finance asicledger sell KH21-0001 --to '" + kFormula +
                "' --date 2026-06-03 --reason '" + kScript + "'",
            "ASICLEDGER_USER=finance asicledger note KH21-0002 --text '@SUM(1+1) " + kScript +
                "' --date 2026-06-04",
            "ASICLEDGER_USER=auditor asicledger inspection record --site '" + kScript +
                "' --date 2026-11-20 --authority '" + kFormula + "' --inspector '" + kScript +
                "' --reference '+cmd' --seen seen.txt",
            "ASICLEDGER_USER=finance asicledger crypto mined add --entity 'Kazakh Hash LLP' "
            "--date 2026-03-01 --sats 50000000 --ref '" +
                kScript + "' --pool '" + kFormula + "'",
        };
        for (const auto& step : steps) {
            const auto result = s_ledger->run(step);
            ASSERT_EQ(result.exitCode, 0) << step << "\n" << result.err;
        }
    }
    static void TearDownTestSuite() { s_ledger.reset(); }

    // Writes one report in one format and returns the file's bytes.
    static std::string report(const std::string& which, const std::string& format)
    {
        const auto file = "report-" + std::to_string(++s_count) + "." + format;
        const auto result =
            s_ledger->run("asicledger report " + which + " --format " + format + " -o " + file);
        EXPECT_EQ(result.exitCode, 0) << which << " " << format << "\n" << result.err;
        return readBytes(s_ledger->directory() / file);
    }
    static std::string pdfText(const std::string& which)
    {
        const auto file = "report-" + std::to_string(++s_count) + ".pdf";
        EXPECT_EQ(s_ledger->run("asicledger report " + which + " --format pdf -o " + file).exitCode,
                  0);
        const auto text = s_ledger->run("pdftotext -raw " + file + " -");
        EXPECT_EQ(text.exitCode, 0) << text.err;
        return collapsedBlanks(text.out);
    }

    static std::unique_ptr<HostileLedger> s_ledger;
    static int s_count;
};
std::unique_ptr<HostileLedger> ExportNeutralisation::s_ledger;
int ExportNeutralisation::s_count = 0;

// Every report; between them they show each payload (checked per format, so a format that
// dropped the text, rather than neutralising it, fails too).
struct ReportCase
{
    std::string command;
};

const std::vector<ReportCase>& reports()
{
    static const std::vector<ReportCase> cases{
        {"inspection --id 1"},       {"register"},  {"unlocks --by site"},
        {"liability --by site"},     {"reconcile"}, {"unit --serial KH21-0001"},
        {"unit --serial KH21-0002"},
    };
    return cases;
}

TEST_F(ExportNeutralisation, CsvCellsNeverStartAFormula)
{
    bool formulaShown = false;
    bool scriptShown = false;
    for (const auto& which : reports()) {
        SCOPED_TRACE(which.command);
        for (const auto& cell : csvCells(report(which.command, "csv"))) {
            EXPECT_FALSE(runsAsFormula(cell)) << "a spreadsheet would run: " << cell;
            formulaShown |= cell.find(kFormula) != std::string::npos;
            scriptShown |= cell.find(kScript) != std::string::npos;
        }
    }
    EXPECT_TRUE(formulaShown);
    EXPECT_TRUE(scriptShown);
}

TEST_F(ExportNeutralisation, HtmlShowsMarkupAsText)
{
    bool escapedShown = false;
    for (const auto& which : reports()) {
        SCOPED_TRACE(which.command);
        const auto html = report(which.command, "html");
        EXPECT_EQ(html.find("<script"), std::string::npos);
        EXPECT_EQ(html.find("<SCRIPT"), std::string::npos);
        escapedShown |= html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos;
        // Quotes escaped too, so a payload cannot close an attribute.
        EXPECT_EQ(html.find("HYPERLINK(\""), std::string::npos);
    }
    EXPECT_TRUE(escapedShown);
}

TEST_F(ExportNeutralisation, PdfPrintsTypedTextLiterally)
{
    // A long cell may wrap inside its column: compare with blanks collapsed. Pango markup
    // would swallow the <script> tags; printed literally they are there as typed.
    std::string all;
    for (const auto& which : reports())
        all += pdfText(which.command) + "\n";
    EXPECT_NE(all.find("<script>alert(1)</script>"), std::string::npos) << all;
    EXPECT_NE(all.find("=HYPERLINK(\"http://x\""), std::string::npos) << all;
}

} // namespace
