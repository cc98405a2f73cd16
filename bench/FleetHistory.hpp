#pragma once

#include "Actor.hpp"
#include "CalendarDate.hpp"
#include "DemoRandom.hpp"
#include "ExitDesk.hpp"
#include "ShipmentImporter.hpp"
#include "UnitActions.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace asicledger {
class Ledger;
}

namespace asicledger::bench {

class FleetPlan;
struct FleetShipment;

struct FleetStaff
{
    Actor finance, manager, auditor;
};

struct FleetTally
{
    std::size_t writes = 0;     // journal entries
    std::size_t unitEvents = 0; // lines of unit history, the import's included
};

// Imports each shipment through ShipmentImporter and plays what happens to its units after,
// through UnitActions and ExitDesk, as a clerk would enter it: curtailments and repairs (status),
// hosting contracts changing hands (beneficial owner), and once a unit's lock has run out (or for
// VAT-paid units at any time) sales, moves between sites and exports; at the end a few early
// exits of locked units, recorded and approved by different people. Every bulk action covers a
// random part of one shipment, dated after everything before it, so the core accepts each one.
class FleetHistory
{
public:
    // Full history: ten to fifteen bulk actions a shipment (about five unit events a unit, the
    // import included). Light: one or two, for a big ledger made quickly (see BenchSetup).
    FleetHistory(Ledger& ledger, const FleetPlan& plan, const FleetStaff& staff, unsigned seed,
                 bool light = false);

    void play(const FleetShipment& shipment);
    const FleetTally& tally() const { return m_tally; }

    // The last day an action of the history is dated: exits are approved on benchToday(), and
    // the inspections come in between.
    static Date lastActionDay();

private:
    struct UnitState
    {
        std::size_t site = 0, owner = 0;
        int beneficial = -1; // party index, -1 for none
        UnitStatus status = UnitStatus::Running;
        Date freeFrom;     // sale, move and export allowed from this day
        bool done = false; // exported or exited: no further action
    };
    using Picker = bool (*)(const UnitState&);

    void act(const FleetShipment& shipment, std::vector<UnitState>& units, Date date);
    void exitSome(const FleetShipment& shipment, std::vector<UnitState>& units);
    std::vector<std::size_t> choose(const std::vector<UnitState>& units,
                                    const std::function<bool(const UnitState&)>& eligible,
                                    int percentLow, int percentHigh);
    std::vector<std::string> serials(const FleetShipment& shipment,
                                     const std::vector<std::size_t>& chosen) const;
    void counted(std::size_t units);

    Ledger& m_ledger;
    const FleetPlan& m_plan;
    const FleetStaff& m_staff;
    DemoRandom m_random;
    ShipmentImporter m_importer;
    UnitActions m_actions;
    ExitDesk m_exits;
    FleetTally m_tally;
    std::size_t m_exitCount = 0;
    bool m_light = false;
};

} // namespace asicledger::bench
