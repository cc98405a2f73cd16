#include "PenaltySchedule.hpp"

#include "LedgerError.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger {
namespace {

using boost::gregorian::days;

template <class Row> const Row* inForceOn(const std::vector<Row>& rows, Date day)
{
    // Rows are sorted by effectiveFrom; the last one on or before `day` is in force.
    auto after = std::upper_bound(rows.begin(), rows.end(), day,
                                  [](Date d, const Row& row) { return d < row.effectiveFrom; });
    return after == rows.begin() ? nullptr : &*std::prev(after);
}

template <class Row> std::optional<Date> nextChangeAfter(const std::vector<Row>& rows, Date day)
{
    auto after = std::upper_bound(rows.begin(), rows.end(), day,
                                  [](Date d, const Row& row) { return d < row.effectiveFrom; });
    if (after == rows.end())
        return std::nullopt;
    return after->effectiveFrom;
}

} // namespace

PenaltySchedule::PenaltySchedule(std::vector<BaseRate> rates, std::vector<ExitPolicyTerms> policies)
    : m_rates(std::move(rates)), m_policies(std::move(policies))
{
    auto byDate = [](const auto& a, const auto& b) { return a.effectiveFrom < b.effectiveFrom; };
    std::sort(m_rates.begin(), m_rates.end(), byDate);
    std::sort(m_policies.begin(), m_policies.end(), byDate);
}

const ExitPolicyTerms* PenaltySchedule::policyOn(Date day) const
{
    return inForceOn(m_policies, day);
}
const BaseRate* PenaltySchedule::rateOn(Date day) const
{
    return inForceOn(m_rates, day);
}

Date PenaltySchedule::firstAccrualDay(Date exemptionStart, Date paymentDate) const
{
    // The accrual-start rule is the one in force when the VAT is paid.
    const auto* policy = policyOn(paymentDate);
    if (!policy)
        throw MissingReferenceData(
            fmt::format("no early-exit policy is in force on {}: an administrator records it with "
                        "'asicledger policy set'",
                        isoDate(paymentDate)));
    return policy->accrualStart == ExitPolicyTerms::AccrualStart::DayAfterStart
               ? exemptionStart + days(1)
               : exemptionStart;
}

long PenaltySchedule::accrualDays(Date exemptionStart, Date paymentDate) const
{
    const Date first = firstAccrualDay(exemptionStart, paymentDate);
    return paymentDate < first ? 0 : (paymentDate - first).days() + 1;
}

Rational PenaltySchedule::factor(Date exemptionStart, Date paymentDate) const
{
    const auto key = std::make_pair(exemptionStart, paymentDate);
    if (auto cached = m_factors.find(key); cached != m_factors.end())
        return cached->second;

    Rational total = 0;
    Date day = firstAccrualDay(exemptionStart, paymentDate);
    while (day <= paymentDate) {
        const auto* rate = rateOn(day);
        if (!rate) {
            const Date gapEnd =
                m_rates.empty() ? paymentDate
                                : std::min(paymentDate, m_rates.front().effectiveFrom - days(1));
            throw MissingReferenceData(fmt::format(
                "the base-rate table has no rate for {} to {}: an administrator adds the rate in "
                "force then with 'asicledger rate set --from {} --percent P'",
                isoDate(day), isoDate(gapEnd), isoDate(day)));
        }
        const auto* policy = policyOn(day);
        if (!policy) {
            throw MissingReferenceData(fmt::format(
                "no early-exit policy is in force on {}: an administrator records it with "
                "'asicledger policy set --from {}'",
                isoDate(day), isoDate(day)));
        }
        // The period ends before whichever table changes next, or on the payment date.
        Date periodEnd = paymentDate;
        if (auto change = nextChangeAfter(m_rates, day); change && *change - days(1) < periodEnd)
            periodEnd = *change - days(1);
        if (auto change = nextChangeAfter(m_policies, day); change && *change - days(1) < periodEnd)
            periodEnd = *change - days(1);
        const long periodDays = (periodEnd - day).days() + 1;
        total += Rational(BigInt(policy->multiplierNum) * rate->rateBp * periodDays,
                          BigInt(policy->multiplierDen) * 10'000 * policy->dayCount);
        day = periodEnd + days(1);
    }
    m_factors.emplace(key, total);
    return total;
}

Tiyn PenaltySchedule::penalty(Tiyn principal, Date exemptionStart, Date paymentDate) const
{
    return Tiyn(
        roundHalfAwayFromZero(Rational(principal.minor()) * factor(exemptionStart, paymentDate)));
}

} // namespace asicledger
