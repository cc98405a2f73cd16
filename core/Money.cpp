#include "Money.hpp"

#include "LedgerError.hpp"

#include <fmt/format.h>

namespace asicledger {

void throwMoneyOverflow()
{
    throw InvalidInput("an amount is too large to hold exactly (over 92 quadrillion minor units)");
}

std::string formatMinorUnits(std::int64_t minor, int digits)
{
    const bool negative = minor < 0;
    // Work on the magnitude as unsigned so INT64_MIN formats too.
    auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    std::uint64_t scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const std::string whole = std::to_string(magnitude / scale);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += ' ';
        grouped += whole[i];
    }
    std::string text = negative ? "-" + grouped : grouped;
    if (digits > 0)
        text += fmt::format(".{:0{}}", magnitude % scale, digits);
    return text;
}

std::string formatTenge(Tiyn amount)
{
    return formatMinorUnits(amount.minor(), 2);
}

std::string formatBtc(Satoshi amount)
{
    const bool negative = amount.minor() < 0;
    const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(amount.minor())
                                    : static_cast<std::uint64_t>(amount.minor());
    return fmt::format("{}{}.{:08}", negative ? "-" : "", magnitude / 100'000'000,
                       magnitude % 100'000'000);
}

} // namespace asicledger
