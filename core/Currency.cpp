#include "Currency.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace asicledger {
namespace {

// The currencies ASIC suppliers, hosting customers and overseas entities use, and their
// neighbours. ISO 4217 minor-unit exponents.
constexpr std::array<std::pair<std::string_view, int>, 24> kCurrencies{{
    {"AED", 2}, {"AUD", 2}, {"BHD", 3}, {"CAD", 2}, {"CHF", 2}, {"CNY", 2}, {"EUR", 2}, {"GBP", 2},
    {"HKD", 2}, {"JPY", 0}, {"KGS", 2}, {"KRW", 0}, {"KWD", 3}, {"KZT", 2}, {"MYR", 2}, {"RUB", 2},
    {"SAR", 2}, {"SGD", 2}, {"THB", 2}, {"TRY", 2}, {"TWD", 2}, {"USD", 2}, {"UZS", 2}, {"VND", 0},
}};

} // namespace

std::optional<Currency> Currency::find(std::string_view code)
{
    std::string upper(code);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (const auto& [known, digits] : kCurrencies) {
        if (known == upper)
            return Currency(upper, digits);
    }
    return std::nullopt;
}

Currency Currency::tenge()
{
    return Currency("KZT", 2);
}

} // namespace asicledger
