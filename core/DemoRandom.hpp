#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace asicledger {

// The demo ledger's dice. std::mt19937 gives the same stream everywhere; the standard
// distributions do not (each library draws differently), so the few we need are written here
// and the same seed builds the same ledger on every platform.
class DemoRandom
{
public:
    explicit DemoRandom(unsigned seed) : m_engine(seed) {}

    // A whole number from `low` through `high`.
    std::int64_t between(std::int64_t low, std::int64_t high)
    {
        if (high <= low)
            return low;
        const auto span = static_cast<std::uint64_t>(high - low) + 1;
        const std::uint64_t draw = (static_cast<std::uint64_t>(m_engine()) << 32) | m_engine();
        return low + static_cast<std::int64_t>(draw % span);
    }
    // True `percent` times in a hundred.
    bool chance(int percent) { return between(0, 99) < percent; }

    template <class T> const T& pick(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(between(0, std::ssize(items) - 1))];
    }
    template <class T> void shuffle(std::vector<T>& items)
    {
        for (auto i = std::ssize(items) - 1; i > 0; --i)
            std::swap(items[static_cast<std::size_t>(i)],
                      items[static_cast<std::size_t>(between(0, i))]);
    }

private:
    std::mt19937 m_engine;
};

} // namespace asicledger
