#include "ExactArithmetic.hpp"

#include "LedgerError.hpp"

#include <limits>

namespace asicledger {

std::int64_t roundHalfAwayFromZero(const BigInt& numerator, const BigInt& denominator)
{
    BigInt num = numerator;
    BigInt den = denominator;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const bool negative = num < 0;
    if (negative)
        num = -num;
    BigInt rounded = (2 * num + den) / (2 * den);
    if (negative)
        rounded = -rounded;
    if (rounded > std::numeric_limits<std::int64_t>::max() ||
        rounded < std::numeric_limits<std::int64_t>::min())
        throw InvalidInput(
            "an amount is too large to hold exactly (over 92 quadrillion minor units)");
    return static_cast<std::int64_t>(rounded);
}

std::int64_t roundHalfAwayFromZero(const Rational& value)
{
    return roundHalfAwayFromZero(boost::multiprecision::numerator(value),
                                 boost::multiprecision::denominator(value));
}

} // namespace asicledger
