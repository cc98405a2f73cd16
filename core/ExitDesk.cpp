#include "ExitDesk.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PenaltySchedule.hpp"
#include "PlainText.hpp"
#include "RateTables.hpp"
#include "UnitActions.hpp"
#include "UnitRecord.hpp"
#include "UnitSelection.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

// The exit waiting for a manager on one unit, if any.
struct PendingRow
{
    std::int64_t id = 0;
    Date paymentDate;
    std::string paymentRef;
    std::string recordedBy;
};

std::optional<PendingRow> pendingExitOf(SQLite::Database& db, std::int64_t unitId)
{
    SQLite::Statement query(db, "SELECT id, payment_date, payment_ref, recorded_by FROM "
                                "exit_payment WHERE unit_id = ? AND approved_by IS NULL "
                                "ORDER BY id LIMIT 1");
    query.bind(1, unitId);
    if (!query.executeStep())
        return std::nullopt;
    return PendingRow{query.getColumn(0).getInt64(),
                      parseDate(query.getColumn(1).getString()).value_or(Date()),
                      query.getColumn(2).getString(), query.getColumn(3).getString()};
}

void addToBatch(ExitQuoteBatch& batch, ExitQuote quote)
{
    batch.principal += quote.principal;
    batch.penalty += quote.penalty;
    batch.total += quote.total;
    batch.units.push_back(std::move(quote));
}

} // namespace

ExitDesk::ExitDesk(Ledger& ledger) : m_ledger(ledger) {}

ExitDesk::~ExitDesk() = default;

ExitQuote ExitDesk::quote(const UnitRecord& unit, Date paymentDate)
{
    if (!unit.lock || !unit.vatExempted)
        throw Refusal(fmt::format("{} was imported with VAT paid; there is no exemption to exit",
                                  unit.serial));
    if (unit.status == UnitStatus::Exported)
        throw Refusal(fmt::format("{} has been exported from Kazakhstan; there is no exemption "
                                  "left to exit",
                                  unit.serial));
    // Before its release the unit was locked like any other, so a quote for that day still stands.
    if (unit.releasedOn && paymentDate >= *unit.releasedOn)
        throw Refusal(fmt::format("{} was already released by an early exit paid on {}; nothing "
                                  "more is due",
                                  unit.serial, isoDate(*unit.releasedOn)));
    const auto& lock = *unit.lock;
    if (paymentDate < lock.start())
        throw Refusal(fmt::format("{} is exempt only from {}: an exit paid on {} would come before "
                                  "the exemption started",
                                  unit.serial, isoDate(lock.start()), isoDate(paymentDate)));
    if (paymentDate >= lock.unlockDate())
        throw Refusal(fmt::format("{} unlocks on {}: no exit payment is due from that day",
                                  unit.serial, isoDate(lock.unlockDate())));

    if (!m_schedule) {
        m_schedule = std::make_unique<PenaltySchedule>(RateTables::baseRates(m_ledger.db()),
                                                       RateTables::exitPolicies(m_ledger.db()));
    }
    ExitQuote quote;
    quote.serial = unit.serial;
    quote.exemptionStart = lock.start();
    quote.lockEnd = lock.lockEnd();
    quote.unlockDate = lock.unlockDate();
    quote.paymentDate = paymentDate;
    quote.vatRateBp = unit.vatRateBp;
    quote.customsValue = unit.customsValue;
    quote.principal = *unit.vatExempted;
    quote.penalty = m_schedule->penalty(quote.principal, lock.start(), paymentDate);
    quote.total = quote.principal + quote.penalty;
    quote.accrualDays = m_schedule->accrualDays(lock.start(), paymentDate);
    return quote;
}

