#include "UnitActions.hpp"

#include "EntityRegistry.hpp"
#include "ExitDesk.hpp"
#include "Ledger.hpp"
#include "PlainText.hpp"
#include "SiteRegistry.hpp"
#include "UnitSelection.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <functional>

namespace asicledger {
namespace {

constexpr std::size_t kReasonsInMessage = 5;

std::string refusalMessage(const std::vector<UnitRefusal>& refusals)
{
    auto message = fmt::format("{} unit{} refused; nothing was written:", refusals.size(),
                               refusals.size() == 1 ? " was" : "s were");
    for (std::size_t i = 0; i < refusals.size() && i < kReasonsInMessage; ++i)
        message += "\n- " + refusals[i].reason;
    if (refusals.size() > kReasonsInMessage)
        message += fmt::format("\n- ... and {} more", refusals.size() - kReasonsInMessage);
    return message;
}

// One kind of change to units: what it needs, why it may be refused for a unit (beyond the
// rules every dated action obeys), and what it writes.
struct UnitChange
{
    std::string_view what; // "selling units", for the permission refusal
    std::string action;    // journal action
    std::function<std::optional<std::string>(const UnitRecord&)> refusal;
    std::function<void(ChangeSet&, const UnitRecord&)> apply;
    std::function<std::string(std::size_t)> summary;
};

// Checks every unit inside the write's transaction, so nothing can change between the check and
// the write, and writes only when no unit is refused.
std::size_t applyToUnits(Ledger& ledger, const Actor& actor,
                         const std::vector<std::string>& serials, Date date,
                         const std::string& reason, const UnitChange& change)
{
    return ledger.write(actor, Permission::RecordFinance, change.what, change.action,
                        [&](ChangeSet& changes) {
                            UnitSelection selection(ledger);
                            std::vector<UnitRecord> units;
                            std::vector<UnitRefusal> refusals;
                            for (auto& selected : selection.resolve(serials)) {
                                if (!selected.unit) {
                                    refusals.push_back({selected.serial, selected.problem});
                                    continue;
                                }
                                auto problem = selection.dateProblem(*selected.unit, date);
                                if (!problem)
                                    problem = change.refusal(*selected.unit);
                                if (problem)
                                    refusals.push_back({selected.serial, *problem});
                                else
                                    units.push_back(std::move(*selected.unit));
                            }
                            if (!refusals.empty())
                                throw UnitActionRefused(std::move(refusals));
                            for (const auto& unit : units)
                                change.apply(changes, unit);
                            changes.setSummary(change.summary(units.size()));
                            changes.setReason(reason);
                            return units.size();
                        });
}

std::string unitsText(std::size_t count)
{
    return fmt::format("{} unit{}", count, count == 1 ? "" : "s");
}

// Why a sale, move or export is refused on `date`, or nothing when the unit is free that day. The
// refusal tells a clerk when the unit frees itself and what leaving early would cost on that date.
class LockCheck
{
public:
    explicit LockCheck(Ledger& ledger) : m_ledger(ledger), m_exits(ledger) {}

    std::optional<std::string> refusal(const UnitRecord& unit, Date date, std::string_view verb)
    {
        if (!unit.isLockedOn(date))
            return std::nullopt;
        const auto& lock = *unit.lock;
        auto message = fmt::format("{} is under the VAT-exemption lock until {} (exempt from {}); "
                                   "it may be {} from {}.",
                                   unit.serial, isoDate(lock.lockEnd()), isoDate(lock.start()),
                                   verb, isoDate(lock.unlockDate()));
        if (unit.exitPending)
            return message + pendingText(unit);
        try {
            const auto quote = m_exits.quote(unit, date);
            return message + fmt::format(" Exiting early on {} would cost {} KZT (VAT {} + penalty "
                                         "{}): see 'asicledger exit quote {} --date {}'.",
                                         isoDate(date), formatTenge(quote.total),
                                         formatTenge(quote.principal), formatTenge(quote.penalty),
                                         unit.serial, isoDate(date));
        } catch (const LedgerError& error) {
            return message + fmt::format(" The cost of exiting early on {} cannot be quoted: {}.",
                                         isoDate(date), error.what());
        }
    }

private:
    std::string pendingText(const UnitRecord& unit)
    {
        SQLite::Statement query(m_ledger.db(),
                                "SELECT payment_date, payment_ref, recorded_by FROM exit_payment "
                                "WHERE unit_id = ? AND approved_by IS NULL ORDER BY id LIMIT 1");
        query.bind(1, unit.id);
        if (!query.executeStep())
            return " Its early exit awaits a manager's approval.";
        return fmt::format(" Its early exit paid on {} (ref {}, recorded by {}) awaits a "
                           "manager's approval; once approved it is free from {} "
                           "('asicledger exit approve {}').",
                           query.getColumn(0).getString(), query.getColumn(1).getString(),
                           query.getColumn(2).getString(), query.getColumn(0).getString(),
                           unit.serial);
    }

