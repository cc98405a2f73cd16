#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>

namespace asicledger {

using BigInt = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

// numerator / denominator rounded to the nearest integer, halves away from zero (the rounding the
// law uses for tiyn). Throws InvalidInput if the result does not fit 64 bits.
std::int64_t roundHalfAwayFromZero(const BigInt& numerator, const BigInt& denominator);
std::int64_t roundHalfAwayFromZero(const Rational& value);

} // namespace asicledger
