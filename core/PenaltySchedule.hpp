#pragma once

#include "ExactArithmetic.hpp"
#include "Money.hpp"
#include "RateTables.hpp"

#include <map>
#include <utility>
#include <vector>

namespace asicledger {

// The early-exit penalty of domain.md, exactly: for each day from the first accrual day through the
// payment date inclusive, principal × multiplier × base rate / day count, with the base rate and
// the policy in force on that day. Summed per period of constant rate and policy as a rational and
// rounded once, half away from zero, to the tiyn.
class PenaltySchedule
{
public:
    PenaltySchedule(std::vector<BaseRate> rates, std::vector<ExitPolicyTerms> policies);

    // penalty = principal × factor(start, payment). Throws MissingReferenceData naming the period
    // the tables do not cover.
    Rational factor(Date exemptionStart, Date paymentDate) const;
    Tiyn penalty(Tiyn principal, Date exemptionStart, Date paymentDate) const;
    // Days that accrue (0 when the payment is on or before the first accrual day - 1).
    long accrualDays(Date exemptionStart, Date paymentDate) const;

private:
    Date firstAccrualDay(Date exemptionStart, Date paymentDate) const;
    const ExitPolicyTerms* policyOn(Date day) const;
    const BaseRate* rateOn(Date day) const;

    std::vector<BaseRate> m_rates;
    std::vector<ExitPolicyTerms> m_policies;
    mutable std::map<std::pair<Date, Date>, Rational> m_factors; // quotes repeat start dates
};

} // namespace asicledger
