#pragma once

#include "ExactArithmetic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

// A number as a person writes it on a statement or in a spreadsheet cell, held exactly:
// mantissa × 10^-scale. Accepts "76543.21", "76543,21" (Russian-locale Excel), "1 234 567.89",
// "1,234,567.89" and a leading minus. Never goes through floating point.
class DecimalNumber
{
public:
    static std::optional<DecimalNumber> parse(std::string_view text);

    const BigInt& mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }
    bool isNegative() const { return m_mantissa < 0; }
    bool isZero() const { return m_mantissa == 0; }
    Rational value() const;

    // The number in minor units of a currency with `digits` decimals, if it has no finer part and
    // fits 64 bits ("12.345" USD does not; "100.00" JPY does).
    std::optional<std::int64_t> toMinorUnits(int digits) const;
    // The whole number, if there is no fractional part and it fits 64 bits.
    std::optional<std::int64_t> toInteger() const { return toMinorUnits(0); }

    // Canonical text: "485.23", "-0.5", "120".
    std::string text() const;

private:
    DecimalNumber(BigInt mantissa, int scale) : m_mantissa(std::move(mantissa)), m_scale(scale) {}
    BigInt m_mantissa;
    int m_scale = 0;
};

} // namespace asicledger
