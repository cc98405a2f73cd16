#include "LockTerm.hpp"

#include "LedgerError.hpp"

#include <algorithm>

namespace asicledger {

LockTerm::LockTerm(Date start, int years) : m_start(start), m_years(years)
{
    if (years < 1 || years > 50)
        throw InvalidInput("an exemption term must be between 1 and 50 years");
    // Not boost's `start + years(n)`: that snaps a month-end start to the month-end of the target
    // year (2019-02-28 + 1 year -> 2020-02-29), which the civil-law rule does not.
    const int year = static_cast<int>(start.year()) + years;
    const int month = start.month();
    const int lastDay = boost::gregorian::gregorian_calendar::end_of_month_day(year, month);
    m_lockEnd = Date(year, month, std::min<int>(start.day(), lastDay));
}

} // namespace asicledger
