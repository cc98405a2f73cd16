#pragma once

#include "CalendarDate.hpp"
#include "LockTerm.hpp"
#include "Money.hpp"
#include "Vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace asicledger {

// Where a unit stands against its five-year lock on a given day.
enum class LockState
{
    NotExempt,   // imported with VAT paid: never locked
    Locked,      // within the term
    ExitPending, // within the term, an early exit recorded but not yet approved
    Released,    // an approved early exit freed it
    Unlocked,    // the term has run out
};
std::string_view toText(LockState state);

// One ASIC miner as the ledger holds it today, with the names of the parties, site and declaration
// it refers to.
struct UnitRecord
{
    std::int64_t id = 0;
    std::string serial;
    std::string manufacturer;
    std::string model;
    std::int64_t hashrateGhs = 0; // TH/s × 1000
    std::int64_t powerW = 0;
    Tiyn customsValue;
    std::string customsCurrency;
    std::int64_t customsValueMinor = 0;
    std::optional<std::string> fxRate;

    std::int64_t legalOwnerId = 0;
    std::string legalOwner;
    std::optional<std::int64_t> beneficialOwnerId;
    std::optional<std::string> beneficialOwner;
    std::int64_t siteId = 0;
    std::string site;
    UnitStatus status = UnitStatus::Running;

    std::int64_t shipmentId = 0;
    std::string declarationNo;
    Date declarationDate;
    Route route = Route::Air;
    Date dispatchDate;
    Date arrivalDate;

    int vatRateBp = 0;
    std::optional<LockTerm> lock;
    std::optional<Tiyn> vatExempted;
    std::optional<Date> releasedOn;
    bool exitPending = false;

    LockState lockStateOn(Date day) const;
    // Sale, move and export are refused on this day.
    bool isLockedOn(Date day) const;
    // Days from `day` to the unlock date (0 once unlocked or without a lock).
    long daysUntilUnlock(Date day) const;
    std::string hashrateText() const; // "104.5"
};

} // namespace asicledger
