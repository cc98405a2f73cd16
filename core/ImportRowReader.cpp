#include "ImportRowReader.hpp"

#include "Currency.hpp"
#include "DecimalNumber.hpp"
#include "ExactArithmetic.hpp"
#include "Ledger.hpp"
#include "PlainText.hpp"
#include "Serial.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger {
namespace {

constexpr std::size_t kMaxTextLength = 100;

std::string_view trimmedView(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Characters, not bytes: a model name may be Cyrillic.
std::size_t utf8Length(std::string_view text)
{
    std::size_t length = 0;
    for (char c : text)
        length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return length;
}

BigInt powerOfTen(int exponent)
{
    BigInt value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

} // namespace

ImportRowReader::ImportRowReader(Ledger& ledger, const ImportColumns& columns,
                                 std::vector<ImportProblem>& problems, std::size_t expectedRows)
    : m_ledger(ledger), m_columns(columns), m_problems(problems), m_today(ledger.today()),
      m_serialInLedger(
          std::make_unique<SQLite::Statement>(ledger.db(), "SELECT 1 FROM unit WHERE serial = ?"))
{
    m_serialLines.reserve(std::min<std::size_t>(expectedRows, 2'000'000));
}

ImportRowReader::~ImportRowReader() = default;

void ImportRowReader::problem(ImportColumn column, std::string message)
{
    m_problems.push_back(
        {m_record->line, std::string(ImportColumns::name(column)), std::move(message)});
}

std::string_view ImportRowReader::cell(ImportColumn column) const
{
    return trimmedView(m_columns.cell(m_record->fields, column));
}

bool ImportRowReader::refuseFormula(ImportColumn column)
{
    const auto raw = m_columns.cell(m_record->fields, column);
    const auto first = raw.find_first_not_of(' ');
    // A text cell starting with '-' is a formula to a spreadsheet ("-2+3") unless it is a number.
    const bool formula =
        (!raw.empty() && raw.front() == '\t') ||
        (first != std::string_view::npos &&
         (raw[first] == '=' || raw[first] == '+' || raw[first] == '@' ||
          (raw[first] == '-' && !DecimalNumber::parse(trimmedView(raw)).has_value())));
    if (formula)
        problem(column,
                fmt::format("'{}'{} looks like a spreadsheet formula: the ledger does not "
                            "store cells a spreadsheet would run; give the plain value",
                            trimmedView(raw), raw.front() == '\t' ? " (starting with a tab)" : ""));
    return formula;
}

std::optional<std::string_view> ImportRowReader::text(ImportColumn column, std::string_view what)
{
    if (refuseFormula(column))
        return std::nullopt;
    const auto value = cell(column);
    if (value.empty()) {
        problem(column, fmt::format("the {} is missing", what));
        return std::nullopt;
    }
    if (const auto length = utf8Length(value); length > kMaxTextLength) {
        problem(column, fmt::format("the {} is {} characters long; at most {} fit", what, length,
                                    kMaxTextLength));
        return std::nullopt;
    }
    return value;
}

std::optional<Date> ImportRowReader::date(ImportColumn column, std::string_view what, bool required)
{
    const auto value = cell(column);
    if (value.empty() && !required)
        return std::nullopt;
    try {
        return requireDate(value, what);
    } catch (const InvalidInput& error) {
        problem(column, error.what());
        return std::nullopt;
    }
}

const Entity* ImportRowReader::party(ImportColumn column, std::string_view what)
{
    if (refuseFormula(column))
        return nullptr;
    const auto name = cell(column);
    m_key = toLowerAscii(name); // entity names are unique regardless of case
    auto found = m_entityByName.find(m_key);
    if (found == m_entityByName.end()) {
        auto entity = EntityRegistry(m_ledger).find(name);
        if (entity)
            m_entityById.emplace(entity->id, *entity);
        found = m_entityByName.emplace(m_key, std::move(entity)).first;
    }
    if (!found->second) {
        problem(column, fmt::format("the {} '{}' is not an entity of the ledger: check the "
                                    "spelling, or ask an administrator to add it ('asicledger "
                                    "entity list' shows them all)",
                                    what, name));
        return nullptr;
    }
    return &*found->second;
}

bool ImportRowReader::read(const CsvRecord& record, ImportedUnit& unit, ShipmentFields& shipment)
{
    m_record = &record;
    const auto before = m_problems.size();
    unit = ImportedUnit{};
    unit.line = record.line;
    shipment = ShipmentFields{};
    if (record.fields.size() != m_columns.width()) {
        m_problems.push_back(
            {record.line, "",
             fmt::format("this row has {} cells but the header has {}: a cell holding the "
                         "separator must be quoted, and no cell may be left out",
                         record.fields.size(), m_columns.width())});
        return false;
    }
    readSerial(unit);
    readDescription(unit);
    readValue(unit);
    readShipment(shipment);
    readParties(unit, shipment);
    readExemption(unit, shipment);
    return m_problems.size() == before;
}

void ImportRowReader::readSerial(ImportedUnit& unit)
{
    if (refuseFormula(ImportColumn::Serial))
        return;
    std::string why;
    auto serial = Serial::tryParse(cell(ImportColumn::Serial), &why);
    if (!serial) {
        problem(ImportColumn::Serial, why);
        return;
    }
    unit.serial = serial->text();
    const auto [earlier, isNew] = m_serialLines.try_emplace(unit.serial, m_record->line);
    if (!isNew) {
        problem(ImportColumn::Serial,
                fmt::format("serial {} is already on line {} of this file: each unit appears once",
                            unit.serial, earlier->second));
        return;
    }
    m_serialInLedger->reset();
    m_serialInLedger->bind(1, unit.serial);
    if (m_serialInLedger->executeStep())
        problem(ImportColumn::Serial,
                fmt::format("serial {} is already in the ledger: a unit is imported once "
                            "('asicledger unit show {}' shows it)",
                            unit.serial, unit.serial));
    m_serialInLedger->reset();
}

void ImportRowReader::readDescription(ImportedUnit& unit)
{
    if (auto manufacturer = text(ImportColumn::Manufacturer, "manufacturer"))
        unit.manufacturer = &*m_texts.emplace(*manufacturer).first;
    if (auto model = text(ImportColumn::Model, "model"))
        unit.model = &*m_texts.emplace(*model).first;

    const auto hashrateText = cell(ImportColumn::HashrateThs);
    const auto hashrate = DecimalNumber::parse(hashrateText);
    const auto ghs = hashrate ? hashrate->toMinorUnits(3) : std::nullopt;
    if (!ghs || *ghs <= 0)
        problem(ImportColumn::HashrateThs,
                hashrateText.empty()
                    ? std::string("the hashrate is missing: give the nominal TH/s (e.g. 110)")
                    : fmt::format("hashrate '{}' is not a positive number of TH/s with at most 3 "
                                  "decimals (e.g. 110 or 104.5)",
                                  hashrateText));
    else
        unit.hashrateGhs = *ghs;

    const auto powerText = cell(ImportColumn::PowerW);
    const auto power = DecimalNumber::parse(powerText);
    const auto watts = power ? power->toInteger() : std::nullopt;
    if (!watts || *watts <= 0)
        problem(ImportColumn::PowerW,
                powerText.empty()
                    ? std::string("the power is missing: give the nominal watts (e.g. 3250)")
                    : fmt::format("power '{}' is not a positive whole number of watts (e.g. 3250)",
                                  powerText));
    else
        unit.powerW = *watts;
}

void ImportRowReader::readValue(ImportedUnit& unit)
{
    std::optional<Currency> currency = Currency::tenge();
    if (refuseFormula(ImportColumn::Currency)) {
        currency.reset();
    } else if (const auto code = cell(ImportColumn::Currency); !code.empty()) {
        currency = Currency::find(code);
        if (!currency)
            problem(ImportColumn::Currency,
                    fmt::format("currency '{}' is not an ISO 4217 code the ledger knows: write "
                                "it as KZT, USD, CNY, EUR...",
                                code));
    }

    const auto valueText = cell(ImportColumn::CustomsValue);
    const auto value = DecimalNumber::parse(valueText);
    std::optional<std::int64_t> minor;
    if (valueText.empty())
        problem(ImportColumn::CustomsValue,
                "the customs value is missing: give the value on the declaration");
    else if (!value)
        problem(ImportColumn::CustomsValue,
                fmt::format("customs value '{}' is not a number", valueText));
    else if (value->isNegative())
        problem(
            ImportColumn::CustomsValue,
            fmt::format("customs value {} is negative: a customs value is 0 or more", valueText));
    else if (currency) {
        minor = value->toMinorUnits(currency->minorDigits());
        const bool tooFine = value->scale() > currency->minorDigits() &&
                             value->toMinorUnits(value->scale()).has_value();
        if (!minor && tooFine)
            problem(ImportColumn::CustomsValue,
                    fmt::format("customs value {} is finer than {} allows ({} decimal{}): give "
                                "it as on the declaration",
                                valueText, currency->code(), currency->minorDigits(),
                                currency->minorDigits() == 1 ? "" : "s"));
        else if (!minor)
            problem(ImportColumn::CustomsValue,
                    fmt::format("customs value {} is too large to hold exactly", valueText));
    }

    const auto fxText = cell(ImportColumn::FxRate);
    const auto fx = DecimalNumber::parse(fxText);
    if (!currency)
        return;
    unit.currency = currency->code();
    if (currency->isTenge()) {
        if (!fxText.empty() && !(fx && fx->value() == 1))
            problem(ImportColumn::FxRate,
                    fmt::format("the customs value is in KZT, so fx_rate must be empty or 1, not "
                                "'{}': if the value is in another currency, say which in the "
                                "currency column",
                                fxText));
        if (minor)
            unit.customsMinor = unit.customsTiyn = *minor;
        return;
    }
    if (fxText.empty()) {
        problem(ImportColumn::FxRate,
                fmt::format("a customs value in {0} needs fx_rate: the KZT per 1 {0} used on the "
                            "declaration",
                            currency->code()));
        return;
    }
    if (!fx || fx->isNegative() || fx->isZero()) {
        problem(ImportColumn::FxRate,
                fmt::format("fx_rate '{}' is not a positive number of KZT per 1 {}", fxText,
                            currency->code()));
        return;
    }
    unit.fxRate = fx->text();
    if (!minor)
        return;
    // tiyn = minor / 10^digits units × fx KZT/unit × 100 tiyn/KZT, exactly, rounded once.
    try {
        unit.customsMinor = *minor;
        unit.customsTiyn =
            roundHalfAwayFromZero(BigInt(*minor) * fx->mantissa() * 100,
                                  powerOfTen(currency->minorDigits()) * powerOfTen(fx->scale()));
    } catch (const InvalidInput& error) {
        problem(ImportColumn::CustomsValue, fmt::format("customs value {} {} at {}: {}", valueText,
                                                        currency->code(), fxText, error.what()));
    }
}

void ImportRowReader::readShipment(ShipmentFields& shipment)
{
    if (auto number = text(ImportColumn::DeclarationNo, "declaration number"))
        shipment.declarationNo = *number;
    shipment.declarationDate =
        date(ImportColumn::DeclarationDate, "the declaration date", /*required=*/true);
    if (!refuseFormula(ImportColumn::Route)) {
        const auto route = cell(ImportColumn::Route);
        shipment.route = parseRoute(route);
        if (!shipment.route)
            problem(ImportColumn::Route,
                    route.empty() ? std::string("the route is missing: write air, rail or truck")
                                  : fmt::format("route '{}' is not one the ledger knows: write "
                                                "air, rail or truck",
                                                route));
    }
    shipment.dispatchDate = date(ImportColumn::DispatchDate, "the dispatch date", true);
    shipment.arrivalDate = date(ImportColumn::ArrivalDate, "the arrival date", true);

    const auto notAfterToday = [&](ImportColumn column, const std::optional<Date>& day,
                                   std::string_view what) {
        if (day && *day > m_today)
            problem(column, fmt::format("the {} {} is after today ({}): check the date", what,
                                        isoDate(*day), isoDate(m_today)));
    };
    notAfterToday(ImportColumn::DeclarationDate, shipment.declarationDate, "declaration date");
    notAfterToday(ImportColumn::ArrivalDate, shipment.arrivalDate, "arrival date");
    if (shipment.dispatchDate && shipment.arrivalDate &&
        *shipment.arrivalDate < *shipment.dispatchDate)
        problem(ImportColumn::ArrivalDate,
                fmt::format("the shipment arrives on {} before it is dispatched on {}: check the "
                            "two dates",
                            isoDate(*shipment.arrivalDate), isoDate(*shipment.dispatchDate)));
}

void ImportRowReader::readParties(ImportedUnit& unit, ShipmentFields& shipment)
{
    if (cell(ImportColumn::LegalOwner).empty())
        problem(ImportColumn::LegalOwner, "the legal owner is missing: name the entity that "
                                          "holds the unit on its balance sheet");
    else if (const auto* owner = party(ImportColumn::LegalOwner, "legal owner"))
        unit.legalOwnerId = owner->id;

    if (!cell(ImportColumn::BeneficialOwner).empty()) {
        if (const auto* beneficial = party(ImportColumn::BeneficialOwner, "beneficial owner"))
            unit.beneficialOwnerId = beneficial->id;
    } else {
        refuseFormula(ImportColumn::BeneficialOwner); // a lone tab is a formula, not a blank
    }

    if (!cell(ImportColumn::Importer).empty()) {
        if (const auto* importer = party(ImportColumn::Importer, "importer"))
            shipment.importerId = importer->id;
    } else if (unit.legalOwnerId) {
        shipment.importerId = unit.legalOwnerId;
    }

    if (refuseFormula(ImportColumn::Site))
        return;
    const auto siteName = cell(ImportColumn::Site);
    if (siteName.empty()) {
        problem(ImportColumn::Site, "the site is missing: name the facility the unit is at");
        return;
    }
    m_key = toLowerAscii(siteName);
    auto found = m_siteByName.find(m_key);
    if (found == m_siteByName.end()) {
        auto site = SiteRegistry(m_ledger).find(siteName);
        if (site)
            m_siteNameById.emplace(site->id, site->name);
        found = m_siteByName.emplace(m_key, std::move(site)).first;
    }
    if (!found->second)
        problem(ImportColumn::Site,
                fmt::format("the site '{}' is not a site of the ledger: check the spelling, or "
                            "ask an administrator to add it ('asicledger site list' shows them "
                            "all)",
                            siteName));
    else
        unit.siteId = found->second->id;
}

void ImportRowReader::readExemption(ImportedUnit& unit, const ShipmentFields& shipment)
{
    const auto termText = cell(ImportColumn::ExemptionTermYears);
    if (!termText.empty()) {
        const auto term = DecimalNumber::parse(termText);
        const auto years = term ? term->toInteger() : std::nullopt;
        if (!years || *years < 1 || *years > 50)
            problem(ImportColumn::ExemptionTermYears,
                    fmt::format("exemption term '{}' is not a whole number of years from 1 to 50 "
                                "(normally {})",
                                termText, LockTerm::kStandardYears));
        else
            unit.termYears = static_cast<int>(*years);
    }

    unit.exemptionStart = date(ImportColumn::ExemptionStart, "the exemption start", false);
    if (!unit.exemptionStart)
        return;
    const auto start = *unit.exemptionStart;
    if (start > m_today)
        problem(ImportColumn::ExemptionStart,
                fmt::format("the exemption start {} is after today ({}): check the date",
                            isoDate(start), isoDate(m_today)));
    if (shipment.declarationDate && start < *shipment.declarationDate)
        problem(ImportColumn::ExemptionStart,
                fmt::format("the exemption starts on {}, before the declaration was registered "
                            "on {}: an exemption cannot start before its declaration",
                            isoDate(start), isoDate(*shipment.declarationDate)));
    if (unit.legalOwnerId) {
        const auto& owner = entity(unit.legalOwnerId);
        if (owner.kind != EntityKind::Domestic)
            problem(ImportColumn::LegalOwner,
                    fmt::format("the legal owner '{}' is an overseas entity ({}), but the unit "
                                "is VAT-exempt: the VAT exemption is a domestic company's "
                                "commitment to keep the unit on its balance sheet. Name the "
                                "Kazakh company as legal owner (the hosting customer goes in "
                                "beneficial_owner), or leave exemption_start empty if VAT was "
                                "paid",
                                owner.name, owner.jurisdiction));
    }
}

} // namespace asicledger
