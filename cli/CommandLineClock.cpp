#include "CommandLineClock.hpp"

#include <cstdlib>

namespace asicledger {

CommandLineClock::CommandLineClock()
{
    if (const char* text = std::getenv("ASICLEDGER_TODAY"); text && *text)
        m_today = requireDate(text, "ASICLEDGER_TODAY");
}

Date CommandLineClock::today() const
{
    return m_today ? *m_today : m_system.today();
}

} // namespace asicledger
