#pragma once

#include "Actor.hpp"
#include "CryptoRecord.hpp"
#include "ShipmentImporter.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

class Ledger;

struct CryptoImportSummary
{
    CryptoFlowKind kind = CryptoFlowKind::Mined;
    bool dryRun = false;
    std::int64_t journalSeq = 0; // 0 for a dry run
    char separator = ',';
    std::vector<ColumnMatch> columns;
    std::size_t rows = 0;
    Satoshi sats;                                  // BTC the rows move (not remittances)
    std::map<std::string, std::int64_t> fiatMinor; // gross proceeds or remitted, per currency
    std::vector<ImportWarning> warnings;
};

// Pool payout exports and bank statements arrive as spreadsheets: one CSV per kind of flow, all
// or nothing, every bad row reported with its line like the unit import (ShipmentImporter).
// Each row goes through the same CryptoRules as a typed record, and the rows are checked together
// (a payout on line 2 covers a transfer on line 3; the same txid twice is refused).
//
// Columns, matched case-insensitively with blanks, hyphens and brackets as underscores:
//   mined:      entity, date, sats | btc, payout_ref, [pool]
//   transfer:   from, to, date, sats | btc, txid
//   conversion: entity, venue, date, sats | btc, amount, currency, [fee], [source]
//   remittance: from, to, date, amount, currency, bank_ref
// `btc` is a decimal amount of BTC (at most 8 decimals), for pool exports that show BTC.
class CryptoImport
{
public:
    explicit CryptoImport(Ledger& ledger) : m_ledger(ledger) {}

    // Throws PermissionDenied (not finance) or ImportRefused listing every problem; writes
    // nothing unless every row is good and dryRun is false, then one journal entry for the file.
    CryptoImportSummary importCsv(const Actor& actor, CryptoFlowKind kind, std::string_view bytes,
                                  bool dryRun);
    CryptoImportSummary importFile(const Actor& actor, CryptoFlowKind kind, const std::string& path,
                                   bool dryRun);

    // The canonical header of a kind, in its documented order.
    static std::vector<std::string> canonicalColumns(CryptoFlowKind kind);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
