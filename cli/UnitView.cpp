#include "UnitView.hpp"

#include "Currency.hpp"
#include "RateTables.hpp"

namespace asicledger {
namespace {

Json dateOrNull(const std::optional<Date>& date)
{
    return date ? Json(isoDate(*date)) : Json();
}

Json optionalText(const std::optional<std::string>& text)
{
    return text ? Json(*text) : Json();
}

} // namespace

Json UnitView::row(const UnitRecord& unit, Date today)
{
    const auto& lock = unit.lock;
    return {{"serial", unit.serial},
            {"manufacturer", unit.manufacturer},
            {"model", unit.model},
            {"status", std::string(toText(unit.status))},
            {"lock_state", std::string(toText(unit.lockStateOn(today)))},
            {"legal_owner", unit.legalOwner},
            {"beneficial_owner", optionalText(unit.beneficialOwner)},
            {"site", unit.site},
            {"declaration_no", unit.declarationNo},
            {"route", std::string(toText(unit.route))},
            {"exemption_start", lock ? Json(isoDate(lock->start())) : Json()},
            {"lock_end", lock ? Json(isoDate(lock->lockEnd())) : Json()},
            {"unlock_date", lock ? Json(isoDate(lock->unlockDate())) : Json()},
            {"days_left", unit.daysUntilUnlock(today)},
            {"customs_value_tiyn", unit.customsValue.minor()}};
}

const std::vector<OutputColumn>& UnitView::rowColumns()
{
    static const std::vector<OutputColumn> columns{
        {"serial", "Serial"},
        {"manufacturer", "Manufacturer", CellKind::Text, false},
        {"model", "Model"},
        {"status", "Status"},
        {"lock_state", "Lock"},
        {"legal_owner", "Legal owner"},
        {"beneficial_owner", "Beneficial owner"},
        {"site", "Site"},
        {"declaration_no", "Declaration", CellKind::Text, false},
        {"route", "Route", CellKind::Text, false},
        {"exemption_start", "Exempt from", CellKind::Text, false},
        {"lock_end", "Lock end", CellKind::Text, false},
        {"unlock_date", "Unlock date"},
        {"days_left", "Days left", CellKind::Number},
        {"customs_value_tiyn", "Customs value, KZT", CellKind::Money}};
    return columns;
}

Json UnitView::details(const UnitRecord& unit, Date today)
{
    const auto& lock = unit.lock;
    Json foreign;
    if (unit.customsCurrency != "KZT") {
        const auto currency = Currency::find(unit.customsCurrency);
        foreign = formatMinorUnits(unit.customsValueMinor, currency ? currency->minorDigits() : 2) +
                  " " + unit.customsCurrency;
        if (unit.fxRate)
            foreign = foreign.get<std::string>() + " at " + *unit.fxRate + " KZT";
    }
    return {{"serial", unit.serial},
            {"manufacturer", unit.manufacturer},
            {"model", unit.model},
            {"hashrate_ths", unit.hashrateText()},
            {"power_w", unit.powerW},
            {"status", std::string(toText(unit.status))},
            {"legal_owner", unit.legalOwner},
            {"beneficial_owner", optionalText(unit.beneficialOwner)},
            {"site", unit.site},
            {"customs_value_tiyn", unit.customsValue.minor()},
            {"customs_currency", unit.customsCurrency},
            {"customs_value_minor", unit.customsValueMinor},
            {"fx_rate", optionalText(unit.fxRate)},
            {"customs_value_foreign", foreign},
            {"declaration_no", unit.declarationNo},
            {"declaration_date", isoDate(unit.declarationDate)},
            {"route", std::string(toText(unit.route))},
            {"dispatch_date", isoDate(unit.dispatchDate)},
            {"arrival_date", isoDate(unit.arrivalDate)},
            {"vat_rate_percent", percentText(unit.vatRateBp)},
            {"vat_exempted_tiyn", unit.vatExempted ? Json(unit.vatExempted->minor()) : Json()},
            {"exemption_start", lock ? Json(isoDate(lock->start())) : Json()},
            {"lock_term_years", lock ? Json(lock->years()) : Json()},
            {"lock_end", lock ? Json(isoDate(lock->lockEnd())) : Json()},
            {"unlock_date", lock ? Json(isoDate(lock->unlockDate())) : Json()},
            {"days_left", unit.daysUntilUnlock(today)},
            {"lock_state", std::string(toText(unit.lockStateOn(today)))},
            {"exit_pending", unit.exitPending},
            {"released_on", dateOrNull(unit.releasedOn)}};
}

const std::vector<OutputColumn>& UnitView::detailFields()
{
    static const std::vector<OutputColumn> fields{
        {"serial", "Serial"},
        {"manufacturer", "Manufacturer"},
        {"model", "Model"},
        {"hashrate_ths", "Hashrate, TH/s"},
        {"power_w", "Power, W", CellKind::Number},
        {"status", "Status"},
        {"legal_owner", "Legal owner"},
        {"beneficial_owner", "Beneficial owner"},
        {"site", "Site"},
        {"customs_value_tiyn", "Customs value, KZT", CellKind::Money},
        {"customs_currency", "Customs currency", CellKind::Text, false},
        {"customs_value_minor", "Customs value (minor units)", CellKind::Number, false},
        {"fx_rate", "Exchange rate", CellKind::Text, false},
        {"customs_value_foreign", "Declared value"},
        {"declaration_no", "Declaration"},
        {"declaration_date", "Declaration date"},
        {"route", "Route"},
        {"dispatch_date", "Dispatched"},
        {"arrival_date", "Arrived"},
        {"vat_rate_percent", "VAT rate, %"},
        {"vat_exempted_tiyn", "VAT exempted, KZT", CellKind::Money},
        {"exemption_start", "Exemption start"},
        {"lock_term_years", "Lock term, years", CellKind::Number},
        {"lock_end", "Lock end"},
        {"unlock_date", "Unlock date"},
        {"days_left", "Days left", CellKind::Number},
        {"lock_state", "Lock state"},
        {"exit_pending", "Exit pending", CellKind::Flag},
        {"released_on", "Released on"}};
    return fields;
}

Json UnitView::event(const UnitEvent& event)
{
    return {{"date", isoDate(event.date)},
            {"kind", event.kind},
            {"detail", event.detail},
            {"journal_seq", event.journalSeq},
            {"recorded_by", event.recordedBy}};
}

const std::vector<OutputColumn>& UnitView::eventColumns()
{
    static const std::vector<OutputColumn> columns{{"date", "Date"},
                                                   {"kind", "Event"},
                                                   {"detail", "Detail"},
                                                   {"journal_seq", "Journal", CellKind::Number},
                                                   {"recorded_by", "By"}};
    return columns;
}

} // namespace asicledger
