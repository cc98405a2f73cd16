#pragma once

#include "Actor.hpp"
#include "CryptoRecord.hpp"
#include "CryptoRules.hpp"

#include <vector>

namespace asicledger {

class ChangeSet;
class Ledger;

// Records the steps of the crypto-to-fiat chain one at a time, as finance staff type them:
// checked by CryptoRules inside the write's transaction and journalled, or refused with nothing
// written. Finance records; everyone reads (CryptoHoldings, CryptoReconciliation).
class CryptoLedger
{
public:
    explicit CryptoLedger(Ledger& ledger) : m_ledger(ledger) {}

    // Each throws PermissionDenied (not finance), NotFound (an unknown entity or venue),
    // InvalidInput (an amount, currency or txid that cannot be read) or Refusal (a rule: AIFC
    // venue, overdraw on the date or later, remittance beyond proceeds, duplicate reference,
    // future date, wrong direction or role).
    CryptoFlow recordMined(const Actor& actor, const NewMined& mined);
    CryptoFlow recordTransfer(const Actor& actor, const NewTransfer& transfer);
    CryptoFlow recordConversion(const Actor& actor, const NewConversion& conversion);
    CryptoFlow recordRemittance(const Actor& actor, const NewRemittance& remittance);

    // Writes one checked flow; sets its id and journal sequence. For CryptoImport's batch write.
    static void insert(ChangeSet& changes, CryptoFlow& flow);
    // "0.50000000 BTC mined by Kazakh Hash LLP on 2026-03-01 (payout F2P-1)": for the journal.
    static std::string describe(const CryptoFlow& flow);
    // Throws the problems of one typed record as the LedgerError its first problem calls for,
    // every message joined, so a clerk sees all that is wrong at once.
    [[noreturn]] static void refuse(const std::vector<CryptoProblem>& problems);

private:
    template <class Input>
    CryptoFlow record(const Actor& actor, const Input& input, CryptoFlowKind kind);

    Ledger& m_ledger;
};

} // namespace asicledger
