#include "DemoHistory.hpp"

#include "DemoCast.hpp"
#include "DemoRandom.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger {
namespace {

using boost::gregorian::days;

const std::vector<std::string> kExportReasons{
    "sold to a hosting provider in Kyrgyzstan; shipped by truck through Korday",
    "resold to an overseas buyer; shipped by rail through Dostyk",
    "sent back to the manufacturer's service centre in Shenzhen, not to return",
};
const std::vector<std::string> kFaults{
    "hash board failure reported by the site shift",
    "power supply unit failed",
    "overheating: chip temperature alarms, taken off the rack",
};
const std::vector<std::string> kRepairs{
    "repaired on site: hash board replaced",
    "repaired on site: PSU replaced under warranty",
    "fans and thermal paste replaced; back on the rack",
};
const std::vector<std::string> kNotes{
    "label re-printed after it faded; serial checked against the packing list",
    "firmware updated to the manufacturer's current release",
    "moved to rack C-14 within the same hall",
    "hashrate below nominal by 8%; under observation",
    "photographed for the insurer's annual survey",
};

} // namespace

DemoHistory::DemoHistory(DemoRandom& random, Date today, const DemoImports& imports)
    : m_random(random), m_today(today), m_imports(imports)
{}

std::vector<DemoStep> DemoHistory::plan()
{
    m_steps.clear();
    m_free.assign(m_imports.shipments.size(), {});
    for (std::size_t i = 0; i < m_imports.shipments.size(); ++i) {
        const auto& shipment = m_imports.shipments[i];
        auto& free = m_free[i];
        for (std::size_t u = 0; u < shipment.unitCount; ++u)
            free.push_back(shipment.firstUnit + u);
        m_random.shuffle(free);
        add({.date = shipment.arrival, .kind = DemoStepKind::Import, .shipment = i});
    }

    bool firstUnlocked = true;
    bool firstVatPaid = true;
    for (std::size_t i = 0; i < m_imports.shipments.size(); ++i) {
        const auto& shipment = m_imports.shipments[i];
        if (shipment.lock && shipment.lock->unlockDate() <= m_today) {
            planUnlocked(shipment, i, firstUnlocked);
            firstUnlocked = false;
        } else if (!shipment.lock) {
            planVatPaid(shipment, i, firstVatPaid);
            firstVatPaid = false;
        }
    }
    planExits();
    planHostingChange();
    for (std::size_t i = 0; i < m_imports.shipments.size(); ++i)
        planUpkeep(m_imports.shipments[i], i);
    planInspections();

    std::stable_sort(m_steps.begin(), m_steps.end(), [](const DemoStep& a, const DemoStep& b) {
        return a.date != b.date ? a.date < b.date : a.kind < b.kind;
    });
    return std::move(m_steps);
}

// Machines whose five years have run out: some sold, some moved to another site, a few exported.
void DemoHistory::planUnlocked(const DemoShipment& shipment, std::size_t index, bool showEveryCase)
{
    const auto unlock = shipment.lock->unlockDate();
    if (showEveryCase || m_random.chance(50)) {
        auto serials = take(index, percentOf(shipment.unitCount, 10, 35, 1));
        const std::string buyer =
            m_random.chance(60) ? DemoCast::buyer()
                                : m_random.pick(DemoCast::domesticBuyersFrom(shipment.importer));
        const auto date = dayAfter(unlock, 240);
        add({.date = date,
             .kind = DemoStepKind::Sell,
             .serials = std::move(serials),
             .target = buyer,
             .reason = fmt::format("sold once the VAT-exemption lock had run out; sale and "
                                   "purchase agreement SPA-{}/{:03}",
                                   date.year(), ++m_references)});
    }
    if ((showEveryCase || m_random.chance(35)) && !m_free[index].empty()) {
        const auto from = m_imports.units[m_free[index].back()].site;
        std::vector<std::string> elsewhere;
        for (const auto& site : DemoCast::sites())
            if (site.name != from)
                elsewhere.push_back(site.name);
        const auto& to = m_random.pick(elsewhere);
        add({.date = dayAfter(unlock, 300),
             .kind = DemoStepKind::Move,
             .serials = take(index, percentOf(shipment.unitCount, 5, 15, 1),
                             [&](const DemoUnit& unit) { return unit.site == from; }),
             .target = to,
             .reason = fmt::format("moved from {} to {} after the lock ran out: cheaper power "
                                   "contract",
                                   from, to)});
    }
    if (showEveryCase || m_random.chance(20)) {
        add({.date = dayAfter(unlock, 300),
             .kind = DemoStepKind::Export,
             .serials = take(index, static_cast<std::size_t>(m_random.between(2, 10))),
             .reason = m_random.pick(kExportReasons)});
    }
}

