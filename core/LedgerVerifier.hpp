#pragma once

#include "Journal.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// The outcome of `verify`: ok, or the first entry or row that fails and why.
struct VerificationResult
{
    bool ok = true;
    std::int64_t entriesChecked = 0;
    std::int64_t rowsChecked = 0;
    JournalHead head;
    std::vector<std::string> failures; // first failure first; a person reads these
};

// Proves the ledger has not been altered behind the application's back: the journal's hash chain
// holds from the first entry, and every state table holds exactly the rows the journal's row
// images say (nothing changed, deleted or inserted). With an expected head, also proves the
// journal still extends a fingerprint written down earlier.
class LedgerVerifier
{
public:
    explicit LedgerVerifier(Ledger& ledger) : m_ledger(ledger) {}

    using Progress = std::function<void(std::int64_t done, std::int64_t total)>;
    VerificationResult verify(const std::optional<JournalHead>& expectedHead = std::nullopt,
                              const Progress& progress = {});

    // "SEQ:HASH" -> head; throws InvalidInput otherwise.
    static JournalHead parseHead(const std::string& text);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
