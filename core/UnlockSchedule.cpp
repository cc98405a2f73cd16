#include "UnlockSchedule.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

// Read from unlock_tally (schema/005): the held units already counted per unlock day, site and
// owner, kept by triggers on every write to unit. Over a million units the range holds a few
// thousand tally rows, where a count from the units themselves (even from a covering index) read
// every unlocking unit: 94 ms against the 50 ms the schedule must take.
std::string scheduleSql(UnlockGrouping grouping)
{
    std::string_view groupColumn = "''";
    std::string_view join;
    switch (grouping) {
    case UnlockGrouping::Month:
        break;
    case UnlockGrouping::MonthAndSite:
        groupColumn = "s.name";
        join = " JOIN site s ON s.id = t.site_id";
        break;
    case UnlockGrouping::MonthAndOwner:
        groupColumn = "e.name";
        join = " JOIN entity e ON e.id = t.legal_owner_id";
        break;
    }
    return fmt::format("SELECT substr(t.unlock_date, 1, 7) AS month, {0} AS grp, sum(t.units), "
                       "sum(t.customs_value_tiyn), sum(t.vat_exempted_tiyn) "
                       "FROM unlock_tally t{1} WHERE t.unlock_date BETWEEN ?1 AND ?2 "
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
