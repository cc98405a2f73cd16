#pragma once

#include "Actor.hpp"
#include "CalendarDate.hpp"
#include "Money.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;
struct UnitRecord;

// What leaving the exemption early would cost for one unit on one payment date (domain.md,
// "Early exit"): the exempted VAT plus penalty interest, exact to the tiyn.
struct ExitQuote
{
    std::string serial;
    Date exemptionStart;
    Date lockEnd;
    Date unlockDate;
    Date paymentDate;
    int vatRateBp = 0;
    Tiyn customsValue;
    Tiyn principal;
    Tiyn penalty;
    Tiyn total;
    long accrualDays = 0;
};

struct ExitQuoteBatch
{
    std::vector<ExitQuote> units;
    Tiyn principal;
    Tiyn penalty;
    Tiyn total;
};

// An early exit recorded by finance and waiting for a manager.
struct PendingExit
{
    std::int64_t exitId = 0;
    std::string serial;
    Date paymentDate;
    Tiyn total;
    std::string paymentRef;
    std::string recordedBy;
};

// Early exits: free quotes, recording the payment (finance), approval by a different person
// (manager) which releases the unit from the payment date on.
class ExitDesk
{
public:
    explicit ExitDesk(Ledger& ledger);
    ~ExitDesk();

    // Throws Refusal for a unit that is not locked on that date (nothing to exit), and
    // MissingReferenceData when the base-rate table does not cover the period.
    ExitQuote quote(const UnitRecord& unit, Date paymentDate);
    ExitQuoteBatch quote(const std::vector<std::string>& serials, Date paymentDate);

    // Finance: stores the payment for each unit (all or nothing). The units show "exit pending
    // approval" until a manager approves.
    ExitQuoteBatch record(const Actor& actor, const std::vector<std::string>& serials,
                          Date paymentDate, const std::string& paymentRef,
                          const std::string& reason = {});
    // Manager: approves the pending exits of these units; refused if the approver recorded them.
    void approve(const Actor& actor, const std::vector<std::string>& serials,
                 const std::string& note = {});

    std::vector<PendingExit> pending();

private:
    Ledger& m_ledger;
    std::unique_ptr<class PenaltySchedule> m_schedule; // loaded on first quote
};

} // namespace asicledger
