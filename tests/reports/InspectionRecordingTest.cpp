#include "InspectionDesk.hpp"
#include "InspectionQuery.hpp"
#include "LedgerVerifier.hpp"
#include "ReportsFixture.hpp"

#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>

namespace asicledger::testing {
namespace {

class InspectionRecording : public ReportsFixture
{
protected:
    void SetUp() override
    {
        ReportsFixture::SetUp();
        arrive({{"SN-A1"}, {"SN-A2"}, {"SN-A3"}, {"SN-K1", "Karagandy-2", "Altyn Mining LLP"}});
    }

    NewInspection act(const std::string& reference = "PV-2026-114")
    {
        NewInspection inspection;
        inspection.site = "Ekibastuz-1";
        inspection.date = day("2026-11-20");
        inspection.authority = "Pavlodar Region State Revenue Department";
        inspection.inspectors = {"A. Nurlanov", " B. Seitkali "};
        inspection.reference = reference;
        return inspection;
    }

    std::vector<Sighting> sightingsByLine(std::int64_t inspectionId)
    {
        std::vector<Sighting> sightings;
        InspectionQuery(*ledger).forEachSighting(inspectionId, [&](const Sighting& sighting) {
            sightings.push_back(sighting);
            return true;
        });
        std::sort(sightings.begin(), sightings.end(),
                  [](const auto& a, const auto& b) { return a.lineNo < b.lineNo; });
        return sightings;
    }
};

TEST_F(InspectionRecording, AScannerDumpIsOneSerialALineAllPresent)
{
    const std::string dump = "# scanner 2 dump, hall B\r\n"
                             "sn-a1\r\n"
                             "\r\n"
                             "  SN-A2  \r\n"
                             "# row 4\r\n"
                             "SN-UNKNOWN-7\r\n";
    const auto before = rows("journal");
    const auto recorded = InspectionDesk(*ledger).record(auditor, act(), dump);

    EXPECT_EQ(recorded.site, "Ekibastuz-1");
    EXPECT_EQ(recorded.siteOperator, "Kazakh Hash LLP");
    EXPECT_EQ(recorded.inspectors, "A. Nurlanov; B. Seitkali");
    EXPECT_EQ(recorded.recordedBy, "auditor");
    EXPECT_EQ(recorded.serialsSeen, 3);
    EXPECT_EQ(rows("journal"), before + 1);
    EXPECT_EQ(ledger->db().execAndGet("SELECT action FROM journal ORDER BY seq DESC").getString(),
              "inspection.record");

    const auto seen = sightingsByLine(recorded.id);
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[0].serial, "SN-A1");
    EXPECT_EQ(seen[0].lineNo, 2u);
    EXPECT_TRUE(seen[0].unitId.has_value());
    EXPECT_EQ(seen[1].serial, "SN-A2");
    EXPECT_EQ(seen[1].lineNo, 4u);
    EXPECT_EQ(seen[2].serial, "SN-UNKNOWN-7");
    EXPECT_EQ(seen[2].lineNo, 6u);
    EXPECT_FALSE(seen[2].unitId.has_value()) << "an unknown serial is kept, with no unit";
    for (const auto& sighting : seen)
        EXPECT_EQ(sighting.finding, InspectionFinding::Present);
}

TEST_F(InspectionRecording, ACsvGivesEachSerialItsFinding)
{
    // Excel in a Russian locale: BOM, semicolons, a header, findings as people write them.
    const std::string csv = "\xEF\xBB\xBFSerial;Finding\n"
                            "SN-A1;present\n"
                            "SN-A2;Tampered label\n"
                            "SN-A3;powered-off\n"
                            "SN-K1;LABEL_UNREADABLE\n"
                            "SN-X9;damaged\n"
                            "SN-X10;\n";
    const auto recorded = InspectionDesk(*ledger).record(auditor, act(), csv);
    const auto seen = sightingsByLine(recorded.id);
    ASSERT_EQ(seen.size(), 6u);
    EXPECT_EQ(seen[0].finding, InspectionFinding::Present);
    EXPECT_EQ(seen[1].finding, InspectionFinding::TamperedLabel);
    EXPECT_EQ(seen[2].finding, InspectionFinding::PoweredOff);
    EXPECT_EQ(seen[3].finding, InspectionFinding::LabelUnreadable);
    EXPECT_EQ(seen[4].finding, InspectionFinding::Damaged);
    EXPECT_EQ(seen[5].finding, InspectionFinding::Present) << "an empty finding means present";
    EXPECT_EQ(seen[1].lineNo, 3u);
    EXPECT_EQ(ledger->db()
                  .execAndGet("SELECT finding FROM inspection_sighting WHERE serial = 'SN-A2'")
                  .getString(),
              "tampered_label");
}

TEST_F(InspectionRecording, EveryBadLineIsReportedByLineNumberAndNothingIsWritten)
{
    const std::string csv = "serial,finding\n"   // 1
                            "SN-A1,present\n"    // 2
                            "SN A2,present\n"    // 3: a blank inside the serial
                            "SN-A3,brokn\n"      // 4: unknown finding
                            "\n"                 // 5
                            "sn-a1,damaged\n"    // 6: SN-A1 again
                            "SN-K1,present,x\n"; // 7: the header names the columns; extra ignored
    const auto journalBefore = rows("journal");
    try {
        InspectionDesk(*ledger).record(auditor, act(), csv);
        FAIL() << "a file with bad lines must be refused";
    } catch (const InspectionRefused& refused) {
        const auto& problems = refused.problems();
        ASSERT_EQ(problems.size(), 3u) << refused.what();
        EXPECT_EQ(problems[0].line, 3u);
        EXPECT_NE(problems[0].message.find("Latin letters"), std::string::npos)
            << problems[0].message;
        EXPECT_EQ(problems[1].line, 4u);
        EXPECT_NE(problems[1].message.find("brokn"), std::string::npos) << problems[1].message;
        EXPECT_NE(problems[1].message.find("tampered_label"), std::string::npos)
            << "the message lists the findings that exist";
        EXPECT_EQ(problems[2].line, 6u);
        EXPECT_NE(problems[2].message.find("first on line 2"), std::string::npos)
            << problems[2].message;
        EXPECT_NE(std::string(refused.what()).find("line 4"), std::string::npos);
    }
    EXPECT_EQ(rows("inspection"), 0);
    EXPECT_EQ(rows("inspection_sighting"), 0);
    EXPECT_EQ(rows("journal"), journalBefore);
}

TEST_F(InspectionRecording, AScannerDumpWithTooManyCellsOrNoSerialsIsRefused)
{
    EXPECT_THROW(InspectionDesk(*ledger).record(auditor, act(), "# nothing scanned\n\n"),
                 InspectionRefused);
    try {
        InspectionDesk(*ledger).record(auditor, act(), "SN-A1,present\nSN-A2,present,extra\n");
        FAIL();
    } catch (const InspectionRefused& refused) {
        ASSERT_EQ(refused.problems().size(), 1u);
        EXPECT_EQ(refused.problems()[0].line, 2u);
    }
    EXPECT_EQ(rows("inspection"), 0);
}

TEST_F(InspectionRecording, OnlyAuditorsAndAdministratorsRecordInspections)
{
    const auto journalBefore = rows("journal");
    for (const auto* actor : {&finance, &manager}) {
        try {
            InspectionDesk(*ledger).record(*actor, act(), "SN-A1\n");
            FAIL() << actor->name << " must not record inspections";
        } catch (const PermissionDenied& denied) {
            EXPECT_NE(std::string(denied.what()).find("auditor"), std::string::npos)
                << denied.what();
        }
    }
    // The role is refused before the file is read: finance learns nothing about its lines.
    EXPECT_THROW(InspectionDesk(*ledger).record(finance, act(), "bad serial!\n"), PermissionDenied);
    EXPECT_EQ(rows("inspection"), 0);
    EXPECT_EQ(rows("journal"), journalBefore);

    EXPECT_NO_THROW(InspectionDesk(*ledger).record(admin, act("PV-ADMIN-1"), "SN-A1\n"));
    EXPECT_EQ(rows("inspection"), 1);
}

TEST_F(InspectionRecording, TheActHeaderIsChecked)
{
    InspectionDesk desk(*ledger);
    auto future = act();
    future.date = day("2026-11-24");
    EXPECT_THROW(desk.record(auditor, future, "SN-A1\n"), Refusal);

    auto nowhere = act();
    nowhere.site = "Oskemen-9";
    EXPECT_THROW(desk.record(auditor, nowhere, "SN-A1\n"), NotFound);

    auto nobody = act();
    nobody.inspectors = {" ", ""};
    EXPECT_THROW(desk.record(auditor, nobody, "SN-A1\n"), InvalidInput);

    auto noReference = act(" ");
    EXPECT_THROW(desk.record(auditor, noReference, "SN-A1\n"), InvalidInput);
    EXPECT_EQ(rows("inspection"), 0);

    desk.record(auditor, act("PV-2026-114"), "SN-A1\n");
    // The same authority cannot use a reference twice (whatever its case); another authority can.
    try {
        desk.record(auditor, act("pv-2026-114"), "SN-A2\n");
        FAIL() << "a reference is unique per authority";
    } catch (const Refusal& refusal) {
        EXPECT_NE(std::string(refusal.what()).find("inspection 1"), std::string::npos)
            << refusal.what();
    }
    auto other = act("PV-2026-114");
    other.authority = "Ministry of Energy";
    EXPECT_NO_THROW(desk.record(auditor, other, "SN-A2\n"));
    EXPECT_EQ(rows("inspection"), 2);
}

TEST_F(InspectionRecording, InspectionsAreAppendOnlyAndPassVerify)
{
    inspect("Ekibastuz-1", "2026-11-20", "SN-A1\nSN-A2\n");
    EXPECT_THROW(ledger->db().exec("UPDATE inspection SET authority = 'x'"), SQLite::Exception);
    EXPECT_THROW(ledger->db().exec("DELETE FROM inspection_sighting"), SQLite::Exception);
    EXPECT_THROW(ledger->db().exec("UPDATE inspection_sighting SET finding = 'damaged'"),
                 SQLite::Exception);
    const auto result = LedgerVerifier(*ledger).verify();
    EXPECT_TRUE(result.ok) << (result.failures.empty() ? "" : result.failures.front());
}

TEST_F(InspectionRecording, ListsShowTheLastInspectionPerSiteAndUnitsNeverInspected)
{
    inspect("Ekibastuz-1", "2026-06-01", "SN-A1\n");
    inspect("Ekibastuz-1", "2026-11-20", "SN-A2\n");
    InspectionQuery query(*ledger);

    const auto all = query.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(isoDate(all[0].date), "2026-11-20") << "newest first";
    EXPECT_EQ(query.list(std::string("Karagandy-2")).size(), 0u);
    EXPECT_THROW(query.list(std::string("Nowhere")), NotFound);

    const auto sites = query.sites();
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_EQ(sites[0].site, "Ekibastuz-1");
    ASSERT_TRUE(sites[0].lastInspected.has_value());
    EXPECT_EQ(isoDate(*sites[0].lastInspected), "2026-11-20");
    EXPECT_EQ(sites[0].inspections, 2);
    EXPECT_EQ(sites[1].site, "Karagandy-2");
    EXPECT_FALSE(sites[1].lastInspected.has_value());

    std::vector<std::string> never;
    query.forEachNeverInspected(std::nullopt, [&](const UnitRecord& unit) {
        never.push_back(unit.serial);
        return true;
    });
    EXPECT_EQ(never, (std::vector<std::string>{"SN-A3", "SN-K1"}));
    EXPECT_EQ(query.countNeverInspected(std::string("Karagandy-2")), 1);

    const auto sightings = query.sightingsOf("SN-A1");
    ASSERT_EQ(sightings.size(), 1u);
    EXPECT_EQ(isoDate(sightings[0].inspection.date), "2026-06-01");
}

} // namespace
} // namespace asicledger::testing
