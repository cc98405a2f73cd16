#pragma once

#include "CalendarDate.hpp"
#include "Money.hpp"

#include <string>
#include <vector>

namespace asicledger {

class Ledger;

enum class UnlockGrouping
{
    Month,
    MonthAndSite,
    MonthAndOwner
};

// Units still held under lock whose unlock date falls in a month, optionally split by site or
// legal owner. Exported units and units released by an early exit are not counted.
struct UnlockScheduleRow
{
    std::string month; // YYYY-MM
    std::string group; // site or owner name; empty when grouping by month only
    std::int64_t units = 0;
    Tiyn customsValue;
    Tiyn vatExempted;
};

class UnlockSchedule
{
public:
    explicit UnlockSchedule(Ledger& ledger) : m_ledger(ledger) {}
    // Unlock dates from `from` through `to` inclusive, months in order.
    std::vector<UnlockScheduleRow> rows(Date from, Date to, UnlockGrouping grouping);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
