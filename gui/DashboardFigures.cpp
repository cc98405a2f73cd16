#include "DashboardFigures.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "UnitRegister.hpp"

#include <fmt/format.h>

namespace asicledger::gui {
namespace {

using boost::gregorian::days;
using boost::gregorian::months;

void addUp(const std::vector<UnlockScheduleRow>& rows, std::int64_t& units, Tiyn& value)
{
    for (const auto& row : rows) {
        units += row.units;
        value += row.customsValue;
    }
}

} // namespace

std::vector<std::string> DashboardFigures::monthsShown(Date today)
{
    std::vector<std::string> shown;
    const Date first(today.year(), today.month(), 1);
    for (int i = 0; i < 24; ++i) {
        const Date month = first + months(i);
        shown.push_back(fmt::format("{:04}-{:02}", int(month.year()), int(month.month())));
    }
    return shown;
}

DashboardFigures DashboardFigures::compute(Ledger& ledger)
{
    DashboardFigures figures;
    const auto today = ledger.today();
    figures.today = today;
    UnitRegister units(ledger);
    UnitFilter exported;
    exported.status = UnitStatus::Exported;
    figures.unitsInCountry = units.count({}) - units.count(exported);

    // Locked today = still held under lock with an unlock date after today (UnlockSchedule leaves
    // out exported and released units).
    UnlockSchedule schedule(ledger);
    const auto tomorrow = today + days(1);
    Tiyn ignored;
    addUp(schedule.rows(tomorrow, Date(9999, 12, 31), UnlockGrouping::Month), figures.locked,
          ignored);
    const Date firstShown(today.year(), today.month(), 1);
    const Date lastShown = (firstShown + months(24)) - days(1);
    figures.nextMonths = schedule.rows(tomorrow, lastShown, UnlockGrouping::Month);
    addUp(schedule.rows(tomorrow, today + days(30), UnlockGrouping::Month), figures.unlockIn30Days,
          figures.valueIn30Days);
    addUp(schedule.rows(tomorrow, today + days(90), UnlockGrouping::Month), figures.unlockIn90Days,
          figures.valueIn90Days);

    try {
        ContingentLiability liability(ledger);
        figures.liabilityByEntity = liability.asOf(today, LiabilityGrouping::ByEntity);
        figures.liabilityBySite = liability.asOf(today, LiabilityGrouping::BySite);
        for (const auto& row : figures.liabilityByEntity)
            figures.liabilityTotal += row.total;
    } catch (const LedgerError& error) {
        figures.liabilityProblem = error.what();
    }
    figures.sites = InspectionQuery(ledger).sites();
    return figures;
}

} // namespace asicledger::gui
