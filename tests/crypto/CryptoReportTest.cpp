#include "CryptoFixture.hpp"
#include "CryptoReconciliationReport.hpp"
#include "CsvRenderer.hpp"
#include "PdfRenderer.hpp"

#include <gtest/gtest.h>
#include <sstream>

namespace asicledger::testing {
namespace {

class CryptoReport : public CryptoFixture
{
protected:
    std::string csv(const CryptoReconciliationReportOptions& options)
    {
        std::ostringstream out;
        CsvRenderer::render(CryptoReconciliationReport::build(*ledger, options, "auditor"), out);
        return out.str();
    }
};

TEST_F(CryptoReport, TheQuarterAsASpreadsheetCarriesTheHandWorkedFigures)
{
    recordQuarter();
    const auto text = csv({std::nullopt, day("2026-03-31"), std::nullopt});
    // The figures of CryptoReconciling.TheWholeQuarterByHand, in plain decimals.
    EXPECT_NE(text.find("Kazakh Hash LLP,Pacific Hash Pte Ltd,USD,0.55000000,0.00,54691.36,54.69,"
                        "50000.00,4636.67,99438.84,2026-03-01,30\r\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Kazakh Hash LLP,Kazakh Hash LLP (own wallet),KZT,0.10000000,0.00,"
                        "3500000.00,3500.00,0.00,0.00,35000000.00,,\r\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Kazakh Hash LLP,Harbour Digital Ltd,0.00000000,0.00000000,0.50000000,"
                        "0.40000000,0.10000000\r\n"),
              std::string::npos)
        << text;
    // Owed home: USD 463 667 + 399 100 = 862 767 cents; HKD 19 985 000 cents.
    EXPECT_NE(text.find("USD owed home at the end,8627.67\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("HKD owed home at the end,199850.00\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("rule breaks,0\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Journal fingerprint," + head().text()), std::string::npos);
}

TEST_F(CryptoReport, RuleBreaksAndOneEntitysLinesArePrinted)
{
    recordQuarter();
    CryptoVenues(*ledger).setAifcLicensed(admin, kAifcVenue, false);
    const auto document = CryptoReconciliationReport::build(
        *ledger, {day("2026-03-01"), day("2026-03-31"), std::string(kKazakhHash)}, "auditor");
    EXPECT_EQ(document.subtitle, "Kazakh Hash LLP, 2026-03-01 to 2026-03-31");
    ASSERT_EQ(document.tables.size(), 3u);
    EXPECT_EQ(document.tables[0].rowCount, 3) << "own wallet, Harbour, Pacific";
    EXPECT_EQ(document.tables[2].rowCount, 1);
    std::vector<ReportRow> breaks;
    document.tables[2].rows([&](const ReportRow& row) { breaks.push_back(row); });
    ASSERT_EQ(breaks.size(), 1u);
    EXPECT_EQ(breaks[0][0], "2026-03-15");
    EXPECT_NE(breaks[0][2].find("Astana Digital Exchange"), std::string::npos);
    EXPECT_GE(PdfRenderer::pageCount(document), 1);
}

TEST_F(CryptoReport, AnEmptyLedgerSaysSo)
{
    const auto text = csv({});
    EXPECT_NE(text.find("up to 2026-11-23"), std::string::npos) << text;
    EXPECT_NE(text.find("BTC held at the end,0.00000000"), std::string::npos) << text;
}

} // namespace
} // namespace asicledger::testing
