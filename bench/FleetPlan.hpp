#pragma once

#include "CalendarDate.hpp"
#include "LockTerm.hpp"
#include "Vocabulary.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace asicledger::bench {

struct FleetParty
{
    std::string name, kind, jurisdiction, registrationNo;
};

struct FleetSite
{
    std::string name, region;
    std::size_t operatorParty = 0; // index into parties()
};

// One customs declaration and the packing list finance imports for it. Its units are
// firstUnit .. firstUnit + unitCount - 1 of the fleet; the first `splitAt` go to siteA, the rest
// to siteB; the first `hostedUnits` are hosted for `hostedFor`.
struct FleetShipment
{
    std::size_t index = 0;
    std::string declarationNo;
    Route route = Route::Rail;
    Date dispatch, arrival, declarationDate;
    std::optional<LockTerm> lock; // none: VAT paid at the border
    std::size_t owner = 0;        // party index: importer and legal owner
    std::optional<std::size_t> hostedFor;
    std::size_t hostedUnits = 0;
    std::size_t siteA = 0, siteB = 0, splitAt = 0;
    std::size_t model = 0;
    bool inUsd = false;
    std::size_t firstUnit = 0, unitCount = 0;
};

// The benchmark fleet: parties, ~30 sites of very different sizes (site 0 holds about 5.5% of
// the fleet, 55,000 units at 1M, for the inspection benchmark), and shipments dispatched from
// January 2019 to a month before benchToday(), by air, rail and truck. Pure planning: the same
// units and seed always give the same plan.
class FleetPlan
{
public:
    FleetPlan(std::size_t units, unsigned seed);

    const std::vector<FleetParty>& parties() const { return m_parties; }
    const std::vector<FleetSite>& sites() const { return m_sites; }
    const std::vector<FleetShipment>& shipments() const { return m_shipments; }
    std::size_t units() const { return m_units; }
    // Indices into parties() of the domestic and the overseas companies.
    const std::vector<std::size_t>& domestic() const { return m_domestic; }
    const std::vector<std::size_t>& overseas() const { return m_overseas; }
    // Relative size of each site (site 0 excluded: it is filled on purpose), for choosing
    // where units go and where they move.
    const std::vector<std::size_t>& siteWeights() const { return m_siteWeights; }

    std::string serialOf(const FleetShipment& shipment, std::size_t k) const;
    std::size_t siteOf(const FleetShipment& shipment, std::size_t k) const
    {
        return k < shipment.splitAt ? shipment.siteA : shipment.siteB;
    }
    // The packing list in the importer's canonical format (README, "The CSV import format").
    std::string csvOf(const FleetShipment& shipment) const;

    // A shipment of `units` new units that arrived a few days before benchToday(), with serials
    // and a declaration number no planned shipment uses: the import benchmark's file.
    FleetShipment freshShipment(std::size_t units) const;

private:
    void planParties();
    void planSites();
    void planShipments(unsigned seed);

    std::size_t m_units;
    std::vector<FleetParty> m_parties;
    std::vector<std::size_t> m_domestic, m_overseas;
    std::vector<FleetSite> m_sites;
    std::vector<std::size_t> m_siteWeights;
    std::vector<FleetShipment> m_shipments;
};

} // namespace asicledger::bench
