#include "ReportDocument.hpp"

#include <fmt/format.h>

namespace asicledger {

std::string groupDigits(const std::string& number)
{
    std::size_t start = !number.empty() && (number[0] == '-' || number[0] == '+') ? 1 : 0;
    const auto point = number.find('.');
    const auto end = point == std::string::npos ? number.size() : point;
    if (end == start)
        return number;
    for (std::size_t i = start; i < number.size(); ++i) {
        const bool digit = number[i] >= '0' && number[i] <= '9';
        if (!digit && i != point)
            return number;
    }
    std::string grouped = number.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0)
            grouped += ' ';
        grouped += number[i];
    }
    return grouped + number.substr(end);
}

std::string plainTenge(std::int64_t tiyn)
{
    const bool negative = tiyn < 0;
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(tiyn) : static_cast<std::uint64_t>(tiyn);
    return fmt::format("{}{}.{:02}", negative ? "-" : "", magnitude / 100, magnitude % 100);
}

} // namespace asicledger
