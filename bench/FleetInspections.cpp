#include "FleetInspections.hpp"

#include "BenchSetup.hpp"
#include "FleetHistory.hpp"
#include "FleetPlan.hpp"
#include "InspectionDesk.hpp"
#include "Ledger.hpp"
#include "UnitRegister.hpp"

#include <fmt/format.h>

namespace asicledger::bench {

std::vector<std::int64_t> FleetInspections::record(Ledger& ledger, const Actor& auditor,
                                                   const FleetPlan& plan)
{
    const auto date = FleetHistory::lastActionDay() + boost::gregorian::days(1);
    std::vector<std::int64_t> ids;
    UnitRegister units(ledger);
    for (std::size_t s = 0; s < plan.sites().size(); s += 5) {
        const auto& site = plan.sites()[s].name;
        UnitFilter atSite;
        atSite.site = site;
        std::string seen = "serial,finding\n";
        std::size_t n = 0;
        units.forEach(atSite, UnitOrder::BySerial, [&](const UnitRecord& unit) {
            if (unit.status == UnitStatus::Exported || unit.arrivalDate > date)
                return true;
            ++n;
            if (n % 997 == 0)
                return true; // not found on the racks
            seen += unit.serial;
            seen += n % 1499 == 0 ? ",damaged\n" : n % 211 == 0 ? ",powered_off\n" : ",present\n";
            return true;
        });
        if (n == 0)
            continue;
        const auto record =
            InspectionDesk(ledger).record(auditor,
                                          {site,
                                           date,
                                           "State Revenue Department (regional office)",
                                           {"A. Nurlanov", "G. Seitkali"},
                                           fmt::format("SRD-{}-2026-{:03}", s, s + 1)},
                                          seen);
        ids.push_back(record.id);
    }
    return ids;
}

} // namespace asicledger::bench
