#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace asicledger {

// An exact amount in integer minor units of one unit of account. Arithmetic that would overflow
// throws instead of wrapping: money never silently changes.
template <class Unit> class Amount
{
public:
    constexpr Amount() = default;
    constexpr explicit Amount(std::int64_t minor) : m_minor(minor) {}

    constexpr std::int64_t minor() const { return m_minor; }
    constexpr auto operator<=>(const Amount&) const = default;

    Amount& operator+=(Amount other)
    {
        m_minor = checkedAdd(m_minor, other.m_minor);
        return *this;
    }
    Amount& operator-=(Amount other)
    {
        // Not a + (-b): the smallest int64 has no negative, so that would wrap and then let
        // 0 - min pass as min.
        m_minor = checkedSubtract(m_minor, other.m_minor);
        return *this;
    }
    friend Amount operator+(Amount a, Amount b) { return a += b; }
    friend Amount operator-(Amount a, Amount b) { return a -= b; }

private:
    static std::int64_t checkedAdd(std::int64_t a, std::int64_t b);
    static std::int64_t checkedSubtract(std::int64_t a, std::int64_t b);
    std::int64_t m_minor = 0;
};

struct TiynUnit;
struct SatoshiUnit;
// Kazakh tenge in tiyn (1/100 KZT).
using Tiyn = Amount<TiynUnit>;
// Bitcoin in satoshi (1/100,000,000 BTC).
using Satoshi = Amount<SatoshiUnit>;

[[noreturn]] void throwMoneyOverflow();

template <class Unit> std::int64_t Amount<Unit>::checkedAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        throwMoneyOverflow();
    return sum;
}

template <class Unit> std::int64_t Amount<Unit>::checkedSubtract(std::int64_t a, std::int64_t b)
{
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(a, b, &difference))
        throwMoneyOverflow();
    return difference;
}

// "1 234 567.89": tenge with a thin grouping space, as a clerk reads it. No currency sign.
std::string formatTenge(Tiyn amount);
// Minor units of a currency with `digits` decimals, grouped like formatTenge.
std::string formatMinorUnits(std::int64_t minor, int digits);
// "0.12345678".
std::string formatBtc(Satoshi amount);

} // namespace asicledger