// VAT paid at the border: no lock, so these may be sold or exported at any time.
void DemoHistory::planVatPaid(const DemoShipment& shipment, std::size_t index, bool showEveryCase)
{
    const auto earliest = shipment.arrival + days(20);
    if (earliest > m_today)
        return;
    if (showEveryCase || m_random.chance(60)) {
        const std::string buyer = m_random.pick(DemoCast::domesticBuyersFrom(shipment.importer));
        add({.date = dayAfter(earliest, 400),
             .kind = DemoStepKind::Sell,
             .serials = take(index, percentOf(shipment.unitCount, 10, 30, 1)),
             .target = buyer,
             .reason = "imported with VAT paid, so never locked: resold under a framework "
                       "agreement"});
    }
    if (m_random.chance(30)) {
        add({.date = dayAfter(earliest, 400),
             .kind = DemoStepKind::Export,
             .serials = take(index, static_cast<std::size_t>(m_random.between(2, 8))),
             .reason = m_random.pick(kExportReasons)});
    }
}

// Early exits from units still locked: a few batches paid, recorded by finance and approved by a
// manager (the first then exported today), and one or two still waiting for approval.
void DemoHistory::planExits()
{
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < m_imports.shipments.size(); ++i) {
        const auto& lock = m_imports.shipments[i].lock;
        if (lock && lock->unlockDate() > m_today && lock->start() + days(90) <= m_today)
            candidates.push_back(i);
    }
    if (candidates.empty())
        return;
    m_random.shuffle(candidates);
    const auto approved = std::min<std::size_t>(3, candidates.size());
    for (std::size_t c = 0; c < approved; ++c) {
        const auto& lock = *m_imports.shipments[candidates[c]].lock;
        const auto paid =
            lock.start() + days(m_random.between(60, daysBetween(lock.start(), m_today) - 5));
        const auto reference =
            fmt::format("PP-{}-{:05}", paid.year(), m_random.between(100, 99999));
        auto serials = take(candidates[c], static_cast<std::size_t>(m_random.between(3, 12)));
        add({.date = paid,
             .kind = DemoStepKind::ExitRecord,
             .serials = serials,
             .reference = reference,
             .reason = c == 0
                           ? "early exit to relocate the machines to the group's site abroad"
                           : "early exit ahead of a resale; VAT and penalty paid to the budget"});
        add({.date = std::min(m_today, paid + days(m_random.between(1, 14))),
             .kind = DemoStepKind::ExitApprove,
             .serials = serials,
             .reason = "payment seen on the bank statement"});
        if (c == 0)
            add({.date = m_today,
                 .kind = DemoStepKind::Export,
                 .serials = std::move(serials),
                 .reason = "relocated to the group's site abroad after the approved early exit"});
    }
    const auto waiting = candidates.size() > 1 ? 2 : 1;
    for (int w = 0; w < waiting; ++w) {
        const auto shipment = candidates[static_cast<std::size_t>(w) % candidates.size()];
        const auto paid = m_today - days(m_random.between(1, 20));
        add({.date = paid,
             .kind = DemoStepKind::ExitRecord,
             .serials = take(shipment, static_cast<std::size_t>(m_random.between(1, 3))),
             .reference = fmt::format("PP-{}-{:05}", paid.year(), m_random.between(100, 99999)),
             .reason = "early exit requested by the owner; awaiting the manager's approval"});
    }
}

// A hosting contract changes hands while the units are locked: allowed, the legal owner stays.
void DemoHistory::planHostingChange()
{
    const auto owners = DemoCast::overseasOwners();
    for (std::size_t i = 0; i < m_imports.shipments.size(); ++i) {
        const auto& shipment = m_imports.shipments[i];
        if (!shipment.hostedFor || !shipment.lock || shipment.lock->unlockDate() <= m_today ||
            shipment.lock->start() + days(30) > m_today)
            continue;
        const auto& to = *shipment.hostedFor == owners.front() ? owners.back() : owners.front();
        add({.date = dayAfter(shipment.lock->start() + days(30), 400),
             .kind = DemoStepKind::BeneficialOwner,
             .serials = take(i, percentOf(shipment.unitCount, 5, 20, 1),
                             [](const DemoUnit& unit) { return unit.hosted; }),
             .target = to,
             .reason = fmt::format("hosting agreement assigned from {} to {}; the legal owner "
                                   "keeps the units",
                                   *shipment.hostedFor, to)});
        return;
    }
}

