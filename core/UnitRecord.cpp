#include "UnitRecord.hpp"

#include <fmt/format.h>

namespace asicledger {

std::string_view toText(LockState state)
{
    switch (state) {
    case LockState::NotExempt:
        return "not exempt";
    case LockState::Locked:
        return "locked";
    case LockState::ExitPending:
        return "exit pending approval";
    case LockState::Released:
        return "released by early exit";
    case LockState::Unlocked:
        return "unlocked";
    }
    return "unknown";
}

LockState UnitRecord::lockStateOn(Date day) const
{
    if (!lock)
        return LockState::NotExempt;
    if (releasedOn && day >= *releasedOn)
        return LockState::Released;
    if (day > lock->lockEnd())
        return LockState::Unlocked;
    return exitPending ? LockState::ExitPending : LockState::Locked;
}

bool UnitRecord::isLockedOn(Date day) const
{
    const auto state = lockStateOn(day);
    return state == LockState::Locked || state == LockState::ExitPending;
}

long UnitRecord::daysUntilUnlock(Date day) const
{
    if (!isLockedOn(day))
        return 0;
    return (lock->unlockDate() - day).days();
}

std::string UnitRecord::hashrateText() const
{
    auto text = fmt::format("{}.{:03}", hashrateGhs / 1000, hashrateGhs % 1000);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

} // namespace asicledger
