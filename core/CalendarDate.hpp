#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

using Date = boost::gregorian::date;

// Reads a calendar day written as YYYY-MM-DD (ISO) or DD.MM.YYYY (Kazakh paperwork). Surrounding
// blanks are ignored. Returns nothing for anything else, including days that do not exist
// (2024-02-30, 31.04.2025).
std::optional<Date> parseDate(std::string_view text);

// Like parseDate, but throws InvalidInput naming `what` and the accepted forms.
Date requireDate(std::string_view text, std::string_view what);

// YYYY-MM-DD.
std::string isoDate(const Date& date);

// Whole days from `from` to `to` (negative when `to` is earlier).
long daysBetween(const Date& from, const Date& to);

} // namespace asicledger
