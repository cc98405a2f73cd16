#pragma once

#include "CalendarDate.hpp"
#include "Vocabulary.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <optional>
#include <string>

namespace asicledger {

class Ledger;

// Where one unit was, whose it was and how it stood at the end of a day, from its history: the
// latest unit_event dated on or before the day (ties by id) holds the state after it. Events
// written before unit_event carried that state fall back to the unit's current row, and say so.
struct UnitPlacementOnDay
{
    std::int64_t unitId = 0;
    Date day;
    std::optional<Date> arrivedOn;  // the unit's first event (its import), whenever it was
    std::optional<Date> exportedOn; // its export, when dated on or before `day`
    std::int64_t siteId = 0;
    std::string site;
    std::int64_t legalOwnerId = 0;
    std::string legalOwner;
    UnitStatus status = UnitStatus::Running;
    bool fromCurrentRow = false; // the history did not say; the unit's current row did

    bool arrivedBy() const { return arrivedOn && *arrivedOn <= day; }
    // In Kazakhstan that day: arrived by then and not exported before it (an export dated that
    // very day still finds the unit where it was).
    bool inKazakhstan() const { return arrivedBy() && !(exportedOn && *exportedOn < day); }
};

class UnitPlacement
{
public:
    explicit UnitPlacement(Ledger& ledger);
    ~UnitPlacement();

    // Nothing when there is no unit with that id. Before its arrival the unit is placed as on its
    // arrival, with arrivedBy() false.
    std::optional<UnitPlacementOnDay> on(std::int64_t unitId, Date day);

private:
    Ledger& m_ledger;
    std::optional<SQLite::Statement> m_query;
};

} // namespace asicledger
