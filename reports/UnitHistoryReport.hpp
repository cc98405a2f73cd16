#pragma once

#include "ReportDocument.hpp"

#include <string>

namespace asicledger {

class Ledger;

// One unit's whole story for an inspector's question (issue 4, report 5): every field, both
// owners, the lock, its history line by line with who recorded it, and the inspections that saw it.
class UnitHistoryReport
{
public:
    // Throws InvalidInput for a malformed serial and NotFound for an unknown one.
    static ReportDocument build(Ledger& ledger, const std::string& serial,
                                const std::string& generatedBy);
};

} // namespace asicledger
