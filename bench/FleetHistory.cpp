#include "FleetHistory.hpp"

#include "BenchSetup.hpp"
#include "FleetPlan.hpp"
#include "Ledger.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger::bench {

using boost::gregorian::days;

FleetHistory::FleetHistory(Ledger& ledger, const FleetPlan& plan, const FleetStaff& staff,
                           unsigned seed, bool light)
    : m_ledger(ledger), m_plan(plan), m_staff(staff), m_random(seed), m_importer(ledger),
      m_actions(ledger), m_exits(ledger), m_light(light)
{}

Date FleetHistory::lastActionDay()
{
    return benchToday() - days(2);
}

void FleetHistory::counted(std::size_t units)
{
    ++m_tally.writes;
    m_tally.unitEvents += units;
}

void FleetHistory::play(const FleetShipment& shipment)
{
    m_importer.importCsv(m_staff.finance, m_plan.csvOf(shipment), /*dryRun=*/false);
    counted(shipment.unitCount);

    std::vector<UnitState> units(shipment.unitCount);
    for (std::size_t k = 0; k < units.size(); ++k) {
        auto& unit = units[k];
        unit.site = m_plan.siteOf(shipment, k);
        unit.owner = shipment.owner;
        if (k < shipment.hostedUnits)
            unit.beneficial = static_cast<int>(*shipment.hostedFor);
        unit.freeFrom = shipment.lock ? shipment.lock->unlockDate() : shipment.arrival;
    }

    // Bulk actions on days after the arrival, in date order.
    const auto span = (lastActionDay() - shipment.arrival).days();
    std::vector<Date> when;
    for (auto n = (m_light ? m_random.between(1, 2) : m_random.between(10, 15)); n > 0 && span >= 1;
         --n)
        when.push_back(shipment.arrival + days(m_random.between(1, span)));
    std::sort(when.begin(), when.end());
    when.erase(std::unique(when.begin(), when.end()), when.end());
    for (const auto date : when)
        act(shipment, units, date);
    exitSome(shipment, units);
}

std::vector<std::size_t> FleetHistory::choose(const std::vector<UnitState>& units,
                                              const std::function<bool(const UnitState&)>& eligible,
                                              int percentLow, int percentHigh)
{
    const auto percent = m_random.between(percentLow, percentHigh);
    std::vector<std::size_t> chosen;
    for (std::size_t k = 0; k < units.size(); ++k)
        if (!units[k].done && eligible(units[k]) && m_random.between(0, 99) < percent)
            chosen.push_back(k);
    return chosen;
}

std::vector<std::string> FleetHistory::serials(const FleetShipment& shipment,
                                               const std::vector<std::size_t>& chosen) const
{
    std::vector<std::string> serials;
    serials.reserve(chosen.size());
    for (auto k : chosen)
        serials.push_back(m_plan.serialOf(shipment, k));
    return serials;
}

void FleetHistory::act(const FleetShipment& shipment, std::vector<UnitState>& units, Date date)
{
    const bool anyFree = std::any_of(units.begin(), units.end(), [&](const UnitState& unit) {
        return !unit.done && unit.freeFrom <= date;
    });
    const auto isFree = [date](const UnitState& unit) { return unit.freeFrom <= date; };
    const auto draw = m_random.between(0, 99);
    const auto& finance = m_staff.finance;

    if (anyFree && draw < 15) {
        const auto buyer = m_random.pick(m_plan.domestic());
        const auto chosen = choose(
            units, [&](const UnitState& u) { return isFree(u) && u.owner != buyer; }, 20, 70);
        if (chosen.empty())
            return;
        m_actions.sell(finance, serials(shipment, chosen), m_plan.parties()[buyer].name, date,
                       "sold under the group's fleet rebalancing");
        for (auto k : chosen)
            units[k].owner = buyer;
        counted(chosen.size());
    } else if (anyFree && draw < 30) {
        const auto& weights = m_plan.siteWeights();
        std::size_t target =
            1 + static_cast<std::size_t>(m_random.between(0, std::ssize(weights) - 2));
        const auto chosen = choose(
            units, [&](const UnitState& u) { return isFree(u) && u.site != 0 && u.site != target; },
            20, 70);
        if (chosen.empty())
            return;
        m_actions.move(finance, serials(shipment, chosen), m_plan.sites()[target].name, date,
                       "moved for cheaper power");
        for (auto k : chosen)
            units[k].site = target;
        counted(chosen.size());
    } else if (anyFree && draw < 34) {
        const auto chosen = choose(
            units, [&](const UnitState& u) { return isFree(u) && u.site != 0; }, 5, 20);
        if (chosen.empty())
            return;
        m_actions.exportUnits(finance, serials(shipment, chosen), date,
                              "sold abroad after the exemption ran out");
        for (auto k : chosen)
            units[k].done = true;
        counted(chosen.size());
    } else if (draw < 75) {
        const auto kind = m_random.between(0, 99);
        const auto status = kind < 50   ? UnitStatus::Stopped
                            : kind < 85 ? UnitStatus::Running
                                        : UnitStatus::Faulty;
        const auto chosen =
            status == UnitStatus::Running
                ? choose(
                      units, [](const UnitState& u) { return u.status != UnitStatus::Running; }, 60,
                      100)
                : choose(
                      units, [](const UnitState& u) { return u.status == UnitStatus::Running; },
                      status == UnitStatus::Faulty ? 3 : 30,
                      status == UnitStatus::Faulty ? 15 : 90);
        if (chosen.empty())
            return;
        m_actions.setStatus(finance, serials(shipment, chosen), status, date,
                            status == UnitStatus::Stopped   ? "curtailed at the grid's request"
                            : status == UnitStatus::Running ? "back online"
                                                            : "hashboard failure");
        for (auto k : chosen)
            units[k].status = status;
        counted(chosen.size());
    } else {
        const int owner =
            m_random.chance(25) ? -1 : static_cast<int>(m_random.pick(m_plan.overseas()));
        const auto chosen = choose(
            units, [&](const UnitState& u) { return u.beneficial != owner; }, 20, 80);
        if (chosen.empty())
            return;
        m_actions.setBeneficialOwner(
            finance, serials(shipment, chosen),
            owner < 0 ? std::nullopt
                      : std::optional<std::string>(
                            m_plan.parties()[static_cast<std::size_t>(owner)].name),
            date, owner < 0 ? "hosting contract ended" : "new hosting contract");
        for (auto k : chosen)
            units[k].beneficial = owner;
        counted(chosen.size());
    }
}

// One shipment in ten still locked at the end has a few units leave early: finance records the
// payment, a manager approves it (every fifth exit is left waiting for approval).
void FleetHistory::exitSome(const FleetShipment& shipment, std::vector<UnitState>& units)
{
    const auto day = lastActionDay();
    if (!shipment.lock || shipment.lock->unlockDate() <= day || !m_random.chance(10))
        return;
    const auto chosen = choose(
        units, [](const UnitState&) { return true; }, 1, 3);
    if (chosen.empty())
        return;
    const auto exiting = serials(shipment, chosen);
    ++m_exitCount;
    m_exits.record(m_staff.finance, exiting, day, fmt::format("KZ-VAT-{:06}", m_exitCount),
                   "early exit to sell the machines abroad");
    counted(chosen.size());
    if (m_exitCount % 5 != 0) {
        m_exits.approve(m_staff.manager, exiting, "payment seen on the treasury account");
        counted(chosen.size());
    }
    for (auto k : chosen)
        units[k].done = true;
}

} // namespace asicledger::bench
