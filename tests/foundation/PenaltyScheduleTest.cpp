#include "PenaltySchedule.hpp"

#include "LedgerError.hpp"
#include "LedgerFixture.hpp"
#include "RateTables.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

using boost::gregorian::days;

ExitPolicyTerms
policy(Date from, long long num, long long den, int dayCount,
       ExitPolicyTerms::AccrualStart rule = ExitPolicyTerms::AccrualStart::DayAfterStart)
{
    ExitPolicyTerms terms;
    terms.effectiveFrom = from;
    terms.multiplierNum = num;
    terms.multiplierDen = den;
    terms.dayCount = dayCount;
    terms.accrualStart = rule;
    return terms;
}

class ShippedTables : public testing::LedgerFixture
{
protected:
    PenaltySchedule schedule()
    {
        return PenaltySchedule(RateTables::baseRates(ledger->db()),
                               RateTables::exitPolicies(ledger->db()));
    }
};

TEST_F(ShippedTables, QuoteAcrossTheFebruary2022RateChangeMatchesHandComputation)
{
    // Start 2022-02-20, payment 2022-03-05; accrual 2022-02-21 .. 2022-03-05 inclusive:
    //   2022-02-21..23 = 3 days at 10.25% (from 2022-01-25), 2022-02-24..03-05 = 10 days at 13.50%.
    // penalty = 150 000 000 × 1.25 × (0.1025×3 + 0.1350×10) / 365
    //         = 150 000 000 × 125 × (1025×3 + 1350×10) / (100 × 10 000 × 365)
    //         = 310 781 250 / 365 = 851 455.479... -> 851 455 tiyn.
    const auto s = schedule();
    EXPECT_EQ(s.accrualDays(Date(2022, 2, 20), Date(2022, 3, 5)), 13);
    EXPECT_EQ(s.factor(Date(2022, 2, 20), Date(2022, 3, 5)),
              Rational(125 * (1025 * 3 + 1350 * 10), 100LL * 10000 * 365));
    EXPECT_EQ(s.penalty(Tiyn(150'000'000), Date(2022, 2, 20), Date(2022, 3, 5)), Tiyn(851'455));
}

TEST_F(ShippedTables, SegmentSumEqualsADayByDaySum)
{
    // An independent oracle: add up every day separately with the rate looked up for that day.
    const auto rates = RateTables::baseRates(ledger->db());
    const auto s = schedule();
    const Date start(2021, 3, 15);
    const Date payment(2025, 11, 30);
    Rational daily = 0;
    for (Date day = start + days(1); day <= payment; day += days(1)) {
        int bp = -1;
        for (const auto& rate : rates) {
            if (rate.effectiveFrom <= day)
                bp = rate.rateBp;
        }
        ASSERT_GE(bp, 0);
        daily += Rational(125 * bp, 100LL * 10000 * 365);
    }
    EXPECT_EQ(s.factor(start, payment), daily);
    const Tiyn principal(12'345'678'901);
    EXPECT_EQ(s.penalty(principal, start, payment),
              Tiyn(roundHalfAwayFromZero(Rational(principal.minor()) * daily)));
}

TEST_F(ShippedTables, NoPenaltyBeforeTheFirstAccrualDay)
{
    const auto s = schedule();
    EXPECT_EQ(s.accrualDays(Date(2023, 5, 10), Date(2023, 5, 10)), 0);
    EXPECT_EQ(s.penalty(Tiyn(1'000'000), Date(2023, 5, 10), Date(2023, 5, 10)), Tiyn(0));
    EXPECT_EQ(s.accrualDays(Date(2023, 5, 10), Date(2023, 5, 11)), 1);
}

TEST_F(ShippedTables, AGapInTheRateTableIsNamedNotGuessed)
{
    // The shipped history starts on 2018-10-16.
    const auto s = schedule();
    try {
        s.penalty(Tiyn(1'000'000), Date(2018, 9, 1), Date(2018, 12, 1));
        FAIL() << "expected MissingReferenceData";
    } catch (const MissingReferenceData& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("2018-09-02 to 2018-10-15"), std::string::npos) << message;
        EXPECT_NE(message.find("rate set"), std::string::npos) << message;
    }
}

TEST(PenaltySchedule, RoundsOnceHalfAwayFromZero)
{
    // 14.60% with multiplier 1 over 365 days for one day: penalty = P × 1460 / 3 650 000 = P ×
    // 0.0004.
    const PenaltySchedule s({{Date(2020, 1, 1), 1460, true, ""}},
                            {policy(Date(2020, 1, 1), 1, 1, 365)});
    EXPECT_EQ(s.penalty(Tiyn(1250), Date(2021, 6, 1), Date(2021, 6, 2)), Tiyn(1)); // 0.5 -> 1
    EXPECT_EQ(s.penalty(Tiyn(3750), Date(2021, 6, 1), Date(2021, 6, 2)), Tiyn(2)); // 1.5 -> 2
    EXPECT_EQ(s.penalty(Tiyn(3749), Date(2021, 6, 1), Date(2021, 6, 2)), Tiyn(1)); // 1.4996 -> 1
    // Rounded once at the end: 3 days of 0.4996 each is 1.4988 -> 1, not 3 × round(0.4996) = 0.
    EXPECT_EQ(s.penalty(Tiyn(1249), Date(2021, 6, 1), Date(2021, 6, 4)), Tiyn(1));
}

TEST(PenaltySchedule, PolicyChangesApplyFromTheirDay)
{
    // 10% throughout; multiplier 1.25 until 2020-12-31, 1.5 from 2021-01-01.
    // Start 2020-12-30, payment 2021-01-02: 2020-12-31 at 1.25, 2021-01-01..02 at 1.5.
    // penalty = 36 500 000 × 0.10 × (1.25 + 2 × 1.5) / 365 = 42 500 tiyn exactly.
    const PenaltySchedule s(
        {{Date(2020, 1, 1), 1000, true, ""}},
        {policy(Date(2018, 1, 1), 125, 100, 365), policy(Date(2021, 1, 1), 150, 100, 365)});
    EXPECT_EQ(s.penalty(Tiyn(36'500'000), Date(2020, 12, 30), Date(2021, 1, 2)), Tiyn(42'500));
}

TEST(PenaltySchedule, AccrualStartRuleComesFromThePolicyInForceAtPayment)
{
    // With "start_day" the start day itself accrues: 2 days instead of 1.
    const PenaltySchedule s(
        {{Date(2020, 1, 1), 1000, true, ""}},
        {policy(Date(2018, 1, 1), 1, 1, 365, ExitPolicyTerms::AccrualStart::StartDay)});
    EXPECT_EQ(s.accrualDays(Date(2021, 6, 1), Date(2021, 6, 2)), 2);
    EXPECT_EQ(s.penalty(Tiyn(36'500'000), Date(2021, 6, 1), Date(2021, 6, 2)), Tiyn(20'000));
}

TEST(PenaltySchedule, MissingPolicyIsNamed)
{
    const PenaltySchedule s({{Date(2020, 1, 1), 1000, true, ""}},
                            {policy(Date(2022, 1, 1), 125, 100, 365)});
    EXPECT_THROW(s.penalty(Tiyn(1000), Date(2021, 6, 1), Date(2021, 6, 2)), MissingReferenceData);
    EXPECT_THROW(s.penalty(Tiyn(1000), Date(2021, 12, 1), Date(2022, 1, 2)), MissingReferenceData);
}

} // namespace
} // namespace asicledger
