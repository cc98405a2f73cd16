#include "ImportCsv.hpp"
#include "ImportFixture.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace asicledger::testing {
namespace {

using ImportRefusalTest = ImportFixture;

TEST_F(ImportRefusalTest, ReportsEveryBadRowWithLineAndColumnAndWritesNothing)
{
    importUnits(importHeader() + importRow("LEDGER-1", "2022-03-15", "EARLIER-DECLARATION"));

    ImportCsv csv;
    const auto good = csv.row({{"serial", "GOOD-1"}});
    const auto duplicateInFile = csv.row({{"serial", " good-1 "}});
    const auto duplicateInLedger = csv.row({{"serial", " Ledger-1"}});
    const auto badSerial = csv.row({{"serial", "AB C1"}});
    const auto unknownOwner = csv.row({{"legal_owner", "Kazakh Hash"}});
    const auto overseasOwner =
        csv.row({{"legal_owner", "Pacific Hash Pte Ltd"}, {"declaration_no", "D-OVERSEAS"}});
    const auto unknownBeneficial = csv.row({{"beneficial_owner", "Nobody Ltd"}});
    const auto unknownSite = csv.row({{"site", "Ekibastuz-9"}});
    const auto impossibleDate = csv.row({{"dispatch_date", "31.02.2022"}});
    const auto unknownRoute = csv.row({{"route", "sea"}});
    const auto missingValue = csv.row({{"customs_value", ""}});
    const auto negativeValue = csv.row({{"customs_value", "-100.00"}});
    const auto excessDecimals = csv.row({{"customs_value", "100.123"}});
    const auto hugeValue = csv.row({{"customs_value", "99999999999999999999"}});
    const auto notANumber = csv.row({{"customs_value", "about 1m"}});
    const auto unknownCurrency = csv.row({{"currency", "XYZ"}});
    const auto missingFx = csv.row({{"currency", "USD"}});
    const auto fxForTenge = csv.row({{"fx_rate", "450"}});
    const auto zeroFx = csv.row({{"currency", "USD"}, {"fx_rate", "0"}});
    const auto exemptionTooEarly = csv.row({{"exemption_start", "2022-03-13"}});
    const auto exemptionInFuture = csv.row({{"exemption_start", "2026-11-24"}});
    const auto declaredInFuture = csv.row({{"declaration_no", "D-FUTURE"},
                                           {"declaration_date", "2026-12-01"},
                                           {"exemption_start", ""}});
    const auto arrivesInFuture = csv.row({{"declaration_no", "D-LATE"},
                                          {"dispatch_date", "2026-11-20"},
                                          {"arrival_date", "2026-11-30"}});
    const auto arrivesBeforeDispatch = csv.row({{"declaration_no", "D-BACKWARDS"},
                                                {"dispatch_date", "2022-03-10"},
                                                {"arrival_date", "2022-02-20"}});
    const auto formula = csv.row({{"model", "=HYPERLINK(\"http://evil\",\"S19\")"}});
    const auto plusFormula = csv.row({{"legal_owner", "+cmd|' /C calc'!A0"}});
    const auto atFormula = csv.row({{"site", "@SUM(A1)"}});
    const auto tabFormula = csv.row({{"manufacturer", "\tBitmain"}});
    const auto wrongCellCount = csv.raw({"SHORT-1", "Bitmain", "Antminer S19"});
    const auto badHashrateAndPower = csv.row({{"hashrate_ths", "110.1234"}, {"power_w", "3250.5"}});
    const auto zeroHashrateNegativePower = csv.row({{"hashrate_ths", "0"}, {"power_w", "-5"}});
    const auto missingManufacturer = csv.row({{"manufacturer", ""}});
    const auto longModel = csv.row({{"model", std::string(101, 'x')}});
    const auto otherRoute = csv.row({{"route", "truck"}});
    const auto otherDeclarationDate = csv.row({{"declaration_date", "2022-03-15"}});

    const auto problems = refused(csv.text());

    const std::string first = fmt::format("line {} (its first row)", good);
    EXPECT_TRUE(hasProblem(problems, duplicateInFile, "serial",
                           fmt::format("GOOD-1 is already on line {}", good)));
    EXPECT_TRUE(
        hasProblem(problems, duplicateInLedger, "serial", "LEDGER-1 is already in the ledger"));
    EXPECT_TRUE(hasProblem(problems, badSerial, "serial", "contains ' '"));
    EXPECT_TRUE(
        hasProblem(problems, unknownOwner, "legal_owner", "'Kazakh Hash' is not an entity"));
    EXPECT_TRUE(hasProblem(problems, overseasOwner, "legal_owner", "overseas entity (SG)"));
    EXPECT_TRUE(
        hasProblem(problems, overseasOwner, "legal_owner", "domestic company's commitment"));
    EXPECT_TRUE(hasProblem(problems, unknownBeneficial, "beneficial_owner", "'Nobody Ltd'"));
    EXPECT_TRUE(hasProblem(problems, unknownSite, "site", "'Ekibastuz-9' is not a site"));
    EXPECT_TRUE(hasProblem(problems, impossibleDate, "dispatch_date",
                           "'31.02.2022' is not a calendar date"));
    EXPECT_TRUE(hasProblem(problems, unknownRoute, "route", "air, rail or truck"));
    EXPECT_TRUE(hasProblem(problems, missingValue, "customs_value", "missing"));
    EXPECT_TRUE(hasProblem(problems, negativeValue, "customs_value", "negative"));
    EXPECT_TRUE(hasProblem(problems, excessDecimals, "customs_value", "finer than KZT allows (2"));
    EXPECT_TRUE(hasProblem(problems, hugeValue, "customs_value", "too large"));
    EXPECT_TRUE(hasProblem(problems, notANumber, "customs_value", "'about 1m' is not a number"));
    EXPECT_TRUE(hasProblem(problems, unknownCurrency, "currency", "'XYZ'"));
    EXPECT_TRUE(hasProblem(problems, missingFx, "fx_rate", "in USD needs fx_rate"));
    EXPECT_TRUE(hasProblem(problems, fxForTenge, "fx_rate", "must be empty or 1"));
    EXPECT_TRUE(hasProblem(problems, zeroFx, "fx_rate", "not a positive number"));
    EXPECT_TRUE(hasProblem(problems, exemptionTooEarly, "exemption_start",
                           "before the declaration was registered on 2022-03-14"));
    EXPECT_TRUE(
        hasProblem(problems, exemptionInFuture, "exemption_start", "after today (2026-11-23)"));
    EXPECT_TRUE(hasProblem(problems, declaredInFuture, "declaration_date", "after today"));
    EXPECT_TRUE(hasProblem(problems, arrivesInFuture, "arrival_date", "after today"));
    EXPECT_TRUE(
        hasProblem(problems, arrivesBeforeDispatch, "arrival_date", "before it is dispatched"));
    EXPECT_TRUE(hasProblem(problems, formula, "model", "looks like a spreadsheet formula"));
    EXPECT_TRUE(hasProblem(problems, plusFormula, "legal_owner", "spreadsheet formula"));
    EXPECT_TRUE(hasProblem(problems, atFormula, "site", "spreadsheet formula"));
    EXPECT_TRUE(hasProblem(problems, tabFormula, "manufacturer", "starting with a tab"));
    EXPECT_TRUE(hasProblem(problems, wrongCellCount, "", "has 3 cells but the header has 17"));
    EXPECT_TRUE(hasProblem(problems, badHashrateAndPower, "hashrate_ths", "at most 3 decimals"));
    EXPECT_TRUE(hasProblem(problems, badHashrateAndPower, "power_w", "whole number of watts"));
    EXPECT_TRUE(hasProblem(problems, zeroHashrateNegativePower, "hashrate_ths", "positive"));
    EXPECT_TRUE(hasProblem(problems, zeroHashrateNegativePower, "power_w", "positive"));
    EXPECT_TRUE(hasProblem(problems, missingManufacturer, "manufacturer", "missing"));
    EXPECT_TRUE(hasProblem(problems, longModel, "model", "101 characters"));
    EXPECT_TRUE(hasProblem(problems, otherRoute, "route", "route rail on " + first));
    EXPECT_TRUE(hasProblem(problems, otherDeclarationDate, "declaration_date",
                           "declaration date 2022-03-14 on " + first));

    // Every bad row is reported, the good one is not, and they come in file order.
    std::set<std::size_t> lines;
    for (const auto& problem : problems)
        lines.insert(problem.line);
    EXPECT_EQ(lines.count(good), 0u);
    EXPECT_EQ(lines.size(), static_cast<std::size_t>(otherDeclarationDate - duplicateInFile + 1));
    EXPECT_TRUE(std::is_sorted(problems.begin(), problems.end(),
                               [](const auto& a, const auto& b) { return a.line < b.line; }));
    EXPECT_EQ(count("SELECT count(*) FROM unit WHERE serial = 'GOOD-1'"), 0);
}

TEST_F(ImportRefusalTest, RefusesRowsOfOneDeclarationThatResolveToDifferentImporters)
{
    ImportCsv csv;
    const auto first = csv.row();
    const auto other = csv.row({{"legal_owner", "Altyn Mining LLP"}});
    EXPECT_TRUE(hasProblem(refused(csv.text()), other, "legal_owner",
                           fmt::format("importer Kazakh Hash LLP on line {}", first)));
}

TEST_F(ImportRefusalTest, RefusesAnOverseasImporter)
{
    auto columns = ImportCsv::canonical();
    columns.push_back("importer");
    ImportCsv csv(columns);
    const auto line = csv.row({{"importer", "Harbour Digital Ltd"}});
    const auto problems = refused(csv.text());
    EXPECT_TRUE(hasProblem(problems, line, "importer", "overseas entity (HK)"));

    // Without an importer column, an overseas legal owner of a VAT-paid unit would import.
    ImportCsv implicit;
    const auto paid =
        implicit.row({{"legal_owner", "Harbour Digital Ltd"}, {"exemption_start", ""}});
    EXPECT_TRUE(
        hasProblem(refused(implicit.text()), paid, "legal_owner", "add an importer column"));
}

TEST_F(ImportRefusalTest, RefusesABadExemptionTerm)
{
    auto columns = ImportCsv::canonical();
    columns.push_back("exemption_term_years");
    ImportCsv csv(columns);
    const auto zero = csv.row({{"exemption_term_years", "0"}});
    const auto fractional = csv.row({{"exemption_term_years", "4.5"}});
    const auto tooLong = csv.row({{"exemption_term_years", "51"}});
    const auto problems = refused(csv.text());
    for (const auto line : {zero, fractional, tooLong})
        EXPECT_TRUE(hasProblem(problems, line, "exemption_term_years", "from 1 to 50"));
}

TEST_F(ImportRefusalTest, RefusesAColumnGivenTwice)
{
    auto columns = ImportCsv::canonical();
    columns.push_back("SN");
    ImportCsv csv(columns);
    csv.row({{"SN", "OTHER-1"}});
    const auto problems = refused(csv.text());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(hasProblem(problems, 1, "serial", "'serial' and 'SN' both mean serial"));
}

TEST_F(ImportRefusalTest, ListsAllMissingRequiredColumnsInOneProblem)
{
    const auto problems = refused("SN,Model,Owner,currency\nS-1,S19,Kazakh Hash LLP,KZT\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(hasProblem(problems, 1, "",
                           "lacks the required columns manufacturer, hashrate_ths, power_w, "
                           "customs_value, site, declaration_no, declaration_date, route, "
                           "dispatch_date, arrival_date"));
}

TEST_F(ImportRefusalTest, ReportsBrokenQuotingAndForeignEncodingsWithTheirLine)
{
    ImportCsv csv;
    csv.row();
    const auto broken = csv.row();
    std::string text = csv.text();
    // A stray quote in the middle of the second row's first cell.
    text.insert(text.find("T-00002"), "x\"y");
    EXPECT_TRUE(hasProblem(refused(text), broken, "", "quote is out of place"));

    ImportCsv latin;
    latin.row();
    const auto cp1251 = latin.row({{"model", "\xC0\xED\xF2\xEC\xE8\xED\xE5\xF0"}});
    EXPECT_TRUE(hasProblem(refused(latin.text()), cp1251, "", "not UTF-8"));
}

TEST_F(ImportRefusalTest, RefusesADeclarationDatedBeforeTheVatTable)
{
    ImportCsv csv;
    const auto line = csv.row({{"declaration_date", "2008-12-31"},
                               {"dispatch_date", "2008-12-01"},
                               {"arrival_date", "2008-12-20"},
                               {"exemption_start", "2009-01-05"}});
    EXPECT_TRUE(hasProblem(refused(csv.text()), line, "declaration_date", "VAT-rate table"));
}

} // namespace
} // namespace asicledger::testing
