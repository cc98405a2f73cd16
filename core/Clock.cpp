#include "Clock.hpp"

#include <boost/date_time/c_local_time_adjustor.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <fmt/format.h>

namespace asicledger {

Date SystemClock::today() const
{
    return boost::gregorian::day_clock::local_day();
}

std::string SystemClock::utcTimestamp() const
{
    const auto now = boost::posix_time::second_clock::universal_time();
    const auto time = now.time_of_day();
    return fmt::format("{}T{:02}:{:02}:{:02}Z", isoDate(now.date()), time.hours(), time.minutes(),
                       time.seconds());
}

std::string FixedClock::utcTimestamp() const
{
    return isoDate(m_today) + "T12:00:00Z";
}

} // namespace asicledger
