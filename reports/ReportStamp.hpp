#pragma once

#include "ReportDocument.hpp"

#include <SQLiteCpp/Transaction.h>
#include <string>

namespace asicledger {

class Ledger;

// Holds one read transaction for as long as a report is built and drawn, so its counts, its rows
// and the journal fingerprint printed on it all describe the same state of the ledger, even while
// others write.
class ReportSnapshot
{
public:
    explicit ReportSnapshot(Ledger& ledger);

private:
    SQLite::Transaction m_transaction; // rolled back at the end: a report changes nothing
};

// Marks a report with the journal head it was made from and who made it when (the ledger's clock).
void stampReport(ReportDocument& document, Ledger& ledger, const std::string& generatedBy);

} // namespace asicledger
