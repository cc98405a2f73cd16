#include "DecimalNumber.hpp"

#include <limits>

namespace asicledger {
namespace {

// Removes grouping blanks: ASCII space, no-break space (C2 A0) and narrow no-break space (E2 80
// AF).
std::string withoutBlanks(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t')
            continue;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0xAF) {
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

} // namespace

std::optional<DecimalNumber> DecimalNumber::parse(std::string_view raw)
{
    std::string text = withoutBlanks(raw);
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        text.erase(0, 1);
    }
    // Long enough for any amount a clerk writes with its grouping; the canonical form is held to
    // kMaxCanonical below, so that what the ledger stores (text()) always reads back.
    if (text.empty() || text.size() > 80)
        return std::nullopt;

    // Which character is the decimal separator? With both present the last one is; a lone comma is
    // a decimal comma unless it appears more than once (then it groups thousands).
    const auto dots = std::count(text.begin(), text.end(), '.');
    const auto commas = std::count(text.begin(), text.end(), ',');
    char decimalSeparator = '.';
    if (dots > 0 && commas > 0)
        decimalSeparator = text.rfind('.') > text.rfind(',') ? '.' : ',';
    else if (commas == 1)
        decimalSeparator = ',';
    const char groupSeparator = decimalSeparator == '.' ? ',' : '.';
    if (std::count(text.begin(), text.end(), decimalSeparator) > 1)
        return std::nullopt;

    BigInt mantissa = 0;
    int scale = 0;
    bool inFraction = false;
    bool sawDigit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            mantissa = mantissa * 10 + (c - '0');
            sawDigit = true;
            if (inFraction)
                ++scale;
        } else if (c == decimalSeparator) {
            inFraction = true;
        } else if (c == groupSeparator && !inFraction) {
            continue;
        } else {
            return std::nullopt;
        }
    }
    if (!sawDigit)
        return std::nullopt;
    DecimalNumber number(negative ? BigInt(-mantissa) : mantissa, scale);
    // ".5" reads as "0.5": a 60-digit fraction would otherwise be stored as text this function
    // refuses.
    constexpr std::size_t kMaxCanonical = 61;
    if (number.text().size() - (number.isNegative() ? 1 : 0) > kMaxCanonical)
        return std::nullopt;
    return number;
}

Rational DecimalNumber::value() const
{
    BigInt denominator = 1;
    for (int i = 0; i < m_scale; ++i)
        denominator *= 10;
    return Rational(m_mantissa, denominator);
}

std::optional<std::int64_t> DecimalNumber::toMinorUnits(int digits) const
{
    BigInt scaled = m_mantissa;
    for (int i = m_scale; i < digits; ++i)
        scaled *= 10;
    for (int i = digits; i < m_scale; ++i) {
        if (scaled % 10 != 0)
            return std::nullopt;
        scaled /= 10;
    }
    if (scaled > std::numeric_limits<std::int64_t>::max() ||
        scaled < std::numeric_limits<std::int64_t>::min())
        return std::nullopt;
    return static_cast<std::int64_t>(scaled);
}

std::string DecimalNumber::text() const
{
    const bool negative = m_mantissa < 0;
    std::string digits = (negative ? BigInt(-m_mantissa) : m_mantissa).str();
    if (m_scale > 0) {
        if (static_cast<int>(digits.size()) <= m_scale)
            digits.insert(0, m_scale - digits.size() + 1, '0');
        digits.insert(digits.size() - m_scale, ".");
    }
    return negative ? "-" + digits : digits;
}

} // namespace asicledger
