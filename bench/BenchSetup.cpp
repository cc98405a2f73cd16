#include "BenchSetup.hpp"

#include "Ledger.hpp"
#include "UserDirectory.hpp"

#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <stdexcept>

namespace asicledger::bench {

Date benchToday()
{
    return Date(2026, 11, 30);
}

const std::vector<BenchUser>& benchUsers()
{
    static const std::vector<BenchUser> kUsers{
        {"bench-admin", "admin", "bench-admin-pass"},
        {"bench-finance", "finance", "bench-finance-pass"},
        {"bench-manager", "manager", "bench-manager-pass"},
        {"bench-auditor", "auditor", "bench-auditor-pass"},
    };
    return kUsers;
}

const BenchUser& benchUser(std::string_view role)
{
    for (const auto& user : benchUsers())
        if (user.role == role)
            return user;
    throw std::logic_error(fmt::format("no benchmark user has the role {}", role));
}

CachedFleet cachedFleet(std::size_t units, bool light)
{
    std::filesystem::path root;
    if (const char* env = std::getenv("ASICLEDGER_BENCH_CACHE"); env && *env)
        root = env;
    else
        root = std::filesystem::path(ASICLEDGER_SOURCE_DIR) / "bench" / ".cache";
    CachedFleet fleet;
    fleet.dir = root / fmt::format("v{}-n{}{}", kGeneratorVersion, units, light ? "-light" : "");
    fleet.ledger = fleet.dir / "fleet.ledger";
    fleet.shipmentCsv = fleet.dir / "shipment.csv";
    fleet.doneMarker = fleet.dir / "complete";
    return fleet;
}

std::size_t shipmentUnitsFor(std::size_t fleetUnits)
{
    return std::max<std::size_t>(10, fleetUnits / 10);
}

Actor signIn(Ledger& ledger, std::string_view role)
{
    const auto& user = benchUser(role);
    return UserDirectory(ledger).signIn(user.name, user.password);
}

double nowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

} // namespace asicledger::bench
