#include "LockTerm.hpp"

#include "LedgerError.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

using boost::gregorian::gregorian_calendar;

Date day(int y, int m, int d)
{
    return Date(y, m, d);
}

TEST(LockTerm, DomainExamples)
{
    // domain.md: start 2021-03-15 -> lock end 2026-03-15 -> unlock 2026-03-16.
    const LockTerm term(day(2021, 3, 15), 5);
    EXPECT_EQ(term.lockEnd(), day(2026, 3, 15));
    EXPECT_EQ(term.unlockDate(), day(2026, 3, 16));
    // domain.md: start 2020-02-29 -> lock end 2025-02-28.
    EXPECT_EQ(LockTerm(day(2020, 2, 29), 5).lockEnd(), day(2025, 2, 28));
    EXPECT_EQ(LockTerm(day(2020, 2, 29), 5).unlockDate(), day(2025, 3, 1));
}

TEST(LockTerm, EveryMonthEndOfSeveralYearsKeepsTheCivilLawDay)
{
    // For every month-end start from 2018 through 2026, the lock ends on the same month and day
    // five years on, or on that month's last day when it is shorter (only February can be).
    for (int year = 2018; year <= 2026; ++year) {
        for (int month = 1; month <= 12; ++month) {
            const int lastDay = gregorian_calendar::end_of_month_day(year, month);
            const LockTerm term(day(year, month, lastDay), 5);
            const int targetLast = gregorian_calendar::end_of_month_day(year + 5, month);
            EXPECT_EQ(term.lockEnd(), day(year + 5, month, std::min(lastDay, targetLast)))
                << "start " << isoDate(term.start());
            EXPECT_EQ(term.unlockDate(), term.lockEnd() + boost::gregorian::days(1));
        }
    }
}

TEST(LockTerm, FebruaryEndsInCommonAndLeapYearsDoNotSnap)
{
    // A start on 28 February of a common year ends on 28 February even when that year is a leap
    // year: the library's month-end snapping would say 29 February, the law says 28.
    EXPECT_EQ(LockTerm(day(2019, 2, 28), 5).lockEnd(), day(2024, 2, 28));
    EXPECT_EQ(LockTerm(day(2019, 2, 28), 5).unlockDate(), day(2024, 2, 29));
    EXPECT_EQ(LockTerm(day(2019, 2, 28), 1).lockEnd(), day(2020, 2, 28));
    // Leap-day start into a leap year keeps the 29th; into a common year falls to the 28th.
    EXPECT_EQ(LockTerm(day(2020, 2, 29), 4).lockEnd(), day(2024, 2, 29));
    EXPECT_EQ(LockTerm(day(2024, 2, 29), 5).lockEnd(), day(2029, 2, 28));
    EXPECT_EQ(LockTerm(day(2024, 2, 29), 5).unlockDate(), day(2029, 3, 1));
    // 28 February of a leap year is not a month-end and stays the 28th.
    EXPECT_EQ(LockTerm(day(2024, 2, 28), 5).lockEnd(), day(2029, 2, 28));
    // 30 April stays the 30th; 31 March stays the 31st; 31 December crosses the year cleanly.
    EXPECT_EQ(LockTerm(day(2021, 4, 30), 5).lockEnd(), day(2026, 4, 30));
    EXPECT_EQ(LockTerm(day(2021, 3, 31), 5).lockEnd(), day(2026, 3, 31));
    EXPECT_EQ(LockTerm(day(2021, 12, 31), 5).unlockDate(), day(2027, 1, 1));
}

TEST(LockTerm, LockHoldsThroughLockEndInclusive)
{
    const LockTerm term(day(2021, 3, 15), 5);
    EXPECT_FALSE(term.isLockedOn(day(2021, 3, 14)));
    EXPECT_TRUE(term.isLockedOn(day(2021, 3, 15)));
    EXPECT_TRUE(term.isLockedOn(day(2026, 3, 15)));
    EXPECT_FALSE(term.isLockedOn(day(2026, 3, 16)));
}

TEST(LockTerm, OtherTermsAndRefusedTerms)
{
    EXPECT_EQ(LockTerm(day(2022, 8, 31), 3).lockEnd(), day(2025, 8, 31));
    EXPECT_THROW(LockTerm(day(2022, 1, 1), 0), InvalidInput);
    EXPECT_THROW(LockTerm(day(2022, 1, 1), 51), InvalidInput);
}

} // namespace
} // namespace asicledger