    Ledger& m_ledger;
    ExitDesk m_exits;
};

std::string beneficialText(const std::optional<std::string>& owner)
{
    return owner ? *owner : std::string("none");
}

} // namespace

UnitActionRefused::UnitActionRefused(std::vector<UnitRefusal> refusals)
    : Refusal(refusalMessage(refusals)), m_refusals(std::move(refusals))
{}

std::size_t UnitActions::sell(const Actor& actor, const std::vector<std::string>& serials,
                              std::string_view buyerName, Date date, const std::string& reason)
{
    constexpr std::string_view what = "selling units";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    UnitSelection::requireNotFuture(date, m_ledger.today(), "the sale");
    const auto buyer = EntityRegistry(m_ledger).require(buyerName);
    LockCheck locks(m_ledger);
    return applyToUnits(
        m_ledger, actor, serials, date, reason,
        {what, "unit.sell",
         [&](const UnitRecord& unit) -> std::optional<std::string> {
             if (unit.legalOwnerId == buyer.id)
                 return fmt::format("{} is already owned by {}: a sale needs a new legal owner",
                                    unit.serial, buyer.name);
             return locks.refusal(unit, date, "sold");
         },
         [&](ChangeSet& changes, const UnitRecord& unit) {
             changes.update("unit", unit.id, {{"legal_owner_id", buyer.id}});
             UnitSelection::appendEvent(
                 changes, unit.id, date, "sold",
                 fmt::format("sold from {} to {}", unit.legalOwner, buyer.name),
                 {unit.siteId, buyer.id, unit.status});
         },
         [&](std::size_t count) {
             return fmt::format("sold {} to {} on {}", unitsText(count), buyer.name, isoDate(date));
         }});
}

std::size_t UnitActions::move(const Actor& actor, const std::vector<std::string>& serials,
                              std::string_view siteName, Date date, const std::string& reason)
{
    constexpr std::string_view what = "moving units";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    UnitSelection::requireNotFuture(date, m_ledger.today(), "the move");
    const auto site = SiteRegistry(m_ledger).require(siteName);
    LockCheck locks(m_ledger);
    return applyToUnits(
        m_ledger, actor, serials, date, reason,
        {what, "unit.move",
         [&](const UnitRecord& unit) -> std::optional<std::string> {
             if (unit.siteId == site.id)
                 return fmt::format("{} is already at {}: a move needs another site", unit.serial,
                                    site.name);
             return locks.refusal(unit, date, "moved");
         },
         [&](ChangeSet& changes, const UnitRecord& unit) {
             changes.update("unit", unit.id, {{"site_id", site.id}});
             UnitSelection::appendEvent(changes, unit.id, date, "moved",
                                        fmt::format("moved from {} to {}", unit.site, site.name),
                                        {site.id, unit.legalOwnerId, unit.status});
         },
         [&](std::size_t count) {
             return fmt::format("moved {} to {} on {}", unitsText(count), site.name, isoDate(date));
         }});
}

std::size_t UnitActions::exportUnits(const Actor& actor, const std::vector<std::string>& serials,
                                     Date date, const std::string& reason)
{
    constexpr std::string_view what = "exporting units";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    UnitSelection::requireNotFuture(date, m_ledger.today(), "the export");
    LockCheck locks(m_ledger);
    return applyToUnits(
        m_ledger, actor, serials, date, reason,
        {what, "unit.export",
         [&](const UnitRecord& unit) { return locks.refusal(unit, date, "exported"); },
         [&](ChangeSet& changes, const UnitRecord& unit) {
             changes.update("unit", unit.id,
                            {{"status", std::string(toText(UnitStatus::Exported))}});
             UnitSelection::appendEvent(
                 changes, unit.id, date, "exported",
                 fmt::format("exported from {}: left Kazakhstan (legal owner {})", unit.site,
                             unit.legalOwner),
                 {unit.siteId, unit.legalOwnerId, UnitStatus::Exported});
         },
         [&](std::size_t count) {
             return fmt::format("exported {} on {}", unitsText(count), isoDate(date));
         }});
}

std::size_t UnitActions::setStatus(const Actor& actor, const std::vector<std::string>& serials,
                                   UnitStatus status, Date date, const std::string& reason)
{
    constexpr std::string_view what = "changing the status of units";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    if (status == UnitStatus::Exported)
        throw InvalidInput("a unit leaves Kazakhstan by an export ('asicledger export'), which "
                           "checks its lock; a status change is running, stopped or faulty");
    UnitSelection::requireNotFuture(date, m_ledger.today(), "the status change");
    const std::string newStatus(toText(status));
    return applyToUnits(m_ledger, actor, serials, date, reason,
                        {what, "unit.status",
                         [&](const UnitRecord& unit) -> std::optional<std::string> {
                             if (unit.status == status)
                                 return fmt::format("{} is already {}", unit.serial, newStatus);
                             return std::nullopt;
                         },
                         [&](ChangeSet& changes, const UnitRecord& unit) {
                             changes.update("unit", unit.id, {{"status", newStatus}});
                             UnitSelection::appendEvent(changes, unit.id, date, "status",
                                                        fmt::format("status changed from {} to {}",
                                                                    toText(unit.status), newStatus),
                                                        {unit.siteId, unit.legalOwnerId, status});
                         },
                         [&](std::size_t count) {
                             return fmt::format("set {} to {} on {}", unitsText(count), newStatus,
                                                isoDate(date));
                         }});
}

std::size_t UnitActions::setBeneficialOwner(const Actor& actor,
                                            const std::vector<std::string>& serials,
                                            std::optional<std::string> ownerName, Date date,
                                            const std::string& reason)
{
    constexpr std::string_view what = "changing the beneficial owner of units";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    UnitSelection::requireNotFuture(date, m_ledger.today(), "the change of beneficial owner");
    std::optional<Entity> owner;
    if (ownerName && !trim(*ownerName).empty())
        owner = EntityRegistry(m_ledger).require(*ownerName);
    const std::optional<std::string> newName =
        owner ? std::optional<std::string>(owner->name) : std::nullopt;
    return applyToUnits(
        m_ledger, actor, serials, date, reason,
        {what, "unit.beneficial_owner",
         [&](const UnitRecord& unit) -> std::optional<std::string> {
             const std::optional<std::int64_t> newId =
                 owner ? std::optional<std::int64_t>(owner->id) : std::nullopt;
             if (unit.beneficialOwnerId == newId)
                 return owner ? fmt::format("{} already has {} as its beneficial owner",
                                            unit.serial, owner->name)
                              : fmt::format("{} has no beneficial owner to remove", unit.serial);
             return std::nullopt;
         },
         [&](ChangeSet& changes, const UnitRecord& unit) {
             changes.update("unit", unit.id,
                            {{"beneficial_owner_id", owner ? SqlValue(owner->id) : nullptr}});
             UnitSelection::appendEvent(
                 changes, unit.id, date, "beneficial_owner",
                 fmt::format("beneficial owner changed from {} to {}; legal owner stays {}",
                             beneficialText(unit.beneficialOwner), beneficialText(newName),
                             unit.legalOwner),
                 EventPlacement::of(unit));
         },
         [&](std::size_t count) {
             return fmt::format("set the beneficial owner of {} to {} on {}", unitsText(count),
                                beneficialText(newName), isoDate(date));
         }});
}

void UnitActions::addNote(const Actor& actor, const std::string& serial, Date date,
                          const std::string& textIn)
{
    constexpr std::string_view what = "adding a note to a unit";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    const auto text = trim(textIn);
    if (text.empty())
        throw InvalidInput("a note needs some text");
    UnitSelection::requireNotFuture(date, m_ledger.today(), "the note");
    applyToUnits(m_ledger, actor, {serial}, date, {},
                 {what, "unit.note", [](const UnitRecord&) { return std::nullopt; },
                  [&](ChangeSet& changes, const UnitRecord& unit) {
                      UnitSelection::appendEvent(changes, unit.id, date, "note", text,
                                                 EventPlacement::of(unit));
                  },
                  [&](std::size_t) { return fmt::format("note on {}: {}", trim(serial), text); }});
}

} // namespace asicledger
