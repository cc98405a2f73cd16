#pragma once

#include "CalendarDate.hpp"
#include "ChangeSet.hpp"
#include "UnitRecord.hpp"

#include <SQLiteCpp/Statement.h>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// One serial of a bulk action: the unit it names, or why it names none.
struct SelectedUnit
{
    std::string serial; // normalised when it parses, else as given
    std::optional<UnitRecord> unit;
    std::string problem; // set when there is no unit
};

// Where a unit stands after an event. Kept on the event row, so "where was it, whose was it, on
// day D" (inspections, the register as of a date) is one indexed lookup.
struct EventPlacement
{
    std::int64_t siteId = 0;
    std::int64_t legalOwnerId = 0;
    UnitStatus status = UnitStatus::Running;

    static EventPlacement of(const UnitRecord& unit)
    {
        return {unit.siteId, unit.legalOwnerId, unit.status};
    }
};

// The units a dated action names, and the rules every dated action on a unit obeys: the date is not
// in the future, not before the unit arrived, not before the last event of its history (history is
// never rewritten), and an exported unit takes no further action. Shared by UnitActions and
// ExitDesk so both refuse in the same words.
class UnitSelection
{
public:
    explicit UnitSelection(Ledger& ledger);
    ~UnitSelection();

    // Parses and de-duplicates the serials, keeping their order; unknown or malformed serials come
    // back with a problem instead of a unit. Throws InvalidInput when the list is empty.
    std::vector<SelectedUnit> resolve(const std::vector<std::string>& serials);

    // Why an action dated `date` cannot be recorded for the unit, or nothing when it can.
    std::optional<std::string> dateProblem(const UnitRecord& unit, Date date);

    // Throws Refusal when `date` is after today.
    static void requireNotFuture(Date date, Date today, std::string_view what);

    // Appends a line of the unit's history, journalled with the change; `after` is where the unit
    // stands once the event has happened.
    static void appendEvent(ChangeSet& changes, std::int64_t unitId, Date date,
                            std::string_view kind, const std::string& detail,
                            const EventPlacement& after);

private:
    std::optional<Date> latestEvent(std::int64_t unitId, const char* kindFilter);

    Ledger& m_ledger;
    std::optional<SQLite::Statement> m_latestEvent;
    std::optional<SQLite::Statement> m_latestExport;
};

} // namespace asicledger
