#pragma once

#include "CalendarDate.hpp"

#include <string>

namespace asicledger {

// The one source of "today" and of journal timestamps, so tests and demos can fix time.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual Date today() const = 0;
    // UTC instant as YYYY-MM-DDTHH:MM:SSZ, for the journal.
    virtual std::string utcTimestamp() const = 0;
};

// The machine's clock. "Today" is the local calendar day, as a clerk reads it off the wall.
class SystemClock final : public Clock
{
public:
    Date today() const override;
    std::string utcTimestamp() const override;
};

// A clock that always says the same day; timestamps are that day at noon UTC.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(Date today) : m_today(today) {}
    Date today() const override { return m_today; }
    std::string utcTimestamp() const override;
    void setToday(Date today) { m_today = today; }

private:
    Date m_today;
};

} // namespace asicledger
