// Amounts as spreadsheets write them ("1 234 567,89"), and the money arithmetic built on them.
#include "CryptoRules.hpp"
#include "DecimalNumber.hpp"
#include "FuzzInput.hpp"
#include "Money.hpp"

#include <cstring>

using namespace asicledger;

namespace {

// Formatting an amount and reading it back gives the same minor units.
void checkFormatted(std::int64_t minor)
{
    for (const int digits : {0, 2, 8}) {
        const auto text = formatMinorUnits(minor, digits);
        const auto back = DecimalNumber::parse(text);
        fuzz::require(back && back->toMinorUnits(digits) == minor, "formatted amount reads back");
    }
    const auto btc = DecimalNumber::parse(formatBtc(Satoshi(minor)));
    fuzz::require(btc && btc->toMinorUnits(8) == minor, "formatted BTC reads back");
}

// Checked money arithmetic: exact, or refused; never wrapped.
void checkArithmetic(std::int64_t a, std::int64_t b)
{
    std::int64_t exact = 0;
    try {
        const auto sum = Tiyn(a) + Tiyn(b);
        fuzz::require(!__builtin_add_overflow(a, b, &exact) && sum.minor() == exact, "bad sum");
    } catch (const InvalidInput&) {
        fuzz::require(__builtin_add_overflow(a, b, &exact), "refused a sum that fits");
    }
    try {
        const auto difference = Satoshi(a) - Satoshi(b);
        fuzz::require(!__builtin_sub_overflow(a, b, &exact) && difference.minor() == exact,
                      "bad difference");
    } catch (const InvalidInput&) {
        fuzz::require(__builtin_sub_overflow(a, b, &exact), "refused a difference that fits");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = fuzz::bytesOf(data, size);
    if (const auto number = DecimalNumber::parse(text)) {
        const auto canonical = number->text();
        const auto again = DecimalNumber::parse(canonical);
        fuzz::require(again && again->value() == number->value(), "canonical text reads back");
        for (const int digits : {0, 2, 8}) {
            if (const auto minor = number->toMinorUnits(digits))
                checkFormatted(*minor);
        }
    }
    (void)CryptoRules::parseSatoshi(text);
    if (size >= 16) {
        std::int64_t a = 0, b = 0;
        std::memcpy(&a, data, 8);
        std::memcpy(&b, data + 8, 8);
        checkArithmetic(a, b);
        checkFormatted(a);
    }
    return 0;
}