// Breakdowns and repairs, grid curtailments, and the odd note.
void DemoHistory::planUpkeep(const DemoShipment& shipment, std::size_t index)
{
    const auto installed = shipment.arrival + days(10);
    if (installed >= m_today)
        return;
    const auto breakAndMend = [&](std::vector<std::string> serials, UnitStatus status,
                                  std::string why, std::string mended, int mendPercent) {
        if (serials.empty())
            return;
        const auto broke = dayAfter(installed, 900);
        const auto fixed = serials.size() * static_cast<std::size_t>(mendPercent) / 100;
        std::vector<std::string> back(serials.begin(),
                                      serials.begin() + static_cast<std::ptrdiff_t>(fixed));
        add({.date = broke,
             .kind = DemoStepKind::Status,
             .serials = std::move(serials),
             .reason = std::move(why),
             .status = status});
        if (!back.empty() && broke < m_today)
            add({.date = dayAfter(broke + days(1), 60),
                 .kind = DemoStepKind::Status,
                 .serials = std::move(back),
                 .reason = std::move(mended),
                 .status = UnitStatus::Running});
    };
    if (m_random.chance(70)) {
        for (int batch = 0; batch < 2; ++batch)
            breakAndMend(take(index, percentOf(shipment.unitCount, 1, 2, 1)), UnitStatus::Faulty,
                         m_random.pick(kFaults), m_random.pick(kRepairs), 50);
    }
    if (m_random.chance(20))
        breakAndMend(take(index, percentOf(shipment.unitCount, 2, 5, 1)), UnitStatus::Stopped,
                     "curtailed: grid operator's dispatch order for the evening peak",
                     "curtailment lifted; restarted", 70);
    for (auto notes = m_random.between(0, 2); notes > 0; --notes) {
        auto serials = take(index, 1);
        if (serials.empty())
            break;
        add({.date = dayAfter(shipment.arrival, 1200),
             .kind = DemoStepKind::Note,
             .serials = std::move(serials),
             .target = m_random.pick(kNotes)});
    }
}

// Two state inspections of exempt equipment: the busiest site a month or two ago, and the
// quietest one lately. What the inspectors saw is read off the ledger when the step is applied.
void DemoHistory::planInspections()
{
    const auto first = m_today - days(m_random.between(30, 90));
    const auto second = m_today - days(m_random.between(5, 25));
    const auto unitsAt = [&](const std::string& site, Date day) {
        std::size_t units = 0;
        for (const auto& unit : m_imports.units)
            units += unit.site == site && m_imports.shipments[unit.shipment].arrival <= day;
        return units;
    };
    std::string busiest;
    std::string quietest;
    std::size_t most = 0;
    std::size_t fewest = m_imports.units.size() + 1;
    for (const auto& site : DemoCast::sites()) {
        if (const auto units = unitsAt(site.name, first); units > most) {
            most = units;
            busiest = site.name;
        }
    }
    for (const auto& site : DemoCast::sites()) {
        const auto units = unitsAt(site.name, second);
        if (site.name != busiest && units > 0 && units < fewest) {
            fewest = units;
            quietest = site.name;
        }
    }
    if (!busiest.empty())
        add({.date = first,
             .kind = DemoStepKind::Inspection,
             .target = busiest,
             .reference = fmt::format("{}/{}", m_random.between(100, 400), first.year()),
             .reason = "Департамент государственных доходов по Павлодарской области",
             .inspectors = {"А. Серикбаев", "Д. Омарова"}});
    if (!quietest.empty())
        add({.date = second,
             .kind = DemoStepKind::Inspection,
             .target = quietest,
             .reference = fmt::format("SRD-{}-{:04}", second.year(), m_random.between(10, 900)),
             .reason = "State Revenue Department (regional office)",
             .inspectors = {"M. Zhaksylykov"}});
}

std::vector<std::string> DemoHistory::take(std::size_t shipment, std::size_t count,
                                           const UnitTest& test)
{
    std::vector<std::string> serials;
    auto& free = m_free[shipment];
    for (auto i = free.size(); i > 0 && serials.size() < count; --i) {
        const auto& unit = m_imports.units[free[i - 1]];
        if (test && !test(unit))
            continue;
        serials.push_back(unit.serial);
        free.erase(free.begin() + static_cast<std::ptrdiff_t>(i - 1));
    }
    return serials;
}

std::size_t DemoHistory::percentOf(std::size_t units, int lowPercent, int highPercent,
                                   std::size_t least)
{
    const auto percent = static_cast<std::size_t>(m_random.between(lowPercent, highPercent));
    return std::max(least, units * percent / 100);
}

Date DemoHistory::dayAfter(Date from, long maxDays)
{
    const auto window = std::min<long>(maxDays, daysBetween(from, m_today));
    return from + days(window > 0 ? m_random.between(0, window) : 0);
}

void DemoHistory::add(DemoStep step)
{
    if (step.kind == DemoStepKind::Import || step.kind == DemoStepKind::Inspection ||
        !step.serials.empty())
        m_steps.push_back(std::move(step));
}

} // namespace asicledger
