#include "EntityRegistry.hpp"
#include "ImportCsv.hpp"
#include "ImportFixture.hpp"
#include "LedgerVerifier.hpp"
#include "UnitRegister.hpp"

#include <SQLiteCpp/Statement.h>

namespace asicledger::testing {
namespace {

using ShipmentImporterTest = ImportFixture;

TEST_F(ShipmentImporterTest, ImportsExemptAndVatPaidUnitsWithTheirLocksAndHistory)
{
    ImportCsv csv;
    // Declared 2022: 12% VAT. One exempt, one imported with VAT paid (no exemption start).
    csv.row({{"serial", "ANT-S19P-0001"}});
    csv.row({{"serial", "ant-s19p-0002 "}, {"exemption_start", ""}});
    // Declared 2026 by air, for a Singapore hosting customer: 16% VAT.
    csv.row({{"serial", "MW-M50-0001"},
             {"manufacturer", "MicroBT"},
             {"model", "Whatsminer M50"},
             {"hashrate_ths", "114.5"},
             {"power_w", "3306"},
             {"customs_value", "1000000.00"},
             {"legal_owner", "Altyn Mining LLP"},
             {"beneficial_owner", "Pacific Hash Pte Ltd"},
             {"site", "Karagandy-2"},
             {"exemption_start", "2026-02-12"},
             {"declaration_no", "50109010/100226/0000042"},
             {"declaration_date", "2026-02-10"},
             {"route", "air"},
             {"dispatch_date", "2026-02-05"},
             {"arrival_date", "2026-02-09"}});
    const auto headBefore = Journal(ledger->db()).head();

    const auto summary = import(csv.text());

    EXPECT_FALSE(summary.dryRun);
    EXPECT_EQ(summary.journalSeq, headBefore.seq + 1);
    EXPECT_EQ(Journal(ledger->db()).head().seq, headBefore.seq + 1);
    EXPECT_EQ(summary.separator, ',');
    EXPECT_EQ(summary.units, 3u);
    EXPECT_EQ(summary.exemptUnits, 2u);
    EXPECT_EQ(summary.declarations,
              (std::vector<std::string>{"50109010/150322/0001234", "50109010/100226/0000042"}));
    EXPECT_EQ(summary.customsValue, Tiyn(350'000'000));
    // 12% of 1 250 000.00 + 16% of 1 000 000.00 KZT.
    EXPECT_EQ(summary.vatExempted, Tiyn(15'000'000 + 16'000'000));
    EXPECT_EQ(summary.earliestUnlock, Date(2027, 3, 16));
    EXPECT_EQ(summary.latestUnlock, Date(2031, 2, 13));
    EXPECT_TRUE(summary.warnings.empty());
    ASSERT_EQ(summary.columns.size(), 17u);
    for (std::size_t i = 0; i < 17; ++i)
        EXPECT_EQ(summary.columns[i].canonical, ShipmentImporter::canonicalColumns()[i]);

    const auto exempt = unit("ANT-S19P-0001");
    ASSERT_TRUE(exempt);
    EXPECT_EQ(exempt->manufacturer, "Bitmain");
    EXPECT_EQ(exempt->model, "Antminer S19 Pro");
    EXPECT_EQ(exempt->hashrateGhs, 110'000);
    EXPECT_EQ(exempt->powerW, 3250);
    EXPECT_EQ(exempt->customsValue, Tiyn(125'000'000));
    EXPECT_EQ(exempt->customsCurrency, "KZT");
    EXPECT_EQ(exempt->customsValueMinor, 125'000'000);
    EXPECT_FALSE(exempt->fxRate);
    EXPECT_EQ(exempt->legalOwner, "Kazakh Hash LLP");
    EXPECT_FALSE(exempt->beneficialOwner);
    EXPECT_EQ(exempt->site, "Ekibastuz-1");
    EXPECT_EQ(exempt->status, UnitStatus::Running);
    EXPECT_EQ(exempt->declarationNo, "50109010/150322/0001234");
    EXPECT_EQ(exempt->declarationDate, Date(2022, 3, 14));
    EXPECT_EQ(exempt->route, Route::Rail);
    EXPECT_EQ(exempt->dispatchDate, Date(2022, 2, 20));
    EXPECT_EQ(exempt->arrivalDate, Date(2022, 3, 10));
    EXPECT_EQ(exempt->vatRateBp, 1200);
    ASSERT_TRUE(exempt->lock);
    EXPECT_EQ(exempt->lock->start(), Date(2022, 3, 15));
    EXPECT_EQ(exempt->lock->years(), 5);
    EXPECT_EQ(exempt->lock->lockEnd(), Date(2027, 3, 15));
    EXPECT_EQ(exempt->lock->unlockDate(), Date(2027, 3, 16));
    EXPECT_EQ(exempt->vatExempted, Tiyn(15'000'000));
    EXPECT_TRUE(exempt->isLockedOn(ledger->today()));

    // The serial is stored in its normal form; the unit paid VAT, so it has no lock.
    const auto paid = unit("ANT-S19P-0002");
    ASSERT_TRUE(paid);
    EXPECT_EQ(paid->serial, "ANT-S19P-0002");
    EXPECT_FALSE(paid->lock);
    EXPECT_FALSE(paid->vatExempted);
    EXPECT_EQ(paid->vatRateBp, 1200);
    EXPECT_EQ(paid->lockStateOn(ledger->today()), LockState::NotExempt);
    EXPECT_EQ(paid->shipmentId, exempt->shipmentId);

    const auto hosted = unit("MW-M50-0001");
    ASSERT_TRUE(hosted);
    EXPECT_EQ(hosted->hashrateGhs, 114'500);
    EXPECT_EQ(hosted->legalOwner, "Altyn Mining LLP");
    EXPECT_EQ(hosted->beneficialOwner, "Pacific Hash Pte Ltd");
    EXPECT_EQ(hosted->site, "Karagandy-2");
    EXPECT_EQ(hosted->route, Route::Air);
    EXPECT_EQ(hosted->vatRateBp, 1600);
    EXPECT_EQ(hosted->vatExempted, Tiyn(16'000'000));
    EXPECT_EQ(hosted->lock->lockEnd(), Date(2031, 2, 12));
    EXPECT_NE(hosted->shipmentId, exempt->shipmentId);

    // The shipments: the importer is the legal owner when the file has no importer column.
    EXPECT_EQ(count("SELECT count(*) FROM shipment"), 2);
    EXPECT_EQ(count("SELECT importer_id FROM shipment WHERE declaration_no = "
                    "'50109010/100226/0000042'"),
              EntityRegistry(*ledger).require("Altyn Mining LLP").id);

    // Each unit's history starts with its import, on its arrival date, under the journal entry.
    const auto history = UnitRegister(*ledger).history(exempt->id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].kind, "imported");
    EXPECT_EQ(history[0].date, Date(2022, 3, 10));
    EXPECT_EQ(history[0].journalSeq, summary.journalSeq);
    EXPECT_EQ(history[0].recordedBy, "finance");
    EXPECT_EQ(history[0].detail,
              "imported under declaration 50109010/150322/0001234 by rail; legal owner Kazakh "
              "Hash LLP; site Ekibastuz-1; exempt from 2022-03-15, unlocks 2027-03-16");
    // The event also records where the unit stands after it, for placement on a past day.
    SQLite::Statement placement(ledger->db(), "SELECT site_id, legal_owner_id, status FROM "
                                              "unit_event WHERE unit_id = ?");
    placement.bind(1, hosted->id);
    ASSERT_TRUE(placement.executeStep());
    EXPECT_EQ(placement.getColumn(0).getInt64(), hosted->siteId);
    EXPECT_EQ(placement.getColumn(1).getInt64(), hosted->legalOwnerId);
    EXPECT_EQ(placement.getColumn(2).getString(), "running");
    const auto paidHistory = UnitRegister(*ledger).history(paid->id);
    ASSERT_EQ(paidHistory.size(), 1u);
    EXPECT_NE(paidHistory[0].detail.find("VAT paid at import, no lock"), std::string::npos);
    EXPECT_NE(UnitRegister(*ledger).history(hosted->id)[0].detail.find(
                  "beneficial owner Pacific Hash Pte Ltd"),
              std::string::npos);

    // One journal entry for the whole file.
    SQLite::Statement entry(ledger->db(),
                            "SELECT action, user_name, summary FROM journal WHERE seq = ?");
    entry.bind(1, summary.journalSeq);
    ASSERT_TRUE(entry.executeStep());
    EXPECT_EQ(entry.getColumn(0).getString(), "import");
    EXPECT_EQ(entry.getColumn(1).getString(), "finance");
    EXPECT_EQ(entry.getColumn(2).getString(),
              "imported 3 units under 2 declarations (50109010/150322/0001234, "
              "50109010/100226/0000042): 2 VAT-exempt (VAT exempted 310 000.00 KZT, unlocking "
              "2027-03-16 to 2031-02-13), 1 with VAT paid; customs value 3 500 000.00 KZT");
}

TEST_F(ShipmentImporterTest, ReadsExcelRussianLocaleFiles)
{
    // Semicolons, a BOM, CRLF line ends, DD.MM.YYYY dates, decimal commas and grouped thousands.
    ImportCsv csv(ImportCsv::canonical(), ';', "\r\n");
    csv.row({{"serial", "RU-1"},
             {"hashrate_ths", "104,5"},
             {"customs_value", "1 234 567,89"},
             {"exemption_start", "15.03.2022"},
             {"declaration_date", "14.03.2022"},
             {"dispatch_date", "20.02.2022"},
             {"arrival_date", "10.03.2022"}});
    csv.row({{"serial", "RU-2"},
             {"customs_value", "980000"},
             {"exemption_start", "2022-03-15"},
             {"declaration_date", "14.03.2022"},
             {"dispatch_date", "20.02.2022"},
             {"arrival_date", "10.03.2022"}});

    const auto summary = import("\xEF\xBB\xBF" + csv.text());

    EXPECT_EQ(summary.separator, ';');
    EXPECT_EQ(summary.units, 2u);
    EXPECT_EQ(summary.columns.front().canonical, "serial");
    const auto first = unit("RU-1");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->hashrateGhs, 104'500);
    EXPECT_EQ(first->customsValue, Tiyn(123'456'789));
    EXPECT_EQ(first->declarationDate, Date(2022, 3, 14));
    EXPECT_EQ(first->lock->start(), Date(2022, 3, 15));
    EXPECT_EQ(first->arrivalDate, Date(2022, 3, 10));
    // Dates are stored as ISO text whatever form the file used.
    EXPECT_EQ(count("SELECT count(*) FROM unit WHERE exemption_start = '2022-03-15'"), 2);
    EXPECT_EQ(unit("RU-2")->shipmentId, first->shipmentId);
}

TEST_F(ShipmentImporterTest, ImportsAnExcelPackingListFromDisk)
{
    // Saved by Excel in a Russian locale: BOM, CRLF, semicolons, decimal commas, DD.MM.YYYY, the
    // supplier's own header names, a quoted model with a separator, quotes and a line break.
    const auto summary = ShipmentImporter(*ledger).importFile(
        finance, ASICLEDGER_IMPORT_DATA "/packing-list-ru.csv", /*dryRun=*/false);

    EXPECT_EQ(summary.separator, ';');
    EXPECT_EQ(summary.units, 3u);
    EXPECT_EQ(summary.exemptUnits, 2u);
    EXPECT_TRUE(summary.warnings.empty());
    EXPECT_EQ(unit("HTM5K2300001")->model, "Antminer S19 \"Pro\"; hydro");
    const auto hosted = unit("HTM5K2300002");
    ASSERT_TRUE(hosted);
    EXPECT_EQ(hosted->model, "Antminer S19j Pro\n(rev. 2)");
    EXPECT_EQ(hosted->hashrateGhs, 104'500);
    EXPECT_EQ(hosted->customsValue, Tiyn(98'000'000));
    EXPECT_EQ(hosted->beneficialOwner, "Pacific Hash Pte Ltd");
    EXPECT_EQ(hosted->lock->unlockDate(), Date(2027, 3, 16));
    // USD 2 760.50 at 470.25: 276 050 cents × 470.25 = 129 812 512.5 tiyn -> 129 812 513.
    const auto usd = unit("MW50-000117");
    ASSERT_TRUE(usd);
    EXPECT_EQ(usd->customsValue, Tiyn(129'812'513));
    EXPECT_EQ(usd->fxRate, "470.25");
    EXPECT_EQ(usd->vatRateBp, 1600);
    EXPECT_FALSE(usd->lock);
    EXPECT_EQ(usd->route, Route::Air);
}

TEST_F(ShipmentImporterTest, ReadsQuotedCellsWithSeparatorsQuotesAndLineBreaks)
{
    ImportCsv csv;
    csv.row({{"serial", "Q-1"}, {"model", "Antminer S19 \"Pro\", hydro"}});
    const auto multiLine = csv.row({{"serial", "Q-2"}, {"model", "Antminer S19\nPro (rev. 2)"}});
    const auto after = csv.row({{"serial", "Q-3"}});
    ASSERT_EQ(after, multiLine + 2); // the quoted line break takes a line of the file

    import(csv.text());

    EXPECT_EQ(unit("Q-1")->model, "Antminer S19 \"Pro\", hydro");
    EXPECT_EQ(unit("Q-2")->model, "Antminer S19\nPro (rev. 2)");
    EXPECT_TRUE(unit("Q-3"));
}

TEST_F(ShipmentImporterTest, LineNumbersCountQuotedLineBreaks)
{
    ImportCsv csv;
    csv.row({{"model", "Antminer S19\nPro"}});
    const auto bad = csv.row({{"route", "sea"}});
    EXPECT_EQ(bad, 4u);
    EXPECT_TRUE(hasProblem(refused(csv.text()), 4, "route", "'sea'"));
}

TEST_F(ShipmentImporterTest, AcceptsHeaderAliasesInAnyOrder)
{
    // A supplier's packing list: its own names, its own order, no optional columns.
    const std::string file =
        "Arrived;Transport;SN;Vendor;Model;TH/s;Power (W);Customs Value;Owner;Site;"
        "Declaration Number;Declaration_Date;Shipped\n"
        "10.03.2022;Rail;sn-a-1;Bitmain;Antminer S19j Pro;104;3068;980000,00;kazakh hash llp;"
        "EKIBASTUZ-1;50109010/150322/0001234;14.03.2022;20.02.2022\n";

    const auto summary = import(file);

    ASSERT_EQ(summary.columns.size(), 13u);
    EXPECT_EQ(summary.columns[0].header, "Arrived");
    EXPECT_EQ(summary.columns[0].canonical, "arrival_date");
    EXPECT_EQ(summary.columns[1].canonical, "route");
    EXPECT_EQ(summary.columns[2].canonical, "serial");
    EXPECT_EQ(summary.columns[3].canonical, "manufacturer");
    EXPECT_EQ(summary.columns[5].canonical, "hashrate_ths");
    EXPECT_EQ(summary.columns[6].canonical, "power_w");
    EXPECT_EQ(summary.columns[7].canonical, "customs_value");
    EXPECT_EQ(summary.columns[8].canonical, "legal_owner");
    EXPECT_EQ(summary.columns[10].canonical, "declaration_no");
    EXPECT_EQ(summary.columns[12].canonical, "dispatch_date");
    const auto imported = unit("SN-A-1");
    ASSERT_TRUE(imported);
    EXPECT_EQ(imported->legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(imported->site, "Ekibastuz-1");
    EXPECT_EQ(imported->customsCurrency, "KZT");
    EXPECT_EQ(imported->route, Route::Rail);
    EXPECT_FALSE(imported->lock); // no exemption_start column: imported with VAT paid
    EXPECT_EQ(summary.exemptUnits, 0u);
}

TEST_F(ShipmentImporterTest, RecognisesEveryDocumentedAlias)
{
    const std::vector<std::pair<std::string, std::string>> aliases{
        {"sn", "serial"},
        {"S/N", "serial"},
        {"Serial Number", "serial"},
        {"serial_no", "serial"},
        {" Serial  No ", "serial"},
        {"vendor", "manufacturer"},
        {"Brand", "manufacturer"},
        {"make", "manufacturer"},
        {"hashrate", "hashrate_ths"},
        {"Hashrate (TH/s)", "hashrate_ths"},
        {"th/s", "hashrate_ths"},
        {"THS", "hashrate_ths"},
        {"power", "power_w"},
        {"Power (W)", "power_w"},
        {"watts", "power_w"},
        {"value", "customs_value"},
        {"Customs Value", "customs_value"},
        {"exchange rate", "fx_rate"},
        {"rate", "fx_rate"},
        {"owner", "legal_owner"},
        {"Legal Owner", "legal_owner"},
        {"beneficial owner", "beneficial_owner"},
        {"hosting customer", "beneficial_owner"},
        {"client", "beneficial_owner"},
        {"VAT exemption start", "exemption_start"},
        {"exemption start", "exemption_start"},
        {"declaration", "declaration_no"},
        {"Customs Declaration", "declaration_no"},
        {"declaration number", "declaration_no"},
        {"transport", "route"},
        {"dispatched", "dispatch_date"},
        {"shipped", "dispatch_date"},
        {"arrived", "arrival_date"},
        {"IMPORTER", "importer"},
        {"exemption term years", "exemption_term_years"},
    };
    // A full file with one column's header swapped for the alias, dry-run.
    for (const auto& [header, canonical] : aliases) {
        auto columns = ImportCsv::canonical();
        columns.push_back("importer");
        columns.push_back("exemption_term_years");
        ImportCsv csv(columns);
        csv.rename(canonical, header);
        csv.row();
        const auto summary = ShipmentImporter(*ledger).importCsv(finance, csv.text(), true);
        bool found = false;
        for (const auto& match : summary.columns)
            found = found || (match.header == header && match.canonical == canonical);
        EXPECT_TRUE(found) << "'" << header << "' was not read as " << canonical;
    }
}

TEST_F(ShipmentImporterTest, IgnoresUnknownColumnsWithAWarning)
{
    auto columns = ImportCsv::canonical();
    columns.insert(columns.begin() + 3, "Notes");
    ImportCsv csv(columns);
    csv.row({{"serial", "N-1"}, {"Notes", "=cmd|' /C calc'!A0"}}); // ignored, even a formula

    const auto summary = import(csv.text());

    ASSERT_EQ(summary.columns.size(), 18u);
    EXPECT_EQ(summary.columns[3].header, "Notes");
    EXPECT_EQ(summary.columns[3].canonical, "");
    ASSERT_EQ(summary.warnings.size(), 1u);
    EXPECT_EQ(summary.warnings[0].line, 1u);
    EXPECT_NE(summary.warnings[0].message.find("'Notes'"), std::string::npos);
    EXPECT_NE(summary.warnings[0].message.find("ignored"), std::string::npos);
    EXPECT_TRUE(unit("N-1"));
}

TEST_F(ShipmentImporterTest, DryRunChecksEverythingAndWritesNothing)
{
    ImportCsv csv;
    csv.row();
    csv.row({{"exemption_start", ""}});
    const auto before = state();

    const auto summary = import(csv.text(), /*dryRun=*/true);

    EXPECT_EQ(before, state());
    EXPECT_TRUE(summary.dryRun);
    EXPECT_EQ(summary.journalSeq, 0);
    EXPECT_EQ(summary.units, 2u);
    EXPECT_EQ(summary.exemptUnits, 1u);
    EXPECT_EQ(summary.vatExempted, Tiyn(15'000'000));
    EXPECT_EQ(summary.earliestUnlock, Date(2027, 3, 16));
    // The same file then imports for real.
    EXPECT_EQ(import(csv.text()).units, 2u);
}

TEST_F(ShipmentImporterTest, AnyRoleMayDryRunButOnlyFinanceImports)
{
    ImportCsv csv;
    csv.row();
    const auto before = state();
    for (const auto* actor : {&manager, &auditor, &admin})
        EXPECT_EQ(ShipmentImporter(*ledger).importCsv(*actor, csv.text(), true).units, 1u);
    // The role is checked before the file: even a broken file answers with the role's refusal.
    for (const auto* actor : {&manager, &auditor, &admin}) {
        EXPECT_THROW(ShipmentImporter(*ledger).importCsv(*actor, csv.text(), false),
                     PermissionDenied);
        EXPECT_THROW(ShipmentImporter(*ledger).importCsv(*actor, "garbage\n\"", false),
                     PermissionDenied);
    }
    EXPECT_EQ(before, state());
}

TEST_F(ShipmentImporterTest, ConvertsForeignCurrencyExactlyRoundingHalfAwayFromZero)
{
    ImportCsv csv;
    // USD 3 333.33 at 450.5 KZT per USD: 333 333 cents × 450.5 = 150 166 516.5 tiyn exactly,
    // which rounds half away from zero to 150 166 517 (half-even or truncation would give ...516).
    // VAT exempted at 12%: 150 166 517 × 0.12 = 18 019 982.04 -> 18 019 982 tiyn.
    csv.row({{"serial", "USD-1"},
             {"customs_value", "3,333.33"},
             {"currency", "usd"},
             {"fx_rate", "450.5"}});
    // JPY has no minor unit: 250 000 yen × 3.21 = 802 500.00 KZT = 80 250 000 tiyn.
    csv.row({{"serial", "JPY-1"},
             {"customs_value", "250000"},
             {"currency", "JPY"},
             {"fx_rate", "3,21"}});
    // KWD has three decimals: 1 234.567 × 1 500.5 = 1 852 467.7835 KZT -> 185 246 778 tiyn
    // (.35 of a tiyn rounds down).
    csv.row({{"serial", "KWD-1"},
             {"customs_value", "1234.567"},
             {"currency", "KWD"},
             {"fx_rate", "1500.5"}});
    // Tenge may state its rate as 1.
    csv.row({{"serial", "KZT-1"}, {"fx_rate", "1.00"}});

    const auto summary = import(csv.text());

    const auto usd = unit("USD-1");
    EXPECT_EQ(usd->customsCurrency, "USD");
    EXPECT_EQ(usd->customsValueMinor, 333'333);
    EXPECT_EQ(usd->fxRate, "450.5");
    EXPECT_EQ(usd->customsValue, Tiyn(150'166'517));
    EXPECT_EQ(usd->vatExempted, Tiyn(18'019'982));
    const auto jpy = unit("JPY-1");
    EXPECT_EQ(jpy->customsValueMinor, 250'000);
    EXPECT_EQ(jpy->fxRate, "3.21");
    EXPECT_EQ(jpy->customsValue, Tiyn(80'250'000));
    const auto kwd = unit("KWD-1");
    EXPECT_EQ(kwd->customsValueMinor, 1'234'567);
    EXPECT_EQ(kwd->customsValue, Tiyn(185'246'778));
    const auto kzt = unit("KZT-1");
    EXPECT_EQ(kzt->customsValue, Tiyn(125'000'000));
    EXPECT_FALSE(kzt->fxRate);
    EXPECT_EQ(summary.customsValue, Tiyn(150'166'517 + 80'250'000 + 185'246'778 + 125'000'000));
}

TEST_F(ShipmentImporterTest, AddsUnitsToADeclarationTheLedgerHolds)
{
    ImportCsv first;
    first.row({{"serial", "FIRST-1"}});
    import(first.text());

    ImportCsv second;
    second.row({{"serial", "SECOND-1"}, {"declaration_date", "14.03.2022"}});
    const auto summary = import(second.text());

    EXPECT_EQ(count("SELECT count(*) FROM shipment"), 1);
    EXPECT_EQ(unit("SECOND-1")->shipmentId, unit("FIRST-1")->shipmentId);
    EXPECT_EQ(summary.declarations, std::vector<std::string>{"50109010/150322/0001234"});
}

TEST_F(ShipmentImporterTest, RefusesUnitsForARecordedDeclarationThatDisagrees)
{
    ImportCsv first;
    first.row({{"serial", "FIRST-1"}});
    import(first.text());

    ImportCsv second;
    second.row({{"serial", "SECOND-1"}, {"route", "truck"}, {"arrival_date", "2022-03-11"}});
    second.row({{"serial", "SECOND-2"},
                {"route", "truck"},
                {"arrival_date", "2022-03-11"},
                {"legal_owner", "Altyn Mining LLP"},
                {"site", "Karagandy-2"}});
    const auto problems = refused(second.text());

    EXPECT_TRUE(hasProblem(problems, 2, "route", "already in the ledger with route rail"));
    EXPECT_TRUE(hasProblem(problems, 2, "arrival_date", "2022-03-10"));
    EXPECT_TRUE(hasProblem(problems, 3, "legal_owner", "line 2 (its first row)"));
}

TEST_F(ShipmentImporterTest, RefusesAnImporterOtherThanTheRecordedOne)
{
    ImportCsv first;
    first.row({{"serial", "FIRST-1"}});
    import(first.text());

    auto columns = ImportCsv::canonical();
    columns.push_back("importer");
    ImportCsv second(columns);
    second.row({{"serial", "SECOND-1"}, {"importer", "Altyn Mining LLP"}});
    EXPECT_TRUE(hasProblem(refused(second.text()), 2, "importer",
                           "already in the ledger with importer Kazakh Hash LLP"));
}

TEST_F(ShipmentImporterTest, RecordsTheImporterColumnAndTheExemptionTerm)
{
    auto columns = ImportCsv::canonical();
    columns.push_back("importer");
    columns.push_back("exemption_term_years");
    ImportCsv csv(columns);
    // A Singapore-owned unit imported with VAT paid, cleared by a Kazakh importer.
    csv.row({{"serial", "IMP-1"},
             {"legal_owner", "Harbour Digital Ltd"},
             {"exemption_start", ""},
             {"importer", "Altyn Mining LLP"}});
    csv.row({{"serial", "IMP-2"},
             {"importer", "Altyn Mining LLP"},
             {"exemption_start", "2024-02-29"},
             {"exemption_term_years", "3"}});

    // The same exemption start as the row before, the standard term: its own lock end.
    csv.row(
        {{"serial", "IMP-3"}, {"importer", "Altyn Mining LLP"}, {"exemption_start", "2024-02-29"}});

    import(csv.text());

    const auto fiveYears = unit("IMP-3");
    EXPECT_EQ(fiveYears->lock->years(), 5);
    EXPECT_EQ(fiveYears->lock->lockEnd(), Date(2029, 2, 28));
    EXPECT_EQ(fiveYears->lock->unlockDate(), Date(2029, 3, 1));
    EXPECT_EQ(count("SELECT count(*) FROM unit WHERE serial = 'IMP-3' AND lock_end = "
                    "'2029-02-28' AND unlock_date = '2029-03-01'"),
              1);
    EXPECT_EQ(count("SELECT importer_id FROM shipment"),
              EntityRegistry(*ledger).require("Altyn Mining LLP").id);
    EXPECT_EQ(unit("IMP-1")->legalOwner, "Harbour Digital Ltd");
    const auto threeYears = unit("IMP-2");
    EXPECT_EQ(threeYears->lock->years(), 3);
    EXPECT_EQ(threeYears->lock->lockEnd(), Date(2027, 2, 28));
    EXPECT_EQ(threeYears->lock->unlockDate(), Date(2027, 3, 1));
    EXPECT_EQ(count("SELECT exemption_term_years FROM unit WHERE serial = 'IMP-2'"), 3);
}

TEST_F(ShipmentImporterTest, WarnsOnceOfATransitFarOutsideItsRoute)
{
    ImportCsv csv;
    // By air in 30 days (typically 3-5): over twice the longest, so a warning at its first line.
    const auto slowLine = csv.row({{"serial", "SLOW-1"},
                                   {"route", "air"},
                                   {"declaration_no", "AIR-SLOW"},
                                   {"dispatch_date", "2022-02-08"}});
    csv.row({{"serial", "SLOW-2"},
             {"route", "air"},
             {"declaration_no", "AIR-SLOW"},
             {"dispatch_date", "2022-02-08"}});
    // By rail in 6 days (typically 14-21): under half the shortest.
    const auto fastLine = csv.row(
        {{"serial", "FAST-1"}, {"declaration_no", "RAIL-FAST"}, {"dispatch_date", "2022-03-04"}});
    // By rail in 7 days: exactly half the shortest, within the tolerance.
    csv.row({{"serial", "OK-1"}, {"declaration_no", "RAIL-OK"}, {"dispatch_date", "2022-03-03"}});

    const auto summary = import(csv.text());

    ASSERT_EQ(summary.warnings.size(), 2u);
    EXPECT_EQ(summary.warnings[0].line, slowLine);
    EXPECT_NE(summary.warnings[0].message.find("AIR-SLOW took 30 days"), std::string::npos)
        << summary.warnings[0].message;
    EXPECT_NE(summary.warnings[0].message.find("3 to 5 days"), std::string::npos);
    EXPECT_EQ(summary.warnings[1].line, fastLine);
    EXPECT_NE(summary.warnings[1].message.find("RAIL-FAST took 6 days"), std::string::npos);
    EXPECT_EQ(summary.units, 4u); // accepted all the same
}

TEST_F(ShipmentImporterTest, ImportsAFileFromDiskAndReportsProgress)
{
    ImportCsv csv;
    for (int i = 0; i < 2500; ++i)
        csv.row();
    const auto path = writeFile("import-progress.csv", csv.text());
    std::vector<std::pair<std::size_t, std::size_t>> calls;

    const auto summary = ShipmentImporter(*ledger).importFile(
        finance, path, false, [&](std::size_t done, std::size_t total) {
            EXPECT_LE(done, total);
            calls.emplace_back(done, total);
        });

    EXPECT_EQ(summary.units, 2500u);
    EXPECT_EQ(count("SELECT count(*) FROM unit"), 2500);
    EXPECT_EQ(count("SELECT count(*) FROM unit_event WHERE kind = 'imported'"), 2500);
    ASSERT_GE(calls.size(), 4u);
    EXPECT_EQ(calls.back(), std::make_pair(std::size_t{2500}, std::size_t{2500}));
    std::filesystem::remove(path);
}

TEST_F(ShipmentImporterTest, AProgressThatThrowsCancelsTheImport)
{
    ImportCsv csv;
    for (int i = 0; i < 2500; ++i)
        csv.row();
    const auto before = state();
    // Reading reports at rows 1 024, 2 048 and 2 500; writing from its 1 024th unit on.
    for (const int cancelAt : {1, 4}) {
        int calls = 0;
        const auto cancel = [&](std::size_t, std::size_t) {
            if (++calls == cancelAt)
                throw std::runtime_error("cancelled");
        };
        EXPECT_THROW(ShipmentImporter(*ledger).importCsv(finance, csv.text(), false, cancel),
                     std::runtime_error);
        EXPECT_EQ(calls, cancelAt);
        EXPECT_EQ(before, state());
    }
    EXPECT_EQ(import(csv.text()).units, 2500u);
}

TEST_F(ShipmentImporterTest, RefusesAMissingEmptyOrHeaderOnlyFile)
{
    EXPECT_THROW(ShipmentImporter(*ledger).importFile(finance, "/nonexistent/units.csv", false),
                 InvalidInput);
    const auto empty = refused("");
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_TRUE(hasProblem(empty, 1, "", "the file is empty"));
    EXPECT_TRUE(hasProblem(refused(importHeader()), 1, "", "has a header but no units"));
    const auto path = writeFile("import-empty.csv", "\xEF\xBB\xBF\r\n");
    try {
        ShipmentImporter(*ledger).importFile(finance, path, false);
        ADD_FAILURE() << "an empty file was imported";
    } catch (const ImportRefused& refusal) {
        EXPECT_NE(std::string(refusal.what()).find("the file is empty"), std::string::npos);
    }
    std::filesystem::remove(path);
}

TEST_F(ShipmentImporterTest, AnImportedLedgerVerifies)
{
    // verify replays the journal's row images: the import must journal every row it writes.
    ImportCsv csv;
    csv.row();
    csv.row({{"exemption_start", ""}, {"beneficial_owner", "Harbour Digital Ltd"}});
    csv.row({{"currency", "USD"}, {"fx_rate", "470.25"}, {"customs_value", "2,760.50"}});
    import(csv.text());
    ImportCsv more;
    more.row({{"serial", "LATER-1"}}); // added to the shipment recorded above
    import(more.text());

    const auto result = LedgerVerifier(*ledger).verify();
    EXPECT_TRUE(result.ok) << (result.failures.empty() ? "" : result.failures.front());
}

TEST_F(ShipmentImporterTest, TheFixtureRowsImport)
{
    importUnits(importHeader() + importRow("FIX-1") + importRow("FIX-2", "") +
                importRow("FIX-3", "2026-01-05", "DECL-2026", "2026-01-05", "2000000.00"));
    EXPECT_EQ(unit("FIX-3")->vatExempted, Tiyn(32'000'000));
    EXPECT_EQ(count("SELECT count(*) FROM unit"), 3);
}

} // namespace
} // namespace asicledger::testing
