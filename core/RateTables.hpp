#pragma once

#include "CalendarDate.hpp"

#include <SQLiteCpp/Database.h>
#include <string>
#include <vector>

namespace asicledger {

// A row of the National Bank of Kazakhstan base-rate table: in force from `effectiveFrom` until
// the next row. `confirmed` is set once an administrator has checked it against the Bank's page.
struct BaseRate
{
    Date effectiveFrom;
    int rateBp = 0; // hundredths of a percent: 9.25% -> 925
    bool confirmed = false;
    std::string note;
};

// Import VAT by declaration date.
struct VatRate
{
    Date effectiveFrom;
    int rateBp = 0;
};

// How the early-exit penalty accrues, from `effectiveFrom` on: multiplier × base rate / dayCount
// per day, starting the day after the exemption start (or on it).
struct ExitPolicyTerms
{
    enum class AccrualStart
    {
        DayAfterStart,
        StartDay
    };
    Date effectiveFrom;
    long long multiplierNum = 125;
    long long multiplierDen = 100;
    int dayCount = 365;
    AccrualStart accrualStart = AccrualStart::DayAfterStart;
};

std::string_view toText(ExitPolicyTerms::AccrualStart rule);
// Percent with two decimals from basis points: 925 -> "9.25".
std::string percentText(int rateBp);

// Reads the rate and policy tables, each sorted by effective date.
class RateTables
{
public:
    static std::vector<BaseRate> baseRates(SQLite::Database& db);
    static std::vector<VatRate> vatRates(SQLite::Database& db);
    static std::vector<ExitPolicyTerms> exitPolicies(SQLite::Database& db);
    // The VAT rate in force on a declaration date; throws MissingReferenceData before the first
    // row.
    static int vatRateOn(const std::vector<VatRate>& rates, Date declarationDate);
};

} // namespace asicledger
