// asicledger-bench-ledger: builds (or finds in the cache) the benchmark ledger of N units and the
// shipment CSV the import benchmark reads. Everything goes through the core's own write paths, so
// the journal is honest and `asicledger verify` passes on the result.
//
//   asicledger-bench-ledger [--units N] [--history full|light] [--force] [--paths]
//
// Prints the cached ledger's and CSV's paths on its last two lines ("ledger: ...", "csv: ...").

#include "BenchSetup.hpp"
#include "Clock.hpp"
#include "EntityRegistry.hpp"
#include "FleetCrypto.hpp"
#include "FleetHistory.hpp"
#include "FleetInspections.hpp"
#include "FleetPlan.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "LedgerSetup.hpp"
#include "SiteRegistry.hpp"
#include "UserDirectory.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

using namespace asicledger;
using namespace asicledger::bench;

namespace {

struct Options
{
    std::size_t units = kDefaultUnits;
    bool force = false;
    bool pathsOnly = false;
    bool light = false;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--units" && i + 1 < argc) {
            options.units = std::stoul(argv[++i]);
        } else if (arg == "--force") {
            options.force = true;
        } else if (arg == "--history" && i + 1 < argc &&
                   (argv[i + 1] == std::string("full") || argv[i + 1] == std::string("light"))) {
            options.light = argv[++i] == std::string("light");
        } else if (arg == "--paths") {
            options.pathsOnly = true;
        } else {
            std::cerr
                << "usage: asicledger-bench-ledger [--units N] [--history full|light] [--force] "
                   "[--paths]\n"
                   "Builds the benchmark ledger of N units (default 1000000) and the import\n"
                   "benchmark's shipment CSV, or reuses them from the cache.\n";
            std::exit(arg == "--help" || arg == "-h" ? 0 : 2);
        }
    }
    if (options.units < 100) {
        std::cerr << "asicledger-bench-ledger: --units must be at least 100\n";
        std::exit(2);
    }
    return options;
}

std::int64_t countOf(Ledger& ledger, const char* sql)
{
    SQLite::Statement query(ledger.db(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write " + path.string());
}

void generate(const Options& options, const CachedFleet& cache)
{
    const auto started = nowMs();
    const auto elapsed = [&] { return (nowMs() - started) / 1000.0; };
    std::filesystem::remove_all(cache.dir);
    std::filesystem::create_directories(cache.dir);

    FixedClock clock(benchToday());
    FleetPlan plan(options.units, kSeed);
    {
        Ledger ledger(cache.ledger, clock, Ledger::OpenMode::CreateIfMissing);
        const auto& users = benchUsers();
        const auto admin = LedgerSetup::initialise(ledger, users[0].name, users[0].password);
        UserDirectory directory(ledger);
        for (std::size_t i = 1; i < users.size(); ++i)
            directory.add(admin, users[i].name, users[i].role, users[i].password);
        const FleetStaff staff{signIn(ledger, "finance"), signIn(ledger, "manager"),
                               signIn(ledger, "auditor")};
        EntityRegistry entities(ledger);
        for (const auto& party : plan.parties())
            entities.add(admin, {party.name, party.kind, party.jurisdiction, party.registrationNo});
        SiteRegistry sites(ledger);
        for (const auto& site : plan.sites())
            sites.add(admin, site.name, site.region, plan.parties()[site.operatorParty].name);

        fmt::print("generating {} units in {} shipments ({} history) into {}\n", options.units,
                   plan.shipments().size(), options.light ? "light" : "full",
                   cache.ledger.string());
        std::fflush(stdout);
        FleetHistory history(ledger, plan, staff, kSeed + 1, options.light);
        std::size_t unitsDone = 0;
        int lastTenth = 0;
        for (const auto& shipment : plan.shipments()) {
            history.play(shipment);
            unitsDone += shipment.unitCount;
            const int tenth = static_cast<int>(unitsDone * 20 / options.units);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                fmt::print("  {:3}%  {} units, {} journal entries, {} unit events, {:.1f} s\n",
                           tenth * 5, unitsDone, history.tally().writes, history.tally().unitEvents,
                           elapsed());
                std::fflush(stdout);
            }
        }
        const auto cryptoWrites =
            FleetCrypto::record(ledger, admin, staff.finance, plan, kSeed + 2);
        fmt::print("  crypto records: {} journal entries, {:.1f} s\n", cryptoWrites, elapsed());
        const auto inspections = FleetInspections::record(ledger, staff.auditor, plan);
        fmt::print("  inspections: {} (the big site's is id {}), {:.1f} s\n", inspections.size(),
                   inspections.empty() ? 0 : inspections.front(), elapsed());

        fmt::print("ledger: {} units, {} unit events ({:.2f} a unit), {} journal entries, "
                   "{} inspection sightings\n",
                   countOf(ledger, "SELECT count(*) FROM unit"),
                   countOf(ledger, "SELECT count(*) FROM unit_event"),
                   double(countOf(ledger, "SELECT count(*) FROM unit_event")) /
                       double(options.units),
                   countOf(ledger, "SELECT count(*) FROM journal"),
                   countOf(ledger, "SELECT count(*) FROM inspection_sighting"));
        // One self-contained file: benchmarks copy it with cp.
        ledger.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto csvStarted = nowMs();
    writeFile(cache.shipmentCsv, plan.csvOf(plan.freshShipment(shipmentUnitsFor(options.units))));
    fmt::print("shipment CSV of {} units written in {:.1f} s\n", shipmentUnitsFor(options.units),
               (nowMs() - csvStarted) / 1000.0);
    writeFile(cache.doneMarker, fmt::format("generator v{} units {} seed {} took {:.1f} s\n",
                                            kGeneratorVersion, options.units, kSeed, elapsed()));
    fmt::print("generated in {:.1f} s\n", elapsed());
}

} // namespace

int main(int argc, char** argv)
{
    const auto options = parse(argc, argv);
    const auto cache = cachedFleet(options.units, options.light);
    try {
        const bool cached = std::filesystem::exists(cache.doneMarker);
        if (options.pathsOnly) {
            if (!cached) {
                std::cerr << "not generated yet: run asicledger-bench-ledger --units "
                          << options.units << "\n";
                return 1;
            }
        } else if (cached && !options.force) {
            fmt::print("cached: {} units, generator v{} ({})\n", options.units, kGeneratorVersion,
                       cache.dir.string());
        } else {
            generate(options, cache);
        }
        fmt::print("ledger: {}\ncsv: {}\n", cache.ledger.string(), cache.shipmentCsv.string());
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "asicledger-bench-ledger: " << error.what() << "\n";
        return 1;
    }
}
