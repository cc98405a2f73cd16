#pragma once

#include "DemoShipments.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class DemoRandom;

// What happens in the demo ledger, in the order a day's paperwork is entered: imports first,
// then exits and their approvals, then sales, moves and exports, then everything else.
enum class DemoStepKind
{
    Import,
    ExitRecord,
    ExitApprove,
    Sell,
    Move,
    Export,
    BeneficialOwner,
    Status,
    Note,
    Inspection
};

// One write of the demo's history, as a clerk would enter it.
struct DemoStep
{
    Date date{};
    DemoStepKind kind = DemoStepKind::Import;
    std::size_t shipment = 0;           // Import
    std::vector<std::string> serials{}; // the units acted on
    std::string target{};    // buyer, site, beneficial owner, note text or inspected site
    std::string reference{}; // exit payment reference or inspection act number
    std::string reason{};    // why, as the journal keeps it; the authority of an inspection
    std::vector<std::string> inspectors{};
    UnitStatus status = UnitStatus::Running;
};

// Plans what happens to the demo's units after import, dated so that every step is one the
// ledger accepts on its day: machines sold, moved or exported once their lock has run out (or
// at any time when VAT was paid), early exits recorded by finance and approved by a manager
// (a few still waiting), repairs and curtailments, hosting contracts changing hands, notes, and
// two state inspections. Each unit gets at most one fate, so steps never collide.
class DemoHistory
{
public:
    DemoHistory(DemoRandom& random, Date today, const DemoImports& imports);

    // Every step, imports included, in the order to apply them.
    std::vector<DemoStep> plan();

private:
    using UnitTest = std::function<bool(const DemoUnit&)>;

    void planUnlocked(const DemoShipment& shipment, std::size_t index, bool showEveryCase);
    void planVatPaid(const DemoShipment& shipment, std::size_t index, bool showEveryCase);
    void planExits();
    void planHostingChange();
    void planUpkeep(const DemoShipment& shipment, std::size_t index);
    void planInspections();

    // Up to `count` serials of the shipment's units that have no fate yet (those passing `test`).
    std::vector<std::string> take(std::size_t shipment, std::size_t count,
                                  const UnitTest& test = {});
    std::size_t percentOf(std::size_t units, int lowPercent, int highPercent, std::size_t least);
    // A day from `from` to `from + maxDays`, never after today.
    Date dayAfter(Date from, long maxDays);
    void add(DemoStep step);

    DemoRandom& m_random;
    Date m_today;
    const DemoImports& m_imports;
    std::vector<std::vector<std::size_t>> m_free; // per shipment, shuffled unit indexes
    std::vector<DemoStep> m_steps;
    int m_references = 0;
};

} // namespace asicledger
