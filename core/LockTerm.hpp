#pragma once

#include "CalendarDate.hpp"

namespace asicledger {

// The VAT-exemption commitment of one unit: from its start, `years` long, by the civil-law rule.
// The lock ends on the same month and day `years` later (the last day of that month when it has
// no such day: 2020-02-29 + 5 years -> 2025-02-28) and holds through that day inclusive. The
// unlock date is the next day, the first on which the unit may be sold, moved or exported.
class LockTerm
{
public:
    LockTerm(Date start, int years);

    Date start() const { return m_start; }
    int years() const { return m_years; }
    Date lockEnd() const { return m_lockEnd; }
    Date unlockDate() const { return m_lockEnd + boost::gregorian::days(1); }
    bool isLockedOn(Date day) const { return day >= m_start && day <= m_lockEnd; }

    static constexpr int kStandardYears = 5;

private:
    Date m_start;
    int m_years;
    Date m_lockEnd;
};

} // namespace asicledger
