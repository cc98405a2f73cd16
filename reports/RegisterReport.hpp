#pragma once

#include "CalendarDate.hpp"
#include "ReportDocument.hpp"

#include <optional>
#include <string>

namespace asicledger {

class Ledger;

struct RegisterReportOptions
{
    std::optional<std::string> entity;
    std::optional<std::string> site;
    std::optional<Date> asOf; // today when not given
};

// The unit register as of a date (issue 4, report 2): every unit in Kazakhstan that day with both
// owners, site, status, declaration, lock and customs value, as UnitRegisterAsOf reads it.
class RegisterReport
{
public:
    static ReportDocument build(Ledger& ledger, const RegisterReportOptions& options,
                                const std::string& generatedBy);
};

} // namespace asicledger
