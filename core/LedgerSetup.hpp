#pragma once

#include "Actor.hpp"

#include <string_view>

namespace asicledger {

class Ledger;

// Makes a new ledger usable: its first administrator and the initial reference data (the National
// Bank base-rate history, unconfirmed; VAT 12% to 2025-12-31 and 16% from 2026-01-01; the early
// exit policy of 1.25 × base rate / 365 from the day after the exemption start), in one journal
// entry.
class LedgerSetup
{
public:
    // Throws Refusal if the ledger already has users.
    static Actor initialise(Ledger& ledger, std::string_view adminName, std::string_view password);
};

} // namespace asicledger
