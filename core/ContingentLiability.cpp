#include "ContingentLiability.hpp"

#include "ExactArithmetic.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PenaltySchedule.hpp"
#include "RateTables.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <unordered_map>

namespace asicledger {
namespace {

// 128-bit products of a principal and a factor numerator (GCC/Clang; the extension marker keeps
// -Wpedantic quiet).
__extension__ typedef __int128 WideInt;

// The penalty factor of one exemption start on the as-of day, in the cheapest exact form: most
// factors fit 64-bit numerator and denominator, so the per-unit rounding runs in 128-bit integers
// instead of arbitrary precision. That is what keeps a million units fast.
class PenaltyFactor
{
public:
    explicit PenaltyFactor(Rational factor) : m_factor(std::move(factor))
    {
        const BigInt num = boost::multiprecision::numerator(m_factor);
        const BigInt den = boost::multiprecision::denominator(m_factor);
        constexpr auto limit = std::numeric_limits<std::int64_t>::max();
        m_fits = num >= 0 && num <= limit && den > 0 && den <= limit;
        if (m_fits) {
            m_num = static_cast<std::int64_t>(num);
            m_den = static_cast<std::int64_t>(den);
        }
    }

    // principal × factor, rounded half away from zero, exactly as PenaltySchedule::penalty does.
    Tiyn penalty(std::int64_t principal) const
    {
        if (!m_fits || principal < 0)
            return Tiyn(roundHalfAwayFromZero(Rational(principal) * m_factor));
        const auto product = static_cast<WideInt>(principal) * m_num;
        const auto rounded = (2 * product + m_den) / (2 * static_cast<WideInt>(m_den));
        if (rounded > std::numeric_limits<std::int64_t>::max())
            return Tiyn(roundHalfAwayFromZero(Rational(principal) * m_factor));
        return Tiyn(static_cast<std::int64_t>(rounded));
    }

private:
    Rational m_factor;
    bool m_fits = false;
    std::int64_t m_num = 0;
    std::int64_t m_den = 1;
};

std::string liabilitySql(LiabilityGrouping grouping)
{
    // Locked on ?1: exemption_start <= ?1 <= lock_end (unlock_date > ?1, which unit_by_unlock
    // serves), not released on or before ?1, still in Kazakhstan. Only the columns a quote needs.
    const auto column = grouping == LiabilityGrouping::ByEntity ? "u.legal_owner_id" : "u.site_id";
    return fmt::format("SELECT {}, u.exemption_start, u.vat_exempted_tiyn FROM unit u "
                       "WHERE u.unlock_date > ?1 AND u.exemption_start <= ?1 "
                       "AND (u.released_on IS NULL OR u.released_on > ?1) "
                       "AND u.status <> 'exported'",
                       column);
}

std::map<std::int64_t, std::string> groupNames(SQLite::Database& db, LiabilityGrouping grouping)
{
    SQLite::Statement query(db, grouping == LiabilityGrouping::ByEntity
                                    ? "SELECT id, name FROM entity"
                                    : "SELECT id, name FROM site");
    std::map<std::int64_t, std::string> names;
    while (query.executeStep())
        names.emplace(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    return names;
}

} // namespace

std::vector<LiabilityRow> ContingentLiability::asOf(Date asOf, LiabilityGrouping grouping)
{
    if (asOf.is_special())
        throw InvalidInput("the contingent liability needs a date");
    const PenaltySchedule schedule(RateTables::baseRates(m_ledger.db()),
                                   RateTables::exitPolicies(m_ledger.db()));
    // Exemption starts repeat across a fleet (one per declaration), so each start's factor is
    // computed once; the text key avoids parsing a date per row.
    std::unordered_map<std::string, PenaltyFactor> factors;
    std::map<std::int64_t, LiabilityRow> byGroup;

    const auto asOfText = isoDate(asOf);
    SQLite::Statement query(m_ledger.db(), liabilitySql(grouping));
    query.bind(1, asOfText);
    while (query.executeStep()) {
        const auto groupId = query.getColumn(0).getInt64();
        const char* startText = query.getColumn(1).getText();
        const Tiyn principal(query.getColumn(2).getInt64());

        auto factor = factors.find(startText);
        if (factor == factors.end()) {
            const auto start = requireDate(startText, "exemption start");
            factor = factors.emplace(startText, PenaltyFactor(schedule.factor(start, asOf))).first;
        }
        auto& row = byGroup[groupId];
        const Tiyn penalty = factor->second.penalty(principal.minor());
        row.units += 1;
        row.principal += principal;
        row.penalty += penalty;
        row.total += principal + penalty;
    }

    const auto names = groupNames(m_ledger.db(), grouping);
    std::vector<LiabilityRow> rows;
    rows.reserve(byGroup.size());
    for (auto& [id, row] : byGroup) {
        const auto name = names.find(id);
        row.group = name == names.end() ? fmt::format("#{}", id) : name->second;
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const LiabilityRow& a, const LiabilityRow& b) { return a.group < b.group; });
    return rows;
}

} // namespace asicledger
