#include "RateTables.hpp"

#include "LedgerError.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {

std::string_view toText(ExitPolicyTerms::AccrualStart rule)
{
    return rule == ExitPolicyTerms::AccrualStart::DayAfterStart ? "day_after_start" : "start_day";
}

std::string percentText(int rateBp)
{
    return fmt::format("{}.{:02}", rateBp / 100, rateBp % 100);
}

std::vector<BaseRate> RateTables::baseRates(SQLite::Database& db)
{
    std::vector<BaseRate> rates;
    SQLite::Statement query(db, "SELECT effective_from, rate_bp, confirmed, note FROM base_rate "
                                "ORDER BY effective_from");
    while (query.executeStep()) {
        rates.push_back({requireDate(query.getColumn(0).getString(), "base rate date"),
                         query.getColumn(1).getInt(), query.getColumn(2).getInt() != 0,
                         query.getColumn(3).getString()});
    }
    return rates;
}

std::vector<VatRate> RateTables::vatRates(SQLite::Database& db)
{
    std::vector<VatRate> rates;
    SQLite::Statement query(db,
                            "SELECT effective_from, rate_bp FROM vat_rate ORDER BY effective_from");
    while (query.executeStep())
        rates.push_back({requireDate(query.getColumn(0).getString(), "VAT rate date"),
                         query.getColumn(1).getInt()});
    return rates;
}

std::vector<ExitPolicyTerms> RateTables::exitPolicies(SQLite::Database& db)
{
    std::vector<ExitPolicyTerms> policies;
    SQLite::Statement query(db, "SELECT effective_from, multiplier_num, multiplier_den, day_count, "
                                "accrual_start FROM exit_policy ORDER BY effective_from");
    while (query.executeStep()) {
        ExitPolicyTerms terms;
        terms.effectiveFrom = requireDate(query.getColumn(0).getString(), "exit policy date");
        terms.multiplierNum = query.getColumn(1).getInt64();
        terms.multiplierDen = query.getColumn(2).getInt64();
        terms.dayCount = query.getColumn(3).getInt();
        terms.accrualStart = query.getColumn(4).getString() == "start_day"
                                 ? ExitPolicyTerms::AccrualStart::StartDay
                                 : ExitPolicyTerms::AccrualStart::DayAfterStart;
        policies.push_back(terms);
    }
    return policies;
}

int RateTables::vatRateOn(const std::vector<VatRate>& rates, Date declarationDate)
{
    const VatRate* inForce = nullptr;
    for (const auto& rate : rates) {
        if (rate.effectiveFrom <= declarationDate)
            inForce = &rate;
    }
    if (!inForce)
        throw MissingReferenceData(fmt::format(
            "the VAT-rate table has no rate in force on {}: an administrator adds it with "
            "'asicledger vat set'",
            isoDate(declarationDate)));
    return inForce->rateBp;
}

} // namespace asicledger
