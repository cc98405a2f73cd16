#pragma once

#include "Actor.hpp"

#include <cstddef>

namespace asicledger {
class Ledger;
}

namespace asicledger::bench {

class FleetPlan;

// The crypto-to-fiat chain of the fleet's owners, month by month from February 2019 to October
// 2026, each month as four CSV files through CryptoImport (one journal entry each): pool payouts
// to every domestic owner every three days, a month-end transfer of most of it to the owner's
// overseas partner, that partner selling it at a foreign venue (and the owner selling a little
// at an AIFC venue), and the proceeds wired home. Returns the number of journal entries written.
class FleetCrypto
{
public:
    static std::size_t record(Ledger& ledger, const Actor& admin, const Actor& finance,
                              const FleetPlan& plan, unsigned seed);
};

} // namespace asicledger::bench
