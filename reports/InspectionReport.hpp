#pragma once

#include "ReportDocument.hpp"

#include <cstdint>
#include <string>

namespace asicledger {

class Ledger;

// What an auditor hands over after an inspection (domain.md, "Inspections"; issue 4, report 1):
// the act's header, summary counts, every unit expected at the site or seen there with its
// declaration, route, exemption start, unlock date and finding, the discrepancies, signature
// lines, and the journal fingerprint at the time of the report.
class InspectionReport
{
public:
    // Throws NotFound for an unknown inspection.
    static ReportDocument build(Ledger& ledger, std::int64_t inspectionId,
                                const std::string& generatedBy);
};

} // namespace asicledger
