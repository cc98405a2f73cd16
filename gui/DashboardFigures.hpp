#pragma once

#include "CalendarDate.hpp"
#include "ContingentLiability.hpp"
#include "InspectionQuery.hpp"
#include "Money.hpp"
#include "UnlockSchedule.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace asicledger {
class Ledger;
}

namespace asicledger::gui {

// What a manager sees on opening, gathered from the core on a worker thread: units in the
// country and under lock, what unlocks when, what exiting everything today would cost, and when
// each site was last inspected. Nothing here is computed that the core does not answer.
struct DashboardFigures
{
    Date today;
    std::int64_t unitsInCountry = 0;           // not exported
    std::int64_t locked = 0;                   // unlock date after today
    std::vector<UnlockScheduleRow> nextMonths; // one row per month with unlocks, next 24 months
    std::int64_t unlockIn30Days = 0;
    Tiyn valueIn30Days;
    std::int64_t unlockIn90Days = 0;
    Tiyn valueIn90Days;
    std::vector<LiabilityRow> liabilityByEntity;
    std::vector<LiabilityRow> liabilityBySite;
    Tiyn liabilityTotal;
    std::string liabilityProblem; // the core's words when it cannot quote (a base-rate gap)
    std::vector<SiteInspections> sites;

    static DashboardFigures compute(Ledger& ledger);
    // The 24 months shown: the current one and the 23 after it, as YYYY-MM.
    static std::vector<std::string> monthsShown(Date today);
};

} // namespace asicledger::gui
