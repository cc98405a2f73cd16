#include "Discrepancies.hpp"

#include "ReportsFixture.hpp"
#include "UnitActions.hpp"
#include "UnitPlacement.hpp"
#include "UnitRegister.hpp"
#include "UnitRegisterAsOf.hpp"

#include <gtest/gtest.h>
#include <map>

namespace asicledger::testing {
namespace {

// A hand-built ledger around one inspection of Ekibastuz-1 on 2026-10-15. Every unit arrived in
// May 2020 and unlocked in May 2025, so finance may move, sell and export them since.
class InspectionDiscrepancies : public ReportsFixture
{
protected:
    void SetUp() override
    {
        ReportsFixture::SetUp();
        arrive({{"SN-A1"},
                {"SN-A2"},
                {"SN-A3"},
                {"SN-MOVED-OUT"},               // moved to Karagandy-2 before
                {"SN-MOVED-IN", "Karagandy-2"}, // moved to Ekibastuz-1 after
                {"SN-LEFT-AFTER"},              // moved to Karagandy-2 after
                {"SN-EXPORTED"},                // exported before
                {"SN-SOLD"},                    // sold, stays on site
                {"SN-K1", "Karagandy-2", "Altyn Mining LLP"}});
        arrive({{"SN-LATE", "Ekibastuz-1", "Kazakh Hash LLP", "2026-11-05"}}); // arrives after
        UnitActions actions(*ledger);
        actions.move(finance, {"SN-MOVED-OUT"}, "Karagandy-2", day("2026-09-01"));
        actions.exportUnits(finance, {"SN-EXPORTED"}, day("2026-09-15"));
        actions.sell(finance, {"SN-SOLD"}, "Altyn Mining LLP", day("2026-08-01"));
        actions.move(finance, {"SN-MOVED-IN"}, "Ekibastuz-1", day("2026-11-01"));
        actions.move(finance, {"SN-LEFT-AFTER"}, "Karagandy-2", day("2026-11-10"));

        inspection = inspect("Ekibastuz-1", "2026-10-15",
                             "serial,finding\n"
                             "SN-A1,present\n"         // 2
                             "SN-A2,damaged\n"         // 3
                             "SN-MOVED-OUT,present\n"  // 4: the ledger has it at Karagandy-2
                             "SN-GHOST-1,present\n"    // 5: unknown to the ledger
                             "SN-LATE,present\n"       // 6: not imported until November
                             "SN-EXPORTED,present\n"   // 7: exported in September
                             "SN-SOLD,powered_off\n"); // 8
    }

