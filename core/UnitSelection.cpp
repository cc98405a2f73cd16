#include "UnitSelection.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "Serial.hpp"
#include "UnitRegister.hpp"

#include <fmt/format.h>
#include <set>

namespace asicledger {

UnitSelection::UnitSelection(Ledger& ledger) : m_ledger(ledger) {}

UnitSelection::~UnitSelection() = default;

std::vector<SelectedUnit> UnitSelection::resolve(const std::vector<std::string>& serials)
{
    if (serials.empty())
        throw InvalidInput("name at least one unit by its serial");
    UnitRegister units(m_ledger);
    std::vector<SelectedUnit> selected;
    std::set<std::string> seen;
    for (const auto& text : serials) {
        std::string problem;
        const auto serial = Serial::tryParse(text, &problem);
        if (!serial) {
            selected.push_back({text, std::nullopt, problem});
            continue;
        }
        // The same unit named twice (a scanner double-read) is one unit, not two actions.
        if (!seen.insert(serial->text()).second)
            continue;
        auto unit = units.find(*serial);
        if (!unit) {
            selected.push_back(
                {serial->text(), std::nullopt,
                 fmt::format("no unit with serial {} is in the ledger: check the serial "
                             "('asicledger units' lists them)",
                             serial->text())});
            continue;
        }
        selected.push_back({serial->text(), std::move(unit), {}});
    }
    return selected;
}

std::optional<Date> UnitSelection::latestEvent(std::int64_t unitId, const char* kindFilter)
{
    auto& slot = kindFilter ? m_latestExport : m_latestEvent;
    if (!slot) {
        // Both from an index: unit_event_by_unit (unit_id, event_date, id) for the latest event,
        // unit_event_exports (exports only, schema/004) for the latest export.
        slot.emplace(m_ledger.db(),
                     kindFilter ? "SELECT max(event_date) FROM unit_event WHERE unit_id = ? AND "
                                  "kind = 'exported'"
                                : "SELECT max(event_date) FROM unit_event WHERE unit_id = ?");
    }
    slot->reset();
    slot->bind(1, unitId);
    if (!slot->executeStep() || slot->getColumn(0).isNull())
        return std::nullopt;
    return parseDate(slot->getColumn(0).getString());
}

std::optional<std::string> UnitSelection::dateProblem(const UnitRecord& unit, Date date)
{
    if (unit.status == UnitStatus::Exported) {
        const auto exported = latestEvent(unit.id, "exported");
        return fmt::format("{} left Kazakhstan on {} (exported): no further action can be "
                           "recorded for it",
                           unit.serial, exported ? isoDate(*exported) : std::string("record"));
    }
    if (date < unit.arrivalDate)
        return fmt::format("{} arrived in Kazakhstan on {} (declaration {}): an action dated {} "
                           "would come before it arrived; check the date",
                           unit.serial, isoDate(unit.arrivalDate), unit.declarationNo,
                           isoDate(date));
    if (const auto latest = latestEvent(unit.id, nullptr); latest && date < *latest)
        return fmt::format("{} cannot take an action dated {}: its history already has an event "
                           "on {}; record actions in date order (on {} or later)",
                           unit.serial, isoDate(date), isoDate(*latest), isoDate(*latest));
    return std::nullopt;
}

void UnitSelection::requireNotFuture(Date date, Date today, std::string_view what)
{
    if (date.is_special())
        throw InvalidInput(fmt::format("{} needs a date", what));
    if (date > today)
        throw Refusal(fmt::format("{} is dated {}, after today ({}): dates in the future are "
                                  "refused; record it on the day it happens",
                                  what, isoDate(date), isoDate(today)));
}

void UnitSelection::appendEvent(ChangeSet& changes, std::int64_t unitId, Date date,
                                std::string_view kind, const std::string& detail,
                                const EventPlacement& after)
{
    changes.insert("unit_event", {{"unit_id", unitId},
                                  {"event_date", isoDate(date)},
                                  {"kind", std::string(kind)},
                                  {"detail", detail},
                                  {"journal_seq", changes.journalSeq()},
                                  {"site_id", after.siteId},
                                  {"legal_owner_id", after.legalOwnerId},
                                  {"status", std::string(toText(after.status))}});
}

} // namespace asicledger
