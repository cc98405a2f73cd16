#include "UnlockSchedule.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

// One GROUP BY over the unlock-date range. The range on unit.unlock_date lets SQLite walk
// unit_by_unlock for a narrow window instead of scanning the fleet (EXPLAIN QUERY PLAN: "SEARCH u
// USING INDEX unit_by_unlock (unlock_date>? AND unlock_date<?)", for every grouping).
std::string scheduleSql(UnlockGrouping grouping)
{
    std::string_view groupColumn = "''";
    std::string_view join;
    switch (grouping) {
    case UnlockGrouping::Month:
        break;
    case UnlockGrouping::MonthAndSite:
        groupColumn = "s.name";
        join = " JOIN site s ON s.id = u.site_id";
        break;
    case UnlockGrouping::MonthAndOwner:
        groupColumn = "e.name";
        join = " JOIN entity e ON e.id = u.legal_owner_id";
        break;
    }
    return fmt::format("SELECT substr(u.unlock_date, 1, 7) AS month, {0} AS grp, count(*), "
                       "sum(u.customs_value_tiyn), sum(u.vat_exempted_tiyn) "
                       "FROM unit u{1} "
                       "WHERE u.unlock_date BETWEEN ?1 AND ?2 AND u.status <> 'exported' "
                       "AND u.released_on IS NULL "
                       "GROUP BY month, grp ORDER BY month, grp",
                       groupColumn, join);
}

} // namespace

std::vector<UnlockScheduleRow> UnlockSchedule::rows(Date from, Date to, UnlockGrouping grouping)
{
    if (from.is_special() || to.is_special())
        throw InvalidInput("an unlock schedule needs a first and a last date");
    if (to < from)
        throw InvalidInput(fmt::format("the unlock schedule runs from {} to {}: the last date is "
                                       "before the first; swap them",
                                       isoDate(from), isoDate(to)));
    SQLite::Statement query(m_ledger.db(), scheduleSql(grouping));
    query.bind(1, isoDate(from));
    query.bind(2, isoDate(to));
    std::vector<UnlockScheduleRow> rows;
    while (query.executeStep()) {
        rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                        query.getColumn(2).getInt64(), Tiyn(query.getColumn(3).getInt64()),
                        Tiyn(query.getColumn(4).getInt64())});
    }
    return rows;
}

} // namespace asicledger
