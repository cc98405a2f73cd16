#include "CalendarDate.hpp"

#include "LedgerError.hpp"

#include <charconv>
#include <fmt/format.h>

namespace asicledger {
namespace {

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::optional<int> digits(std::string_view text)
{
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Date> makeDate(std::optional<int> year, std::optional<int> month,
                             std::optional<int> day)
{
    if (!year || !month || !day)
        return std::nullopt;
    // Boost's calendar covers 1400..9999; the ledger has no business outside 1900..9999.
    if (*year < 1900 || *month < 1 || *month > 12 || *day < 1)
        return std::nullopt;
    if (*day > boost::gregorian::gregorian_calendar::end_of_month_day(*year, *month))
        return std::nullopt;
    return Date(*year, *month, *day);
}

} // namespace

std::optional<Date> parseDate(std::string_view text)
{
    text = trimmed(text);
    if (text.size() != 10)
        return std::nullopt;
    if (text[4] == '-' && text[7] == '-')
        return makeDate(digits(text.substr(0, 4)), digits(text.substr(5, 2)),
                        digits(text.substr(8, 2)));
    if (text[2] == '.' && text[5] == '.')
        return makeDate(digits(text.substr(6, 4)), digits(text.substr(3, 2)),
                        digits(text.substr(0, 2)));
    return std::nullopt;
}

Date requireDate(std::string_view text, std::string_view what)
{
    if (auto date = parseDate(text))
        return *date;
    if (trimmed(text).empty())
        throw InvalidInput(
            fmt::format("{} is missing: give a date as YYYY-MM-DD or DD.MM.YYYY", what));
    throw InvalidInput(fmt::format("{} '{}' is not a calendar date: write it as YYYY-MM-DD or "
                                   "DD.MM.YYYY, and check that the day exists in that month",
                                   what, text));
}

std::string isoDate(const Date& date)
{
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<int>(date.month()), static_cast<int>(date.day()));
}

long daysBetween(const Date& from, const Date& to)
{
    return (to - from).days();
}

} // namespace asicledger
