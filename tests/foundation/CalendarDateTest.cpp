#include "CalendarDate.hpp"

#include "LedgerError.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

TEST(CalendarDate, ReadsIsoAndKazakhForms)
{
    EXPECT_EQ(parseDate("2024-02-29"), Date(2024, 2, 29));
    EXPECT_EQ(parseDate("29.02.2024"), Date(2024, 2, 29));
    EXPECT_EQ(parseDate("  15.03.2021 "), Date(2021, 3, 15));
}

TEST(CalendarDate, RefusesDaysThatDoNotExist)
{
    EXPECT_FALSE(parseDate("2023-02-29"));
    EXPECT_FALSE(parseDate("31.02.2024"));
    EXPECT_FALSE(parseDate("2024-04-31"));
    EXPECT_FALSE(parseDate("2024-13-01"));
    EXPECT_FALSE(parseDate("2024-00-10"));
    EXPECT_FALSE(parseDate("00.01.2024"));
}

TEST(CalendarDate, RefusesOtherShapes)
{
    for (const char* text : {"", "2024/02/01", "01/02/2024", "2024-2-1", "1.2.2024", "20240201",
                             "2024-02-01T00:00", "2024-02-0a", "+024-02-01", "1899-12-31"})
        EXPECT_FALSE(parseDate(text)) << text;
}

TEST(CalendarDate, RequireDateExplainsTheAcceptedForms)
{
    try {
        requireDate("31.02.2024", "the sale date");
        FAIL() << "expected InvalidInput";
    } catch (const InvalidInput& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("the sale date '31.02.2024'"), std::string::npos) << message;
        EXPECT_NE(message.find("DD.MM.YYYY"), std::string::npos) << message;
    }
}

TEST(CalendarDate, IsoTextAndDayCounts)
{
    EXPECT_EQ(isoDate(Date(2026, 1, 5)), "2026-01-05");
    EXPECT_EQ(daysBetween(Date(2024, 2, 28), Date(2024, 3, 1)), 2);
    EXPECT_EQ(daysBetween(Date(2023, 3, 1), Date(2023, 2, 28)), -1);
}

} // namespace
} // namespace asicledger