ExitQuoteBatch ExitDesk::quote(const std::vector<std::string>& serials, Date paymentDate)
{
    ExitQuoteBatch batch;
    std::vector<UnitRefusal> refusals;
    for (const auto& selected : UnitSelection(m_ledger).resolve(serials)) {
        if (!selected.unit) {
            refusals.push_back({selected.serial, selected.problem});
            continue;
        }
        try {
            addToBatch(batch, quote(*selected.unit, paymentDate));
        } catch (const Refusal& refusal) {
            refusals.push_back({selected.serial, refusal.what()});
        }
    }
    if (!refusals.empty())
        throw UnitActionRefused(std::move(refusals));
    return batch;
}

ExitQuoteBatch ExitDesk::record(const Actor& actor, const std::vector<std::string>& serials,
                                Date paymentDate, const std::string& paymentRefText,
                                const std::string& reason)
{
    constexpr std::string_view what = "recording an early exit";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    const auto paymentRef = trim(paymentRefText);
    if (paymentRef.empty())
        throw InvalidInput("an early exit needs the payment reference of the VAT and penalty "
                           "payment (--payment-ref)");
    UnitSelection::requireNotFuture(paymentDate, m_ledger.today(), "the exit payment");

    return m_ledger.write(
        actor, Permission::RecordFinance, what, "exit.record", [&](ChangeSet& changes) {
            UnitSelection selection(m_ledger);
            ExitQuoteBatch batch;
            std::vector<std::int64_t> unitIds;
            std::vector<UnitRefusal> refusals;
            std::vector<EventPlacement> placements;
            for (const auto& selected : selection.resolve(serials)) {
                if (!selected.unit) {
                    refusals.push_back({selected.serial, selected.problem});
                    continue;
                }
                const auto& unit = *selected.unit;
                if (auto problem = selection.dateProblem(unit, paymentDate)) {
                    refusals.push_back({unit.serial, *problem});
                    continue;
                }
                if (unit.releasedOn) {
                    refusals.push_back(
                        {unit.serial,
                         fmt::format("{} was already released by an approved early exit "
                                     "paid on {}; it cannot be exited twice",
                                     unit.serial, isoDate(*unit.releasedOn))});
                    continue;
                }
                if (auto pending = pendingExitOf(m_ledger.db(), unit.id)) {
                    refusals.push_back(
                        {unit.serial,
                         fmt::format(
                             "{} already has an early exit paid on {} (ref {}), recorded by {} "
                             "and awaiting a manager's approval",
                             unit.serial, isoDate(pending->paymentDate), pending->paymentRef,
                             pending->recordedBy)});
                    continue;
                }
                try {
                    addToBatch(batch, quote(unit, paymentDate));
                    unitIds.push_back(unit.id);
                    placements.push_back(EventPlacement::of(unit));
                } catch (const Refusal& refusal) {
                    refusals.push_back({unit.serial, refusal.what()});
                }
            }
            if (!refusals.empty())
                throw UnitActionRefused(std::move(refusals));

            for (std::size_t i = 0; i < unitIds.size(); ++i) {
                const auto& quote = batch.units[i];
                changes.insert("exit_payment", {{"unit_id", unitIds[i]},
                                                {"payment_date", isoDate(paymentDate)},
                                                {"principal_tiyn", quote.principal.minor()},
                                                {"penalty_tiyn", quote.penalty.minor()},
                                                {"total_tiyn", quote.total.minor()},
                                                {"payment_ref", paymentRef},
                                                {"recorded_by", actor.name},
                                                {"approved_by", nullptr},
                                                {"approval_note", nullptr}});
                UnitSelection::appendEvent(
                    changes, unitIds[i], paymentDate, "exit_recorded",
                    fmt::format("early exit paid on {} (ref {}): {} KZT (VAT {} + penalty {}); "
                                "awaiting a manager's approval",
                                isoDate(paymentDate), paymentRef, formatTenge(quote.total),
                                formatTenge(quote.principal), formatTenge(quote.penalty)),
                    placements[i]);
            }
            changes.setSummary(
                fmt::format("recorded the early exit of {} unit{} paid on {} (ref {}): "
                            "{} KZT",
                            unitIds.size(), unitIds.size() == 1 ? "" : "s", isoDate(paymentDate),
                            paymentRef, formatTenge(batch.total)));
            changes.setReason(reason);
            return batch;
        });
}

