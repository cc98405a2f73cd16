#pragma once

#include "CalendarDate.hpp"
#include "ReportDocument.hpp"

#include <optional>
#include <string>

namespace asicledger {

class Ledger;

struct CryptoReconciliationReportOptions
{
    std::optional<Date> from; // since the first record when not given
    std::optional<Date> to;   // today when not given
    std::optional<std::string> entity;
};

// The crypto-to-fiat reconciliation (issue 5) as a document to hand over: BTC per domestic entity
// and holder, fiat per currency with what is still owed home and for how long, and the rule
// breaks, as CryptoReconciliation computes them.
class CryptoReconciliationReport
{
public:
    static ReportDocument build(Ledger& ledger, const CryptoReconciliationReportOptions& options,
                                const std::string& generatedBy);
};

} // namespace asicledger
