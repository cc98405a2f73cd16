#pragma once

#include "ImportColumns.hpp"
#include "ImportRowReader.hpp"
#include "ShipmentImporter.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace asicledger {

// A shipment field as the rows of one declaration state it, with the line that first did.
template <class T> struct AgreedField
{
    std::optional<T> value;
    std::size_t line = 0;
};

// One customs declaration of an import file: the shipment its rows describe.
struct ImportDeclaration
{
    std::string number;
    std::size_t firstLine = 0;
    AgreedField<Date> declarationDate;
    AgreedField<Route> route;
    AgreedField<Date> dispatchDate;
    AgreedField<Date> arrivalDate;
    AgreedField<std::int64_t> importerId;
    std::optional<std::int64_t> shipmentId; // set when the ledger already holds it
    int vatRateBp = 0;
};

// The declarations of an import file. A file repeats the shipment's fields on every row of a
// unit, so rows of one declaration must agree, and a declaration the ledger already holds must
// agree with it (its new units are then added to that shipment).
class ImportDeclarations
{
public:
    ImportDeclarations(Ledger& ledger, const ImportColumns& columns, const ImportRowReader& rows,
                       std::vector<ImportProblem>& problems);
    ~ImportDeclarations();

    // Files one row's shipment fields under its declaration; returns the declaration's index.
    std::uint32_t add(std::size_t line, const ShipmentFields& fields);
    // After the last row: the importer is domestic, a recorded shipment agrees, the VAT rate is
    // known; a transit time far outside its route's range gets a warning.
    void finish(std::vector<ImportWarning>& warnings);

    const std::vector<ImportDeclaration>& all() const { return m_declarations; }
    std::vector<ImportDeclaration>& all() { return m_declarations; }

private:
    template <class T>
    void agree(AgreedField<T>& field, const std::optional<T>& value, std::size_t line,
               const ImportDeclaration& declaration, ImportColumn column);
    std::string describe(const Date& day) const;
    std::string describe(Route route) const;
    std::string describe(std::int64_t entityId) const;
    void checkImporter(const ImportDeclaration& declaration);
    void compareWithLedger(ImportDeclaration& declaration);
    void warnOfTransit(const ImportDeclaration& declaration,
                       std::vector<ImportWarning>& warnings) const;

    Ledger& m_ledger;
    const ImportColumns& m_columns;
    const ImportRowReader& m_rows;
    std::vector<ImportProblem>& m_problems;
    std::vector<ImportDeclaration> m_declarations;
    std::unordered_map<std::string, std::uint32_t> m_index;
    std::unique_ptr<SQLite::Statement> m_recorded;
};

} // namespace asicledger
