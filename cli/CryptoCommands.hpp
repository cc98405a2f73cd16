#pragma once

#include "CommandSet.hpp"
#include "CryptoReconciliation.hpp"
#include "Output.hpp"

#include <CLI/App.hpp>
#include <iosfwd>

namespace asicledger {

// crypto venue|mined|transfer|convert|remit|import|balances|reconcile: the crypto-to-fiat chain
// (issue 5). Amounts are typed as on a statement ("76543.21"), satoshi as whole numbers; JSON
// gives satoshi as *_sats and fiat as *_minor integers with their currency code.
void addCryptoCommands(CLI::App& app, CommandSet& commands);

// The reconciliation as a table, CSV or JSON (CryptoReconcileOutput.cpp).
void writeReconciliation(std::ostream& out, OutputFormat format,
                         const CryptoReconciliationResult& result);

} // namespace asicledger
