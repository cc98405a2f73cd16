#include "ImportDeclarations.hpp"

#include "Ledger.hpp"
#include "RateTables.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger {

ImportDeclarations::ImportDeclarations(Ledger& ledger, const ImportColumns& columns,
                                       const ImportRowReader& rows,
                                       std::vector<ImportProblem>& problems)
    : m_ledger(ledger), m_columns(columns), m_rows(rows), m_problems(problems),
      m_recorded(std::make_unique<SQLite::Statement>(
          ledger.db(), "SELECT s.id, s.declaration_date, s.route, s.dispatch_date, "
                       "s.arrival_date, s.importer_id, e.name FROM shipment s "
                       "JOIN entity e ON e.id = s.importer_id WHERE s.declaration_no = ?"))
{}

ImportDeclarations::~ImportDeclarations() = default;

std::string ImportDeclarations::describe(const Date& day) const
{
    return isoDate(day);
}

std::string ImportDeclarations::describe(Route route) const
{
    return std::string(toText(route));
}

std::string ImportDeclarations::describe(std::int64_t entityId) const
{
    return m_rows.entity(entityId).name;
}

template <class T>
void ImportDeclarations::agree(AgreedField<T>& field, const std::optional<T>& value,
                               std::size_t line, const ImportDeclaration& declaration,
                               ImportColumn column)
{
    if (!value)
        return;
    if (!field.value) {
        field.value = value;
        field.line = line;
        return;
    }
    if (*field.value == *value)
        return;
    const bool importerFromOwner =
        column == ImportColumn::Importer && !m_columns.has(ImportColumn::Importer);
    std::string what(ImportColumns::name(column));
    std::replace(what.begin(), what.end(), '_', ' ');
    m_problems.push_back(
        {line,
         std::string(ImportColumns::name(importerFromOwner ? ImportColumn::LegalOwner : column)),
         fmt::format("declaration {} has {} {} on line {}{}, but this row says {}: the rows of "
                     "one declaration share its shipment fields{}",
                     declaration.number, what, describe(*field.value), field.line,
                     field.line == declaration.firstLine ? " (its first row)" : "",
                     describe(*value),
                     importerFromOwner ? " (without an importer column the legal owner imports; "
                                         "add an importer column naming the importing entity)"
                                       : "")});
}

std::uint32_t ImportDeclarations::add(std::size_t line, const ShipmentFields& fields)
{
    const auto [found, isNew] = m_index.try_emplace(
        fields.declarationNo, static_cast<std::uint32_t>(m_declarations.size()));
    if (isNew) {
        m_declarations.emplace_back();
        m_declarations.back().number = fields.declarationNo;
        m_declarations.back().firstLine = line;
    }
    auto& declaration = m_declarations[found->second];
    agree(declaration.declarationDate, fields.declarationDate, line, declaration,
          ImportColumn::DeclarationDate);
    agree(declaration.route, fields.route, line, declaration, ImportColumn::Route);
    agree(declaration.dispatchDate, fields.dispatchDate, line, declaration,
          ImportColumn::DispatchDate);
    agree(declaration.arrivalDate, fields.arrivalDate, line, declaration,
          ImportColumn::ArrivalDate);
    agree(declaration.importerId, fields.importerId, line, declaration, ImportColumn::Importer);
    return found->second;
}

void ImportDeclarations::finish(std::vector<ImportWarning>& warnings)
{
    const auto vatRates = RateTables::vatRates(m_ledger.db());
    for (auto& declaration : m_declarations) {
        checkImporter(declaration);
        if (const auto& day = declaration.declarationDate; day.value) {
            try {
                declaration.vatRateBp = RateTables::vatRateOn(vatRates, *day.value);
            } catch (const MissingReferenceData& error) {
                m_problems.push_back({day.line, "declaration_date", error.what()});
            }
        }
        compareWithLedger(declaration);
        if (!declaration.shipmentId)
            warnOfTransit(declaration, warnings);
    }
}

