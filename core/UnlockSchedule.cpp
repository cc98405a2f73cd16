#include "UnlockSchedule.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

// Two GROUP BYs. The inner one walks unit_schedule (schema/004) in index order over the
// unlock-date range, reading no table row (EXPLAIN QUERY PLAN: "SEARCH unit USING COVERING INDEX
// unit_schedule (unlock_date>? AND unlock_date<?)") and sorting nothing: its groups (day, then
// site, then owner, as far as the grouping needs) are a prefix of the index. The outer one folds
// those few thousand groups into months and names. The single GROUP BY (month, name) it replaces
// read every unit's row, joined its site and sorted it into a temporary B-tree: 3-4x the work
// over a million units.
std::string scheduleSql(UnlockGrouping grouping)
{
    std::string_view groupColumn = "''";
    std::string_view inner = "unlock_date";
    std::string_view join;
    switch (grouping) {
    case UnlockGrouping::Month:
        break;
    case UnlockGrouping::MonthAndSite:
        groupColumn = "s.name";
        inner = "unlock_date, site_id";
        join = " JOIN site s ON s.id = g.site_id";
        break;
    case UnlockGrouping::MonthAndOwner:
        groupColumn = "e.name";
        inner = "unlock_date, site_id, legal_owner_id";
        join = " JOIN entity e ON e.id = g.legal_owner_id";
        break;
    }
    return fmt::format("SELECT substr(g.unlock_date, 1, 7) AS month, {0} AS grp, sum(g.units), "
                       "sum(g.customs), sum(g.vat) "
                       "FROM (SELECT {1}, count(*) AS units, sum(customs_value_tiyn) AS customs, "
                       "sum(vat_exempted_tiyn) AS vat "
                       "FROM unit WHERE unlock_date BETWEEN ?1 AND ?2 AND status <> 'exported' "
                       "AND released_on IS NULL GROUP BY {1}) g{2} "
                       "GROUP BY month, grp ORDER BY month, grp",
                       groupColumn, inner, join);
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
