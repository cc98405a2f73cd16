#pragma once

#include "InspectionRecord.hpp"
#include "UnitRecord.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// A site and when it was last inspected, if ever.
struct SiteInspections
{
    std::int64_t siteId = 0;
    std::string site;
    std::string siteOperator;
    std::int64_t inspections = 0;
    std::optional<Date> lastInspected;
    std::optional<std::int64_t> lastInspectionId;
};

// A unit's appearance in an inspection: which inspection, and what was found.
struct UnitSighting
{
    InspectionRecord inspection;
    Sighting sighting;
};

// Reads recorded inspections for `inspection list/show`, reports and the unit history.
class InspectionQuery
{
public:
    explicit InspectionQuery(Ledger& ledger) : m_ledger(ledger) {}

    std::optional<InspectionRecord> find(std::int64_t id);
    // Throws NotFound naming the id and how to list inspections.
    InspectionRecord require(std::int64_t id);
    // Newest first; only those of `site` when given (an unknown site is refused).
    std::vector<InspectionRecord> list(const std::optional<std::string>& site = {});

    // The serials seen, in serial order; stops early when `onSighting` returns false.
    void forEachSighting(std::int64_t inspectionId,
                         const std::function<bool(const Sighting&)>& onSighting);

    // Every site with its last inspection date (none when never inspected), by site name.
    std::vector<SiteInspections> sites();

    // Units in the ledger now (not exported) that no inspection has seen, in serial order; only
    // those at `site` now when given. Stops early when `onUnit` returns false.
    void forEachNeverInspected(const std::optional<std::string>& site,
                               const std::function<bool(const UnitRecord&)>& onUnit);
    std::int64_t countNeverInspected(const std::optional<std::string>& site);

    // Inspections that saw this unit (by its serial, so a sighting recorded before the unit was
    // imported counts too), oldest first.
    std::vector<UnitSighting> sightingsOf(const std::string& serial);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
