#pragma once

#include "InspectionRecord.hpp"
#include "UnitRecord.hpp"

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// How one serial of an inspection stands against the ledger on the inspection day.
enum class InspectionOutcome
{
    Confirmed,      // expected at the site and seen
    Missing,        // expected at the site, not seen
    UnknownSerial,  // seen; the ledger has no unit with that serial
    Elsewhere,      // seen; the ledger places the unit at another site that day
    NotInKazakhstan // seen; the unit had not arrived yet, or had been exported, by that day
};
std::string_view describe(InspectionOutcome outcome);
inline bool isUnexpected(InspectionOutcome outcome)
{
    return outcome == InspectionOutcome::UnknownSerial || outcome == InspectionOutcome::Elsewhere ||
           outcome == InspectionOutcome::NotInKazakhstan;
}

// A line of the inspection's reconciliation: a unit expected at the site or a serial seen there.
struct InspectionLine
{
    std::string serial;
    InspectionOutcome outcome = InspectionOutcome::Confirmed;
    // The unit's details (site, owner and status as of the inspection day); none when unknown.
    std::optional<UnitRecord> unit;
    std::optional<InspectionFinding> finding; // none when not seen
    std::size_t lineNo = 0;                   // line of the seen file; 0 when not seen
    // Where the ledger places an unexpected unit: "at Karagandy-2 (Altyn Mining LLP)".
    std::string note;

    bool isAdverse() const { return finding && asicledger::isAdverse(*finding); }
};

struct DiscrepancySummary
{
    std::int64_t expected = 0; // units the ledger places at the site that day
    std::int64_t seen = 0;
    std::int64_t confirmed = 0;
    std::int64_t missing = 0;
    std::int64_t unknownSerial = 0;
    std::int64_t elsewhere = 0;
    std::int64_t notInKazakhstan = 0;
    std::int64_t adverse = 0;
    std::array<std::int64_t, 5> byFinding{}; // indexed by InspectionFinding

    std::int64_t unexpected() const { return unknownSerial + elsewhere + notInKazakhstan; }
    // Lines of the reconciliation: every expected unit and every serial seen, once.
    std::int64_t lines() const { return expected + seen - confirmed; }
};

// The discrepancies of one inspection and the lines they come from.
struct DiscrepancyReport
{
    DiscrepancySummary summary;
    std::vector<InspectionLine> missing;
    std::vector<InspectionLine> unexpected;
    std::vector<InspectionLine> adverse; // seen with a finding other than present
};

// Reconciles an inspection with the ledger as it stood on the inspection day (domain.md,
// "Inspections"): expected are the units whose site that day was the inspected site and which were
// in Kazakhstan then; the serials seen are matched by serial, so a unit imported after the
// inspection was recorded (paperwork entered late) is still matched.
class Discrepancies
{
public:
    explicit Discrepancies(Ledger& ledger) : m_ledger(ledger) {}

    // Every expected or seen serial, in serial order, streamed from two ordered cursors.
    void forEachLine(const InspectionRecord& inspection,
                     const std::function<void(const InspectionLine&)>& onLine);
    // The summary and the discrepancies only (confirmed units without adverse finding are
    // counted, not kept).
    DiscrepancyReport compute(const InspectionRecord& inspection);
    // The same, also handing every line to `onLine` as it streams past, so a report that lists
    // every line and also needs the summary reads the register as of the day once, not twice.
    DiscrepancyReport compute(const InspectionRecord& inspection,
                              const std::function<void(const InspectionLine&)>& onLine);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
