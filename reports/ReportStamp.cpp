#include "ReportStamp.hpp"

#include "Journal.hpp"
#include "Ledger.hpp"

namespace asicledger {

ReportSnapshot::ReportSnapshot(Ledger& ledger)
    : m_transaction(ledger.db(), SQLite::TransactionBehavior::DEFERRED)
{}

void stampReport(ReportDocument& document, Ledger& ledger, const std::string& generatedBy)
{
    document.fingerprint = Journal(ledger.db()).head().text();
    document.generated = ledger.clock().utcTimestamp();
    if (!generatedBy.empty())
        document.generated += " by " + generatedBy;
}

} // namespace asicledger
