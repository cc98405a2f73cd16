#pragma once

#include "Actor.hpp"
#include "CalendarDate.hpp"
#include "LedgerError.hpp"
#include "Vocabulary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// Why one unit of a (bulk) action was refused.
struct UnitRefusal
{
    std::string serial;
    std::string reason; // a full sentence: which rule, the unlock date, the exit cost on that day
};

// An action on several units was refused because of at least one of them; nothing was written.
class UnitActionRefused : public Refusal
{
public:
    explicit UnitActionRefused(std::vector<UnitRefusal> refusals);
    const std::vector<UnitRefusal>& refusals() const { return m_refusals; }

private:
    std::vector<UnitRefusal> m_refusals;
};

// What finance does to units after import. Sale, move and export are refused while a unit is
// locked on the action's date (which may be in the past); the refusal names the unit, its unlock
// date and what an early exit would cost on that date. Every action is all-or-nothing over the
// serials given, and each returns the number of units changed.
class UnitActions
{
public:
    explicit UnitActions(Ledger& ledger) : m_ledger(ledger) {}

    // Change of legal owner.
    std::size_t sell(const Actor& actor, const std::vector<std::string>& serials,
                     std::string_view buyer, Date date, const std::string& reason = {});
    // To another site.
    std::size_t move(const Actor& actor, const std::vector<std::string>& serials,
                     std::string_view site, Date date, const std::string& reason = {});
    // Out of Kazakhstan: status becomes exported.
    std::size_t exportUnits(const Actor& actor, const std::vector<std::string>& serials, Date date,
                            const std::string& reason = {});

    // Allowed while locked: running / stopped / faulty.
    std::size_t setStatus(const Actor& actor, const std::vector<std::string>& serials,
                          UnitStatus status, Date date, const std::string& reason = {});
    // Allowed while locked: the hosting customer changes, the legal owner stays. Empty = none.
    std::size_t setBeneficialOwner(const Actor& actor, const std::vector<std::string>& serials,
                                   std::optional<std::string> owner, Date date,
                                   const std::string& reason = {});
    void addNote(const Actor& actor, const std::string& serial, Date date, const std::string& text);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
