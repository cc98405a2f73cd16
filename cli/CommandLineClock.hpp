#pragma once

#include "Clock.hpp"

#include <optional>

namespace asicledger {

// The machine's clock, except that ASICLEDGER_TODAY=YYYY-MM-DD fixes "today" (tests, training,
// replaying a day's paperwork). Journal timestamps stay the real UTC time: the journal records
// when a change was made, whatever day the clerk works as.
class CommandLineClock final : public Clock
{
public:
    // Reads ASICLEDGER_TODAY; throws InvalidInput when it is set to something that is not a day.
    CommandLineClock();

    Date today() const override;
    std::string utcTimestamp() const override { return m_system.utcTimestamp(); }

private:
    SystemClock m_system;
    std::optional<Date> m_today;
};

} // namespace asicledger
