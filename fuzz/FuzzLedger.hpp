#pragma once

#include "Actor.hpp"
#include "Clock.hpp"
#include "Ledger.hpp"

#include <memory>

namespace asicledger::fuzz {

// One in-memory ledger per fuzzing process, set up like the test fixture (clock on 2026-11-23,
// `finance` signed in, the four entities, two sites, three venues), so that importers resolve the
// names the seed files use and their later checks run too. Importers are fuzzed in dry-run mode:
// the ledger never changes, and every run starts from the same state.
class FuzzLedger
{
public:
    static FuzzLedger& instance();

    Ledger& ledger() { return *m_ledger; }
    const Actor& finance() const { return m_finance; }

private:
    FuzzLedger();

    FixedClock m_clock;
    std::unique_ptr<Ledger> m_ledger;
    Actor m_finance;
};

} // namespace asicledger::fuzz
