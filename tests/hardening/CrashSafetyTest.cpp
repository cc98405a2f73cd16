// Crash safety: a 100,000-unit import killed with SIGKILL at 20 moments spread over its stages
// (each timed from its stage's start as seen in the run being killed: see KillAnchor).
// After every kill the file passes SQLite's integrity check, the shipment is wholly there or
// wholly absent, and `asicledger verify` passes; then an import without a kill succeeds.
//
// A C++ test rather than a shell script: it needs sub-millisecond kill timing, a look at the
// import's locks and written bytes at the moment of the kill (to say where it landed), and exact
// checks on the file, none of which a script can do without tools CI does not have.

#include "ChildProcess.hpp"
#include "KillPlan.hpp"
#include "LedgerFixture.hpp"
#include "LedgerInspection.hpp"
#include "ShipmentFile.hpp"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <thread>

namespace asicledger::testing {
namespace {

constexpr int kKills = 20;
// 100,000 units, as issue 8 asks; ASICLEDGER_CRASH_UNITS makes it smaller where every
// instruction is slower (scripts/test.sh --sanitize), so that run still fits CI's time.
const std::int64_t kShipmentUnits = [] {
    const char* text = std::getenv("ASICLEDGER_CRASH_UNITS");
    return text && *text ? std::max<std::int64_t>(1'000, std::atoll(text)) : 100'000;
}();
constexpr int kBaseShipments = 3;
constexpr std::int64_t kBaseUnitsPerShipment = 1'000;

class CrashSafetyTest : public LedgerFixture
{
protected:
    void SetUp() override
    {
        LedgerFixture::SetUp();
        for (int i = 1; i <= kBaseShipments; ++i) {
            ShipmentFile base{fmt::format("50109010/021126/000000{}", i), fmt::format("BASE{}X", i),
                              kBaseUnitsPerShipment};
            importUnits(base.csv(static_cast<unsigned>(i)));
        }
        ledger.reset(); // the last connection checkpoints: the base is one file
        std::filesystem::copy_file(file.path(), baseCopy.path());
        shipment.write(csvFile.path());
    }

    std::map<std::string, std::string> environment(const std::string& user) const
    {
        return cliEnvironment(file.path(), user);
    }

    std::unique_ptr<ChildProcess> startImport()
    {
        return std::make_unique<ChildProcess>(asicledgerBinary(),
                                              std::vector<std::string>{"import", csvFile.path()},
                                              environment("finance"));
    }

    ProcessResult verify()
    {
        return ChildProcess::run(asicledgerBinary(), {"verify"}, environment("auditor"));
    }

    // Back to the base ledger, as if the import had never run.
    void restoreBase()
    {
        for (const auto* suffix : {"-wal", "-shm"})
            std::filesystem::remove(file.path().string() + suffix);
        std::filesystem::copy_file(baseCopy.path(), file.path(),
                                   std::filesystem::copy_options::overwrite_existing);
    }

    // The shipment wholly present (true) or wholly absent (false); a test failure otherwise.
    bool checkAllOrNothing(const std::string& when)
    {
        LedgerInspection inspection(file.path());
        EXPECT_EQ(inspection.integrityCheck(), "ok") << when;
        const auto trace = inspection.shipment(shipment.declarationNo, shipment.serialPrefix);
        const bool present = trace.units == kShipmentUnits;
        EXPECT_TRUE(trace.units == 0 || present) << when << ": " << trace.units << " units";
        if (present) {
            EXPECT_EQ(trace.shipmentRow, LedgerInspection::expectedShipmentRow()) << when;
            EXPECT_EQ(trace.customsValueTiyn, shipment.customsValueTiyn) << when;
            EXPECT_EQ(trace.importEntries, kBaseShipments + 1) << when;
        } else {
            EXPECT_FALSE(trace.shipmentRow) << when << ": a shipment row without its units";
            EXPECT_EQ(trace.importEntries, kBaseShipments) << when;
        }
        EXPECT_EQ(inspection.count("SELECT count(*) FROM unit"),
                  kBaseShipments * kBaseUnitsPerShipment + (present ? kShipmentUnits : 0))
            << when;
        const auto verified = verify();
        EXPECT_EQ(verified.exitCode, 0) << when << ": verify said\n"
                                        << verified.out << verified.err;
        return present;
    }

    static std::string landing(const ImportProbe& probe, bool present)
    {
        if (present)
            return probe.writeLock        ? "committing (commit on disk, lock not yet released)"
                   : probe.checkpointLock ? "after the commit, checkpointing"
                                          : "after the commit";
        if (!probe.writeLock)
            return "before the transaction (start-up, reading the file)";
        return probe.writing() ? "writing rows" : "checking rows in the transaction";
    }

    TemporaryFile baseCopy{".base.ledger"};
    TemporaryFile csvFile{".csv"};
    ShipmentFile shipment{"50109010/021126/0100000", "HARDKILL", kShipmentUnits};
};

unsigned seedFromEnvironment()
{
    if (const char* seed = std::getenv("ASICLEDGER_CRASH_SEED"); seed && *seed)
        return static_cast<unsigned>(std::strtoul(seed, nullptr, 10));
    return std::random_device{}();
}

TEST_F(CrashSafetyTest, KilledImportLeavesShipmentWhollyPresentOrAbsentAndJournalIntact)
{
    const auto testStart = std::chrono::steady_clock::now();
    const unsigned seed = seedFromEnvironment();
    std::mt19937 random(seed);
    std::cout << fmt::format("seed {} (ASICLEDGER_CRASH_SEED={} repeats the plan)\n", seed, seed);

    // An uninterrupted run first: it must succeed, and it times the stages to aim the kills at.
    auto calibration = startImport();
    const auto timeline = ImportTimeline::watch(*calibration, file.path());
    const auto calibrated = calibration->wait();
    ASSERT_EQ(calibrated.exitCode, 0) << calibrated.err;
    ASSERT_TRUE(checkAllOrNothing("after the uninterrupted import"));
    std::cout << "uninterrupted import of " << kShipmentUnits << " units: " << timeline.text()
              << std::endl;
    restoreBase();

    auto plan = planKills(timeline, kKills, random);
    std::map<std::string, int> landings;
    int kills = 0, present = 0, absent = 0, finishedFirst = 0;
    for (std::size_t i = 0; i < plan.size() && finishedFirst < kKills; ++i) {
        auto import = startImport();
        const auto moment = awaitKillMoment(*import, file.path(), plan[i]);
        const auto probe = ImportProbe::take(*import, file.path());
        const bool killed = moment && import->kill();
        const auto result = import->wait();
        if (!killed || result.signal != SIGKILL) {
            // The program ended first (this run was faster than the timed one): aim earlier.
            ++finishedFirst;
            std::cout << fmt::format("  {:.0f} ms into {}: the import had already ended (exit "
                                     "{}); drawing an earlier time\n",
                                     plan[i].after.count(), plan[i].aim, result.exitCode);
            plan.push_back(replanEarlier(plan[i], random));
            checkAllOrNothing("after an import that finished before its kill");
            restoreBase();
            continue;
        }
        ++kills;
        const auto when =
            fmt::format("kill {} at {:.0f} ms ({})", kills, moment->count(), plan[i].aim);
        const bool wholly = checkAllOrNothing(when);
        (wholly ? present : absent)++;
        const auto landed = landing(probe, wholly);
        ++landings[landed];
        std::cout << fmt::format("  kill {:2} at {:7.0f} ms, aimed at {:33} landed {:50} -> "
                                 "shipment {}, integrity ok, verify passed\n",
                                 kills, moment->count(), plan[i].aim, landed,
                                 wholly ? "wholly present" : "wholly absent")
                  << std::flush;
        if (HasFailure())
            break;
        if (wholly)
            restoreBase();
    }
    EXPECT_EQ(kills, kKills);

    // After the last kill, the import runs to its end on what the kills left.
    auto final = startImport();
    const auto finished = final->wait();
    EXPECT_EQ(finished.exitCode, 0) << finished.err;
    EXPECT_TRUE(checkAllOrNothing("after the final import"));

    std::cout << fmt::format("{} kills survived: shipment wholly present after {}, wholly absent "
                             "after {}; {} draws came after the import had ended\n",
                             kills, present, absent, finishedFirst);
    for (const auto& [where, count] : landings)
        std::cout << fmt::format("  {:2} landed {}\n", count, where);
    std::cout << fmt::format(
        "final import: {:.1f} s; whole test {:.0f} s\n",
        std::chrono::duration<double>(finished.elapsed).count(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - testStart).count());
    // The plan aims at five stages; kills that all fell in one would prove little.
    EXPECT_GE(landings.size(), 3u) << "the kills landed in too few stages of the import";
}

} // namespace
} // namespace asicledger::testing
