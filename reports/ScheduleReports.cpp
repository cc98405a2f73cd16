#include "ScheduleReports.hpp"

#include "ContingentLiability.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "ReportStamp.hpp"
#include "UnlockSchedule.hpp"

#include <fmt/format.h>
#include <memory>

namespace asicledger {
namespace {

// A table over rows already in memory (a few hundred groups at most).
template <class Row>
ReportTable vectorTable(std::shared_ptr<const std::vector<Row>> rows,
                        std::function<ReportRow(const Row&)> toRow)
{
    ReportTable table;
    table.rowCount = static_cast<std::int64_t>(rows->size());
    table.rows = [rows, toRow](const RowSink& sink) {
        for (const auto& row : *rows)
            sink(toRow(row));
    };
    return table;
}

} // namespace

ReportDocument ScheduleReports::unlocks(Ledger& ledger, const UnlocksReportOptions& options,
                                        const std::string& generatedBy)
{
    if (options.months < 1 || options.months > 120)
        throw InvalidInput(
            fmt::format("the unlock report covers 1 to 120 months, not {}", options.months));
    const Date from = ledger.today();
    const Date to = from + boost::gregorian::months(options.months) - boost::gregorian::days(1);
    const auto grouping = options.by == UnlockReportGrouping::Site ? UnlockGrouping::MonthAndSite
                          : options.by == UnlockReportGrouping::Owner
                              ? UnlockGrouping::MonthAndOwner
                              : UnlockGrouping::Month;
    const auto rows = std::make_shared<const std::vector<UnlockScheduleRow>>(
        UnlockSchedule(ledger).rows(from, to, grouping));
    std::int64_t units = 0;
    Tiyn customs;
    Tiyn vat;
    for (const auto& row : *rows) {
        units += row.units;
        customs += row.customsValue;
        vat += row.vatExempted;
    }

    const bool grouped = options.by != UnlockReportGrouping::Month;
    const std::string groupTitle =
        options.by == UnlockReportGrouping::Site ? "Site" : "Legal owner";
    ReportDocument document;
    document.title = "Unlock schedule";
    document.subtitle = fmt::format(
        "{} to {}{}", isoDate(from), isoDate(to),
        grouped ? ", by " +
                      std::string(options.by == UnlockReportGrouping::Site ? "site" : "legal owner")
                : "");
    document.header = {{"From", isoDate(from)},
                       {"To", isoDate(to) + fmt::format(" ({} months)", options.months)},
                       {"Grouped by", grouped ? "month and " + groupTitle : "month"}};
    document.summary = {{"units unlocking", std::to_string(units)},
                        {"customs value, KZT", plainTenge(customs.minor())},
                        {"VAT exempted, KZT", plainTenge(vat.minor())}};
    auto table = vectorTable<UnlockScheduleRow>(rows, [grouped](const UnlockScheduleRow& row) {
        ReportRow cells{row.month};
        if (grouped)
            cells.push_back(row.group);
        cells.insert(cells.end(), {std::to_string(row.units), plainTenge(row.customsValue.minor()),
                                   plainTenge(row.vatExempted.minor())});
        return cells;
    });
    table.title = "Units unlocking per month";
    table.columns = {{"Month", ColumnKind::Date, 0, "2026-11"}};
    if (grouped)
        table.columns.push_back({groupTitle, ColumnKind::Text, 2, "Kazakh Hash LLP"});
    table.columns.insert(table.columns.end(),
                         {{"Units", ColumnKind::Number, 0.3, "999 999"},
                          {"Customs value, KZT", ColumnKind::Number, 1, "99 999 999 999.99"},
                          {"VAT exempted, KZT", ColumnKind::Number, 1, "9 999 999 999.99"}});
    table.totals = [grouped, units, customs, vat] {
        ReportRow cells{"Total"};
        if (grouped)
            cells.push_back("");
        cells.insert(cells.end(),
                     {std::to_string(units), plainTenge(customs.minor()), plainTenge(vat.minor())});
        return cells;
    };
    table.emptyText = "No locked unit unlocks in this period.";
    document.tables.push_back(std::move(table));
    document.notes = {"A unit unlocks on the day after its lock end (domain.md: five years by the "
                      "civil-law rule). Exported units and units released by an early exit are "
                      "not counted."};
    stampReport(document, ledger, generatedBy);
    return document;
}

ReportDocument ScheduleReports::liability(Ledger& ledger, const LiabilityReportOptions& options,
                                          const std::string& generatedBy)
{
    const Date asOf = options.asOf.value_or(ledger.today());
    const bool bySite = options.by == LiabilityReportGrouping::Site;
    const auto rows =
        std::make_shared<const std::vector<LiabilityRow>>(ContingentLiability(ledger).asOf(
            asOf, bySite ? LiabilityGrouping::BySite : LiabilityGrouping::ByEntity));
    std::int64_t units = 0;
    Tiyn principal;
    Tiyn penalty;
    Tiyn total;
    for (const auto& row : *rows) {
        units += row.units;
        principal += row.principal;
        penalty += row.penalty;
        total += row.total;
    }

    ReportDocument document;
    document.title = "Contingent liability";
    document.subtitle = fmt::format("exiting every locked unit on {}, by {}", isoDate(asOf),
                                    bySite ? "site" : "entity");
    document.header = {{"As of (payment date)", isoDate(asOf)},
                       {"Grouped by", bySite ? "site" : "legal owner"}};
    document.summary = {{"locked units", std::to_string(units)},
                        {"principal (VAT exempted), KZT", plainTenge(principal.minor())},
                        {"penalty interest, KZT", plainTenge(penalty.minor())},
                        {"total, KZT", plainTenge(total.minor())}};
    auto table = vectorTable<LiabilityRow>(rows, [](const LiabilityRow& row) {
        return ReportRow{row.group, std::to_string(row.units), plainTenge(row.principal.minor()),
                         plainTenge(row.penalty.minor()), plainTenge(row.total.minor())};
    });
    table.title = bySite ? "By site" : "By entity";
    table.columns = {{bySite ? "Site" : "Legal owner", ColumnKind::Text, 2, "Kazakh Hash LLP"},
                     {"Units", ColumnKind::Number, 0.3, "999 999"},
                     {"Principal, KZT", ColumnKind::Number, 1, "9 999 999 999.99"},
                     {"Penalty, KZT", ColumnKind::Number, 1, "9 999 999 999.99"},
                     {"Total, KZT", ColumnKind::Number, 1, "9 999 999 999.99"}};
    table.totals = [units, principal, penalty, total] {
        return ReportRow{"Total", std::to_string(units), plainTenge(principal.minor()),
                         plainTenge(penalty.minor()), plainTenge(total.minor())};
    };
    table.emptyText = "No unit is locked on that day: nothing would be due.";
    document.tables.push_back(std::move(table));
    document.notes = {
        "Principal is the import VAT exempted on each unit; the penalty accrues from the day after "
        "the exemption start through the payment date at the exit policy's multiple of the "
        "National Bank base rate in force each day, and is rounded once, to the tiyn, per unit.",
        "A quote changes nothing; an exit is recorded by finance and approved by a manager."};
    stampReport(document, ledger, generatedBy);
    return document;
}

} // namespace asicledger
