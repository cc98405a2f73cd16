#pragma once

#include "Actor.hpp"

#include <cstdint>
#include <vector>

namespace asicledger {
class Ledger;
}

namespace asicledger::bench {

class FleetPlan;

// State inspections the day before benchToday(): the big site 0 (the inspection report
// benchmark's 50,000-unit site at 1M) and every fifth other site. The inspectors scan what the
// ledger places at the site, miss a few machines and find a few damaged. Returns the ids, site 0's
// first.
class FleetInspections
{
public:
    static std::vector<std::int64_t> record(Ledger& ledger, const Actor& auditor,
                                            const FleetPlan& plan);
};

} // namespace asicledger::bench
