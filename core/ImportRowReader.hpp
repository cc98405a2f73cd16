#pragma once

#include "CalendarDate.hpp"
#include "CsvReader.hpp"
#include "EntityRegistry.hpp"
#include "ImportColumns.hpp"
#include "LockTerm.hpp"
#include "ShipmentImporter.hpp"
#include "SiteRegistry.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace asicledger {

// One unit of an import file, checked and with its names resolved to ids: what the write needs
// and little more, since a file may hold a hundred thousand of them.
struct ImportedUnit
{
    static constexpr std::uint32_t kNoDeclaration = UINT32_MAX;

    std::size_t line = 0;
    std::uint32_t declaration = kNoDeclaration; // index into ImportDeclarations
    std::string serial;                         // normal form
    const std::string* manufacturer = nullptr;  // shared by the rows that repeat it
    const std::string* model = nullptr;
    std::int64_t hashrateGhs = 0;
    std::int64_t powerW = 0;
    std::int64_t customsMinor = 0; // in the currency's minor units
    std::int64_t customsTiyn = 0;
    std::string currency; // ISO 4217
    std::string fxRate;   // KZT per unit of currency, canonical text; empty for tenge
    std::int64_t legalOwnerId = 0;
    std::int64_t beneficialOwnerId = 0; // 0: none
    std::int64_t siteId = 0;
    std::optional<Date> exemptionStart; // none: imported with VAT paid
    int termYears = LockTerm::kStandardYears;
};

// What one row says about its shipment; the rows of one declaration must agree on all of it.
struct ShipmentFields
{
    std::string declarationNo;
    std::optional<Date> declarationDate;
    std::optional<Route> route;
    std::optional<Date> dispatchDate;
    std::optional<Date> arrivalDate;
    std::optional<std::int64_t> importerId; // the importer column, else the legal owner
};

// Checks the cells of one row of an import file, one by one, and says what is wrong with each:
// a clerk fixes a whole file in one go only if every problem is reported, not just the first.
// Resolves entity and site names through a cache (a file names a handful of them thousands of
// times) and looks serials up in the ledger with one reused statement.
class ImportRowReader
{
public:
    // `expectedRows` sizes the in-file serial index up front (it may be a guess).
    ImportRowReader(Ledger& ledger, const ImportColumns& columns,
                    std::vector<ImportProblem>& problems, std::size_t expectedRows = 0);
    ~ImportRowReader();

    // Reads one data row into `unit` and `shipment` as far as its cells allow. Returns false if
    // the row had a problem (now in `problems`).
    bool read(const CsvRecord& record, ImportedUnit& unit, ShipmentFields& shipment);

    // A party or site this reader resolved (by id, as ImportedUnit holds them).
    const Entity& entity(std::int64_t id) const { return m_entityById.at(id); }
    const std::string& siteName(std::int64_t id) const { return m_siteNameById.at(id); }

private:
    void problem(ImportColumn column, std::string message);
    // The trimmed cell; empty when the file lacks the column.
    std::string_view cell(ImportColumn column) const;
    // A cell that a spreadsheet would run as a formula (CSV injection); reported, and true.
    bool refuseFormula(ImportColumn column);
    std::optional<std::string_view> text(ImportColumn column, std::string_view what);
    std::optional<Date> date(ImportColumn column, std::string_view what, bool required);
    const Entity* party(ImportColumn column, std::string_view what);

    void readSerial(ImportedUnit& unit);
    void readDescription(ImportedUnit& unit);
    void readValue(ImportedUnit& unit);
    void readParties(ImportedUnit& unit, ShipmentFields& shipment);
    void readShipment(ShipmentFields& shipment);
    void readExemption(ImportedUnit& unit, const ShipmentFields& shipment);

    Ledger& m_ledger;
    const ImportColumns& m_columns;
    std::vector<ImportProblem>& m_problems;
    Date m_today;
    const CsvRecord* m_record = nullptr;

    std::unique_ptr<SQLite::Statement> m_serialInLedger;
    std::unordered_map<std::string, std::size_t> m_serialLines;
    std::unordered_set<std::string> m_texts;
    std::string m_key; // reused for cache keys
    std::unordered_map<std::string, std::optional<Entity>> m_entityByName;
    std::unordered_map<std::int64_t, Entity> m_entityById;
    std::unordered_map<std::string, std::optional<Site>> m_siteByName;
    std::unordered_map<std::int64_t, std::string> m_siteNameById;
};

} // namespace asicledger
