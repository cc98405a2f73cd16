#include "UnitHistoryReport.hpp"

#include "InspectionQuery.hpp"
#include "Ledger.hpp"
#include "ReportStamp.hpp"
#include "Serial.hpp"
#include "UnitRegister.hpp"

#include <fmt/format.h>
#include <memory>

namespace asicledger {

ReportDocument UnitHistoryReport::build(Ledger& ledger, const std::string& serialText,
                                        const std::string& generatedBy)
{
    const Serial serial(serialText);
    UnitRegister units(ledger);
    const auto unit = units.require(serial);
    const auto events = std::make_shared<const std::vector<UnitEvent>>(units.history(unit.id));
    const auto sightings = std::make_shared<const std::vector<UnitSighting>>(
        InspectionQuery(ledger).sightingsOf(unit.serial));
    const Date today = ledger.today();

    ReportDocument document;
    document.title = "Unit history";
    document.subtitle = fmt::format("{} — {} {}", unit.serial, unit.manufacturer, unit.model);
    const auto customs =
        unit.customsCurrency == "KZT"
            ? formatTenge(unit.customsValue) + " KZT"
            : fmt::format("{} {} at {} = {} KZT", formatMinorUnits(unit.customsValueMinor, 2),
                          unit.customsCurrency, unit.fxRate.value_or("?"),
                          formatTenge(unit.customsValue));
    document.header = {
        {"Serial", unit.serial},
        {"Manufacturer and model", unit.manufacturer + " " + unit.model},
        {"Hashrate and power", fmt::format("{} TH/s, {} W", unit.hashrateText(), unit.powerW)},
        {"Status", std::string(toText(unit.status))},
        {"Legal owner", unit.legalOwner},
        {"Beneficial owner", unit.beneficialOwner.value_or("none")},
        {"Site", unit.site},
        {"Customs value", customs},
        {"Declaration", fmt::format("{} of {}", unit.declarationNo, isoDate(unit.declarationDate))},
        {"Route", fmt::format("{}, dispatched {}, arrived {}", toText(unit.route),
                              isoDate(unit.dispatchDate), isoDate(unit.arrivalDate))},
        {"Import VAT rate", fmt::format("{}.{:02}%", unit.vatRateBp / 100, unit.vatRateBp % 100)},
        {"VAT exempted",
         unit.vatExempted ? formatTenge(*unit.vatExempted) + " KZT" : "none (VAT paid)"},
        {"Exemption start", unit.lock ? isoDate(unit.lock->start()) : "not exempt"},
        {"Lock end / unlock date", unit.lock ? fmt::format("{} / {}", isoDate(unit.lock->lockEnd()),
                                                           isoDate(unit.lock->unlockDate()))
                                             : "no lock"},
    };
    document.summary = {
        {"lock on " + isoDate(today), std::string(toText(unit.lockStateOn(today)))},
        {"days to unlock", std::to_string(unit.daysUntilUnlock(today))},
        {"history events", std::to_string(events->size())},
        {"inspections that saw it", std::to_string(sightings->size())},
    };

    ReportTable history;
    history.title = "History";
    history.columns = {{"Date", ColumnKind::Date, 0, "2026-11-20"},
                       {"Event", ColumnKind::Text, 0, "beneficial_owner"},
                       {"Detail", ColumnKind::Text, 1, ""},
                       {"Recorded by", ColumnKind::Text, 0, "finance2"},
                       {"Journal", ColumnKind::Number, 0, "999999"}};
    history.rowCount = static_cast<std::int64_t>(events->size());
    history.rows = [events](const RowSink& sink) {
        for (const auto& event : *events)
            sink({isoDate(event.date), event.kind, event.detail, event.recordedBy,
                  std::to_string(event.journalSeq)});
    };
    document.tables.push_back(std::move(history));

    ReportTable seen;
    seen.title = "Inspections that saw it";
    seen.columns = {{"Date", ColumnKind::Date, 0, "2026-11-20"},
                    {"Site", ColumnKind::Text, 0.5, "Ekibastuz-1"},
                    {"Authority", ColumnKind::Text, 1, ""},
                    {"Reference", ColumnKind::Text, 0.3, "PV-2026-114"},
                    {"Finding", ColumnKind::Text, 0, "tampered label"},
                    {"Inspection", ColumnKind::Number, 0, "99999"}};
    seen.rowCount = static_cast<std::int64_t>(sightings->size());
    seen.rows = [sightings](const RowSink& sink) {
        for (const auto& row : *sightings)
            sink({isoDate(row.inspection.date), row.inspection.site, row.inspection.authority,
                  row.inspection.reference, std::string(describe(row.sighting.finding)),
                  std::to_string(row.inspection.id)});
    };
    seen.emptyText = "No recorded inspection has seen this unit.";
    document.tables.push_back(std::move(seen));
    stampReport(document, ledger, generatedBy);
    return document;
}

} // namespace asicledger
