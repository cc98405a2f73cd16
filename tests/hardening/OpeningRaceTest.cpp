// Several programs opening one ledger file at the same moment: two clerks running `init` on the
// same new file, or the first programs after an update bringing an older ledger's schema up to
// date together. One does the work; the others wait and find it done, or are refused in words.

#include "ChildProcess.hpp"
#include "LedgerFixture.hpp"
#include "LedgerInspection.hpp"
#include "SchemaMigrator.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace asicledger::testing {
namespace {

constexpr int kRounds = 4;
constexpr int kPrograms = 6;

// Starts `kPrograms` runs of the same command at once and waits for all of them.
std::vector<ProcessResult> together(const std::vector<std::string>& arguments,
                                    const std::map<std::string, std::string>& environment)
{
    std::vector<std::unique_ptr<ChildProcess>> programs;
    for (int i = 0; i < kPrograms; ++i)
        programs.push_back(
            std::make_unique<ChildProcess>(asicledgerBinary(), arguments, environment));
    std::vector<ProcessResult> results;
    for (auto& program : programs)
        results.push_back(program->wait());
    return results;
}

TEST(OpeningRace, InitsOnOneNewFileSetItUpOnceAndRefuseTheOthersInWords)
{
    int refused = 0;
    for (int round = 1; round <= kRounds; ++round) {
        TemporaryFile file;
        const auto results =
            together({"init", "--admin", "admin"}, cliEnvironment(file.path(), "admin"));
        int created = 0;
        for (const auto& result : results) {
            if (result.exitCode == 0) {
                ++created;
                continue;
            }
            ++refused;
            EXPECT_EQ(result.exitCode, 1) << result.err;
            EXPECT_NE(result.err.find("is already an initialised ledger"), std::string::npos)
                << result.err;
        }
        EXPECT_EQ(created, 1) << "round " << round;
        LedgerInspection inspection(file.path());
        EXPECT_EQ(inspection.count("SELECT count(*) FROM app_user"), 1);
        EXPECT_EQ(inspection.count("SELECT count(*) FROM journal"), 1);
        const auto verified =
            ChildProcess::run(asicledgerBinary(), {"verify"}, cliEnvironment(file.path(), "admin"));
        EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;
    }
    std::cout << fmt::format("{} rounds of {} simultaneous inits: {} refused in words\n", kRounds,
                             kPrograms, refused);
}

class OpeningRaceUpgrade : public LedgerFixture
{};

TEST_F(OpeningRaceUpgrade, ProgramsOpeningAnOlderLedgerTogetherUpgradeItOnce)
{
    // The ledger as the release before inspections left it: schema 2, no inspection tables, none
    // of 004's query indexes (with unit_event_by_site, which 004 replaces, back in place) and no
    // unlock tally (005).
    ledger->db().exec(
        "DROP TRIGGER unlock_tally_unit_insert; DROP TRIGGER unlock_tally_unit_update; "
        "DROP TRIGGER unlock_tally_unit_delete; DROP TABLE unlock_tally; "
        "DROP INDEX unit_schedule; DROP INDEX unit_event_by_site_unit; "
        "DROP INDEX unit_event_exports; "
        "CREATE INDEX unit_event_by_site ON unit_event(site_id, event_date) "
        "WHERE site_id IS NOT NULL; "
        "DROP TABLE inspection_sighting; DROP TABLE inspection; "
        "PRAGMA user_version = 2");
    ledger.reset();
    TemporaryFile old(".old.ledger");
    std::filesystem::copy_file(file.path(), old.path());
    for (int round = 1; round <= kRounds; ++round) {
        TemporaryFile copy;
        std::filesystem::copy_file(old.path(), copy.path());
        const auto results = together({"journal", "head"}, cliEnvironment(copy.path(), "auditor"));
        for (const auto& result : results) {
            EXPECT_EQ(result.exitCode, 0) << "round " << round << ": " << result.err;
            EXPECT_EQ(result.out, results.front().out);
        }
        LedgerInspection inspection(copy.path());
        EXPECT_EQ(inspection.count("PRAGMA user_version"), SchemaMigrator::latestVersion());
        EXPECT_EQ(inspection.count("SELECT count(*) FROM inspection"), 0);
        EXPECT_EQ(inspection.count("SELECT coalesce(sum(units), 0) FROM unlock_tally"),
                  inspection.count("SELECT count(*) FROM unit WHERE unlock_date IS NOT NULL AND "
                                   "status <> 'exported' AND released_on IS NULL"));
        const auto verified = ChildProcess::run(asicledgerBinary(), {"verify"},
                                                cliEnvironment(copy.path(), "auditor"));
        EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;
    }
}

} // namespace
} // namespace asicledger::testing
