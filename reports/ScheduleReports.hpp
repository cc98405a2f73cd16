#pragma once

#include "CalendarDate.hpp"
#include "ReportDocument.hpp"

#include <optional>
#include <string>

namespace asicledger {

class Ledger;

enum class UnlockReportGrouping
{
    Month,
    Site,
    Owner
};

struct UnlocksReportOptions
{
    int months = 24;
    UnlockReportGrouping by = UnlockReportGrouping::Month;
};

enum class LiabilityReportGrouping
{
    Entity,
    Site
};

struct LiabilityReportOptions
{
    std::optional<Date> asOf; // today when not given
    LiabilityReportGrouping by = LiabilityReportGrouping::Entity;
};

// The two reports managers ask for (issue 4, reports 3 and 4): units and customs value unlocking
// per month (UnlockSchedule), and the contingent cost of exiting every locked unit on a day
// (ContingentLiability). Both are short tables of groups, whatever the size of the fleet.
class ScheduleReports
{
public:
    static ReportDocument unlocks(Ledger& ledger, const UnlocksReportOptions& options,
                                  const std::string& generatedBy);
    // Throws MissingReferenceData when the base-rate table does not reach the day.
    static ReportDocument liability(Ledger& ledger, const LiabilityReportOptions& options,
                                    const std::string& generatedBy);
};

} // namespace asicledger