void ExitDesk::approve(const Actor& actor, const std::vector<std::string>& serials,
                       const std::string& noteText)
{
    constexpr std::string_view what = "approving an early exit";
    AccessPolicy::require(actor, Permission::ApproveExits, what);
    const auto note = trim(noteText);

    m_ledger.write(actor, Permission::ApproveExits, what, "exit.approve", [&](ChangeSet& changes) {
        struct Approval
        {
            std::int64_t unitId;
            EventPlacement placement;
            PendingRow exit;
        };
        std::vector<Approval> approvals;
        std::vector<UnitRefusal> refusals;
        for (const auto& selected : UnitSelection(m_ledger).resolve(serials)) {
            if (!selected.unit) {
                refusals.push_back({selected.serial, selected.problem});
                continue;
            }
            const auto& unit = *selected.unit;
            const auto pending = pendingExitOf(m_ledger.db(), unit.id);
            if (!pending) {
                refusals.push_back(
                    {unit.serial,
                     unit.releasedOn
                         ? fmt::format("{} has no early exit awaiting approval: its exit was "
                                       "already approved and it is free from {}",
                                       unit.serial, isoDate(*unit.releasedOn))
                         : fmt::format("{} has no early exit awaiting approval: finance records "
                                       "the payment first ('asicledger exit record')",
                                       unit.serial)});
                continue;
            }
            if (toLowerAscii(pending->recordedBy) == toLowerAscii(actor.name)) {
                refusals.push_back(
                    {unit.serial,
                     fmt::format("the early exit of {} was recorded by {}: a different person must "
                                 "approve it (two-person rule)",
                                 unit.serial, pending->recordedBy)});
                continue;
            }
            approvals.push_back({unit.id, EventPlacement::of(unit), *pending});
        }
        if (!refusals.empty())
            throw UnitActionRefused(std::move(refusals));

        for (const auto& approval : approvals) {
            changes.update("exit_payment", approval.exit.id,
                           {{"approved_by", actor.name},
                            {"approval_note", note.empty() ? SqlValue(nullptr) : SqlValue(note)}});
            changes.update("unit", approval.unitId,
                           {{"released_on", isoDate(approval.exit.paymentDate)}});
            UnitSelection::appendEvent(
                changes, approval.unitId, m_ledger.today(), "exit_approved",
                fmt::format("early exit paid on {} (ref {}, recorded by {}) approved by {}; "
                            "released from the lock from {}{}",
                            isoDate(approval.exit.paymentDate), approval.exit.paymentRef,
                            approval.exit.recordedBy, actor.name,
                            isoDate(approval.exit.paymentDate),
                            note.empty() ? std::string() : ": " + note),
                approval.placement);
        }
        changes.setSummary(fmt::format("approved the early exit of {} unit{}", approvals.size(),
                                       approvals.size() == 1 ? "" : "s"));
        changes.setReason(note);
    });
}

std::vector<PendingExit> ExitDesk::pending()
{
    SQLite::Statement query(m_ledger.db(),
                            "SELECT ep.id, u.serial, ep.payment_date, ep.total_tiyn, "
                            "ep.payment_ref, ep.recorded_by FROM exit_payment ep "
                            "JOIN unit u ON u.id = ep.unit_id WHERE ep.approved_by IS NULL "
                            "ORDER BY ep.payment_date, u.serial");
    std::vector<PendingExit> exits;
    while (query.executeStep()) {
        exits.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                         parseDate(query.getColumn(2).getString()).value_or(Date()),
                         Tiyn(query.getColumn(3).getInt64()), query.getColumn(4).getString(),
                         query.getColumn(5).getString()});
    }
    return exits;
}

} // namespace asicledger
