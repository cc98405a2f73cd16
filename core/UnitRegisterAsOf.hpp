#pragma once

#include "CalendarDate.hpp"
#include "UnitRecord.hpp"

#include <functional>
#include <optional>
#include <string>

namespace asicledger {

class Ledger;

// Which part of the register as of a day: by the site it was at, or an entity that was its legal
// owner that day or is its beneficial owner. Unknown names are refused (NotFound).
struct RegisterFilter
{
    std::optional<std::string> site;
    std::optional<std::string> entity;
};

// One unit as the register stood at the end of `day`.
struct UnitAsOf
{
    UnitRecord unit; // site, legal owner and status as of the day; other fields as recorded
    LockState lockState = LockState::NotExempt;
    bool placementFromCurrentRow = false; // its history did not say; the current row did
};

// The unit register as it stood on a past day: units that had arrived by then and had not been
// exported before it, where they were, whose, in what status and how locked. Sales and moves
// recorded since are undone by reading each unit's history (UnitPlacement's rule) in one query.
// The beneficial owner is not kept in the history: it is today's.
class UnitRegisterAsOf
{
public:
    UnitRegisterAsOf(Ledger& ledger, Date day) : m_ledger(ledger), m_day(day) {}

    Date day() const { return m_day; }
    // Units in serial order; stops early when `onUnit` returns false.
    void forEach(const RegisterFilter& filter, const std::function<bool(const UnitAsOf&)>& onUnit);
    std::int64_t count(const RegisterFilter& filter);

private:
    struct Query;
    Query buildQuery(const RegisterFilter& filter, bool counting);

    Ledger& m_ledger;
    Date m_day;
};

} // namespace asicledger