void ImportDeclarations::checkImporter(const ImportDeclaration& declaration)
{
    const auto& importer = declaration.importerId;
    if (!importer.value)
        return;
    const auto& entity = m_rows.entity(*importer.value);
    if (entity.kind == EntityKind::Domestic)
        return;
    const bool fromOwner = !m_columns.has(ImportColumn::Importer);
    m_problems.push_back(
        {importer.line, fromOwner ? "legal_owner" : "importer",
         fmt::format("the importer of declaration {} would be {}, an overseas entity ({}): the "
                     "importer on a Kazakh customs declaration is a domestic company{}",
                     declaration.number, entity.name, entity.jurisdiction,
                     fromOwner ? "; without an importer column the legal owner imports, so add "
                                 "an importer column naming the Kazakh importer"
                               : "")});
}

void ImportDeclarations::compareWithLedger(ImportDeclaration& declaration)
{
    auto& query = *m_recorded;
    query.reset();
    query.bind(1, declaration.number);
    if (!query.executeStep())
        return;
    declaration.shipmentId = query.getColumn(0).getInt64();
    const auto recordedDate = parseDate(query.getColumn(1).getString());
    const auto recordedRoute = parseRoute(query.getColumn(2).getString());
    const auto recordedDispatch = parseDate(query.getColumn(3).getString());
    const auto recordedArrival = parseDate(query.getColumn(4).getString());
    const auto recordedImporter = query.getColumn(5).getInt64();
    const auto recordedImporterName = query.getColumn(6).getString();
    query.reset();

    const auto differs = [&](const auto& field, const auto& recorded, ImportColumn column,
                             std::string recordedText) {
        if (!field.value || !recorded || *field.value == *recorded)
            return;
        std::string what(ImportColumns::name(column));
        std::replace(what.begin(), what.end(), '_', ' ');
        m_problems.push_back(
            {field.line, std::string(ImportColumns::name(column)),
             fmt::format("declaration {} is already in the ledger with {} {}, but this file says "
                         "{}: units added to a recorded declaration repeat its shipment fields "
                         "(or is the declaration number mistyped?)",
                         declaration.number, what, recordedText, describe(*field.value))});
    };
    differs(declaration.declarationDate, recordedDate, ImportColumn::DeclarationDate,
            recordedDate ? isoDate(*recordedDate) : "");
    differs(declaration.route, recordedRoute, ImportColumn::Route,
            recordedRoute ? std::string(toText(*recordedRoute)) : "");
    differs(declaration.dispatchDate, recordedDispatch, ImportColumn::DispatchDate,
            recordedDispatch ? isoDate(*recordedDispatch) : "");
    differs(declaration.arrivalDate, recordedArrival, ImportColumn::ArrivalDate,
            recordedArrival ? isoDate(*recordedArrival) : "");
    const bool importerColumn = m_columns.has(ImportColumn::Importer);
    if (declaration.importerId.value && *declaration.importerId.value != recordedImporter)
        m_problems.push_back(
            {declaration.importerId.line, importerColumn ? "importer" : "legal_owner",
             fmt::format("declaration {} is already in the ledger with importer {}, but this "
                         "file says {}: units added to a recorded declaration have its importer",
                         declaration.number, recordedImporterName,
                         describe(*declaration.importerId.value))});
}

void ImportDeclarations::warnOfTransit(const ImportDeclaration& declaration,
                                       std::vector<ImportWarning>& warnings) const
{
    const auto& route = declaration.route.value;
    const auto& dispatched = declaration.dispatchDate.value;
    const auto& arrived = declaration.arrivalDate.value;
    if (!route || !dispatched || !arrived || *arrived < *dispatched)
        return;
    const auto days = daysBetween(*dispatched, *arrived);
    const auto typical = typicalTransit(*route);
    // Far outside: under half the shortest typical time, or over twice the longest.
    if (days * 2 >= typical.minDays && days <= 2L * typical.maxDays)
        return;
    warnings.push_back(
        {declaration.firstLine,
         fmt::format("declaration {} took {} day{} from dispatch ({}) to arrival ({}) by {}, "
                     "which usually takes {} to {} days: accepted, but check the two dates",
                     declaration.number, days, days == 1 ? "" : "s", isoDate(*dispatched),
                     isoDate(*arrived), toText(*route), typical.minDays, typical.maxDays)});
}

} // namespace asicledger
