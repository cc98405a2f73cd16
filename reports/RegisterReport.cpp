#include "RegisterReport.hpp"

#include "Ledger.hpp"
#include "ReportStamp.hpp"
#include "UnitRegisterAsOf.hpp"

#include <fmt/format.h>

namespace asicledger {

ReportDocument RegisterReport::build(Ledger& ledger, const RegisterReportOptions& options,
                                     const std::string& generatedBy)
{
    const Date asOf = options.asOf.value_or(ledger.today());
    RegisterFilter filter;
    filter.site = options.site;
    filter.entity = options.entity;

    // One pass for the figures at the top (and the row count the pages are numbered from), one
    // streamed pass for the rows.
    std::int64_t units = 0;
    std::int64_t locked = 0;
    std::int64_t exempt = 0;
    Tiyn customs;
    Tiyn vatLocked;
    UnitRegisterAsOf(ledger, asOf).forEach(filter, [&](const UnitAsOf& row) {
        ++units;
        customs += row.unit.customsValue;
        if (row.unit.lock)
            ++exempt;
        if (row.lockState == LockState::Locked || row.lockState == LockState::ExitPending) {
            ++locked;
            vatLocked += row.unit.vatExempted.value_or(Tiyn());
        }
        return true;
    });

    ReportDocument document;
    document.title = "Unit register";
    document.subtitle = "as of " + isoDate(asOf);
    if (options.site)
        document.subtitle += ", site " + *options.site;
    if (options.entity)
        document.subtitle += ", entity " + *options.entity;
    document.landscape = true;
    document.header = {
        {"As of", isoDate(asOf) + " (end of day)"},
        {"Site", options.site.value_or("all sites")},
        {"Entity (legal or beneficial owner)", options.entity.value_or("all entities")},
    };
    document.summary = {
        {"units in Kazakhstan", std::to_string(units)},
        {"VAT-exempt units", std::to_string(exempt)},
        {"locked that day", std::to_string(locked)},
        {"customs value, KZT", plainTenge(customs.minor())},
        {"VAT exempted on locked units, KZT", plainTenge(vatLocked.minor())},
    };

    ReportTable table;
    table.title = "Units";
    table.columns = {{"Serial", ColumnKind::Text, 1, "JYZZB4BBDJCBA0012"},
                     {"Model", ColumnKind::Text, 1, "Antminer S19j Pro+"},
                     {"Legal owner", ColumnKind::Text, 2, "Kazakh Hash LLP"},
                     {"Beneficial owner", ColumnKind::Text, 1.5, "Pacific Hash Pte"},
                     {"Site", ColumnKind::Text, 1, "Ekibastuz-1"},
                     {"Status", ColumnKind::Text, 0, "exported"},
                     {"Declaration no.", ColumnKind::Text, 0.5, "50109010/150322/0001234"},
                     {"Route", ColumnKind::Text, 0, "truck"},
                     {"Exemption start", ColumnKind::Date, 0, "2026-11-20"},
                     {"Unlock date", ColumnKind::Date, 0, "2026-11-20"},
                     {"Lock", ColumnKind::Text, 0.5, "exit pending approval"},
                     {"Customs value, KZT", ColumnKind::Number, 0, "99 999 999.99"}};
    table.rowCount = units;
    table.rows = [&ledger, asOf, filter](const RowSink& sink) {
        UnitRegisterAsOf(ledger, asOf).forEach(filter, [&](const UnitAsOf& row) {
            const auto& unit = row.unit;
            sink({unit.serial, unit.model, unit.legalOwner, unit.beneficialOwner.value_or(""),
                  unit.site, std::string(toText(unit.status)), unit.declarationNo,
                  std::string(toText(unit.route)), unit.lock ? isoDate(unit.lock->start()) : "",
                  unit.lock ? isoDate(unit.lock->unlockDate()) : "",
                  std::string(toText(row.lockState)), plainTenge(unit.customsValue.minor())});
            return true;
        });
    };
    table.totals = [units, customs] {
        return ReportRow{"Total", fmt::format("{} units", units), "", "", "", "", "", "", "", "",
                         "",      plainTenge(customs.minor())};
    };
    table.emptyText = "No unit was in Kazakhstan under this selection on that day.";
    document.tables.push_back(std::move(table));
    document.notes = {"Site, legal owner and status are those of the day, read from each unit's "
                      "history; the beneficial owner is today's."};
    stampReport(document, ledger, generatedBy);
    return document;
}

} // namespace asicledger
