#pragma once

#include "Actor.hpp"
#include "CalendarDate.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace asicledger {
class Ledger;
}

namespace asicledger::bench {

// Bump whenever the generator's output changes, so a cached ledger of an older generator is
// never measured as if it were the current one.
constexpr int kGeneratorVersion = 1;
constexpr std::size_t kDefaultUnits = 1'000'000;
constexpr unsigned kSeed = 20190107;

// The benchmark ledger's fixed "today": every date in it is on or before this day, and every
// benchmark opens it with a FixedClock on this day, so runs on different days measure the same.
Date benchToday();

struct BenchUser
{
    std::string name, role, password;
};
// The administrator first, then finance, manager and auditor.
const std::vector<BenchUser>& benchUsers();
const BenchUser& benchUser(std::string_view role);

// Where the generated ledger and the shipment CSV of a fleet of `units` are cached:
// $ASICLEDGER_BENCH_CACHE, else <source>/bench/.cache, then v<version>-n<units>/.
struct CachedFleet
{
    std::filesystem::path dir;
    std::filesystem::path ledger;      // fleet.ledger
    std::filesystem::path shipmentCsv; // shipment.csv: the import benchmark's file
    std::filesystem::path doneMarker;  // written last: the cache is complete
};
// A light fleet (`--history light`) has one or two bulk actions a shipment instead of ten to
// fifteen: the same units, sites and owners, about 1.5 unit events a unit instead of 5, made
// several times faster; it is cached apart (v<version>-n<units>-light).
CachedFleet cachedFleet(std::size_t units, bool light = false);

// The import benchmark's shipment: 100,000 units for a 1M fleet, a tenth of the fleet below that.
std::size_t shipmentUnitsFor(std::size_t fleetUnits);

// Signs in a benchmark user through the ledger's own user directory.
Actor signIn(Ledger& ledger, std::string_view role);

// Milliseconds since some fixed point, for timing.
double nowMs();

} // namespace asicledger::bench