    InspectionRecord inspection;
};

TEST_F(InspectionDiscrepancies, MissingUnexpectedAndAdverseAgainstThatDay)
{
    const auto report = Discrepancies(*ledger).compute(inspection);
    const auto& summary = report.summary;

    // Expected on 2026-10-15: A1 A2 A3 LEFT-AFTER SOLD (MOVED-IN came later, MOVED-OUT left,
    // EXPORTED left the country, LATE had not arrived).
    EXPECT_EQ(summary.expected, 5);
    EXPECT_EQ(summary.seen, 7);
    EXPECT_EQ(summary.confirmed, 3); // A1 A2 SOLD
    EXPECT_EQ(summary.missing, 2);
    EXPECT_EQ(summary.unknownSerial, 1);
    EXPECT_EQ(summary.elsewhere, 1);
    EXPECT_EQ(summary.notInKazakhstan, 2);
    EXPECT_EQ(summary.unexpected(), 4);
    EXPECT_EQ(summary.adverse, 2);
    EXPECT_EQ(summary.lines(), 9);

    std::vector<std::string> missing;
    for (const auto& line : report.missing)
        missing.push_back(line.serial);
    EXPECT_EQ(missing, (std::vector<std::string>{"SN-A3", "SN-LEFT-AFTER"}));

    std::map<std::string, InspectionLine> unexpected;
    for (const auto& line : report.unexpected)
        unexpected[line.serial] = line;
    ASSERT_EQ(unexpected.size(), 4u);
    EXPECT_EQ(unexpected["SN-GHOST-1"].outcome, InspectionOutcome::UnknownSerial);
    EXPECT_FALSE(unexpected["SN-GHOST-1"].unit.has_value());
    EXPECT_EQ(unexpected["SN-GHOST-1"].lineNo, 5u);

    const auto& movedOut = unexpected["SN-MOVED-OUT"];
    EXPECT_EQ(movedOut.outcome, InspectionOutcome::Elsewhere);
    EXPECT_NE(movedOut.note.find("Karagandy-2"), std::string::npos) << movedOut.note;
    ASSERT_TRUE(movedOut.unit.has_value());
    EXPECT_EQ(movedOut.unit->site, "Karagandy-2");

    EXPECT_EQ(unexpected["SN-LATE"].outcome, InspectionOutcome::NotInKazakhstan);
    EXPECT_NE(unexpected["SN-LATE"].note.find("2026-11-05"), std::string::npos)
        << unexpected["SN-LATE"].note;
    EXPECT_EQ(unexpected["SN-EXPORTED"].outcome, InspectionOutcome::NotInKazakhstan);
    EXPECT_NE(unexpected["SN-EXPORTED"].note.find("exported on 2026-09-15"), std::string::npos)
        << unexpected["SN-EXPORTED"].note;

    std::map<std::string, InspectionFinding> adverse;
    for (const auto& line : report.adverse)
        adverse[line.serial] = *line.finding;
    EXPECT_EQ(adverse, (std::map<std::string, InspectionFinding>{
                           {"SN-A2", InspectionFinding::Damaged},
                           {"SN-SOLD", InspectionFinding::PoweredOff}}));
}

TEST_F(InspectionDiscrepancies, EveryLineComesOnceInSerialOrderWithTheOwnerOfThatDay)
{
    std::vector<std::string> serials;
    std::map<std::string, InspectionLine> lines;
    Discrepancies(*ledger).forEachLine(inspection, [&](const InspectionLine& line) {
        serials.push_back(line.serial);
        lines[line.serial] = line;
    });
    EXPECT_EQ(serials,
              (std::vector<std::string>{"SN-A1", "SN-A2", "SN-A3", "SN-EXPORTED", "SN-GHOST-1",
                                        "SN-LATE", "SN-LEFT-AFTER", "SN-MOVED-OUT", "SN-SOLD"}));
    EXPECT_FALSE(lines.count("SN-MOVED-IN")) << "it came to the site after the inspection";
    EXPECT_EQ(lines["SN-SOLD"].outcome, InspectionOutcome::Confirmed);
    EXPECT_EQ(lines["SN-SOLD"].unit->legalOwner, "Altyn Mining LLP");
    EXPECT_EQ(lines["SN-LEFT-AFTER"].outcome, InspectionOutcome::Missing);
    EXPECT_EQ(lines["SN-LEFT-AFTER"].unit->site, "Ekibastuz-1") << "its site on the day";
}

TEST_F(InspectionDiscrepancies, ASerialImportedAfterTheInspectionWasRecordedIsStillMatched)
{
    // The unit was on site on 2026-10-15 but finance entered its import only later (paperwork
    // late, with its true arrival date): the sighting is matched by serial, not by unit id.
    auto late = inspect("Ekibastuz-1", "2026-10-16", "SN-PAPER-LATE\nSN-A1\n");
    arrive({{"SN-PAPER-LATE", "Ekibastuz-1", "Kazakh Hash LLP", "2026-10-01"}});
    const auto report = Discrepancies(*ledger).compute(late);
    EXPECT_EQ(report.summary.unknownSerial, 0);
    EXPECT_EQ(report.summary.confirmed, 2);
}

TEST_F(InspectionDiscrepancies, PlacementReadsTheHistoryOfThatDay)
{
    const auto movedOut = UnitRegister(*ledger).require(Serial("SN-MOVED-OUT"));
    UnitPlacement placement(*ledger);
    const auto before = placement.on(movedOut.id, day("2026-08-31"));
    ASSERT_TRUE(before.has_value());
    EXPECT_EQ(before->site, "Ekibastuz-1");
    EXPECT_FALSE(before->fromCurrentRow) << "unit_event must carry the placement after each event";
    EXPECT_EQ(placement.on(movedOut.id, day("2026-09-01"))->site, "Karagandy-2")
        << "a move dated that day counts at the end of it";

    const auto late = UnitRegister(*ledger).require(Serial("SN-LATE"));
    const auto notYet = placement.on(late.id, day("2026-10-15"));
    EXPECT_FALSE(notYet->arrivedBy());
    EXPECT_FALSE(notYet->inKazakhstan());
    EXPECT_TRUE(placement.on(late.id, day("2026-11-05"))->inKazakhstan());

    const auto exported = UnitRegister(*ledger).require(Serial("SN-EXPORTED"));
    EXPECT_TRUE(placement.on(exported.id, day("2026-09-15"))->inKazakhstan())
        << "on its export day it is still where it was";
    EXPECT_FALSE(placement.on(exported.id, day("2026-09-16"))->inKazakhstan());
}

TEST_F(InspectionDiscrepancies, TheRegisterAsOfAPastDateUndoesLaterSalesAndMoves)
{
    const auto registerOn = [&](const std::string& date, const RegisterFilter& filter) {
        std::map<std::string, UnitAsOf> units;
        UnitRegisterAsOf(*ledger, day(date)).forEach(filter, [&](const UnitAsOf& row) {
            units[row.unit.serial] = row;
            return true;
        });
        return units;
    };

    const auto july = registerOn("2026-07-01", {});
    EXPECT_EQ(july.size(), 9u) << "everything but SN-LATE";
    EXPECT_FALSE(july.count("SN-LATE"));
    EXPECT_EQ(july.at("SN-SOLD").unit.legalOwner, "Kazakh Hash LLP");
    EXPECT_EQ(july.at("SN-MOVED-OUT").unit.site, "Ekibastuz-1");
    EXPECT_EQ(july.at("SN-MOVED-IN").unit.site, "Karagandy-2");
    EXPECT_EQ(july.at("SN-EXPORTED").unit.status, UnitStatus::Running);
    EXPECT_EQ(july.at("SN-A1").lockState, LockState::Unlocked);
    EXPECT_EQ(UnitRegisterAsOf(*ledger, day("2026-07-01")).count({}), 9);

    const auto today = registerOn("2026-11-23", {});
    EXPECT_EQ(today.size(), 9u) << "SN-LATE arrived, SN-EXPORTED left";
    EXPECT_FALSE(today.count("SN-EXPORTED"));
    EXPECT_EQ(today.at("SN-SOLD").unit.legalOwner, "Altyn Mining LLP");
    EXPECT_EQ(today.at("SN-MOVED-OUT").unit.site, "Karagandy-2");
    EXPECT_EQ(today.at("SN-LATE").lockState, LockState::Locked);

    RegisterFilter atEkibastuz;
    atEkibastuz.site = "Ekibastuz-1";
    const auto siteInJuly = registerOn("2026-07-01", atEkibastuz);
    EXPECT_EQ(siteInJuly.size(), 7u); // A1 A2 A3 MOVED-OUT LEFT-AFTER EXPORTED SOLD
    EXPECT_TRUE(siteInJuly.count("SN-MOVED-OUT"));
    EXPECT_FALSE(siteInJuly.count("SN-MOVED-IN"));
    EXPECT_EQ(UnitRegisterAsOf(*ledger, day("2026-07-01")).count(atEkibastuz), 7);

    RegisterFilter ofAltyn;
    ofAltyn.entity = "Altyn Mining LLP";
    EXPECT_EQ(registerOn("2026-07-01", ofAltyn).size(), 1u); // SN-K1
    EXPECT_EQ(registerOn("2026-11-23", ofAltyn).size(), 2u); // and SN-SOLD
    RegisterFilter unknown;
    unknown.site = "Nowhere";
    EXPECT_THROW(registerOn("2026-07-01", unknown), NotFound);
}

} // namespace
} // namespace asicledger::testing
