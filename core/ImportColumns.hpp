#pragma once

#include "CsvReader.hpp"
#include "ShipmentImporter.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace asicledger {

// The columns an import file may have: the canonical header of issue 2, then the optional extras.
enum class ImportColumn : std::uint8_t
{
    Serial,
    Manufacturer,
    Model,
    HashrateThs,
    PowerW,
    CustomsValue,
    Currency,
    FxRate,
    LegalOwner,
    BeneficialOwner,
    Site,
    ExemptionStart,
    DeclarationNo,
    DeclarationDate,
    Route,
    DispatchDate,
    ArrivalDate,
    Importer,
    ExemptionTermYears,
};
inline constexpr std::size_t kImportColumnCount = 19;
inline constexpr std::size_t kCanonicalColumnCount = 17; // Serial .. ArrivalDate

// How an import file's header row was understood: which cell holds which column. Clerks write
// headers by hand, so names match case-insensitively, with underscores and spaces alike, and with
// the aliases supplier packing lists use ("SN", "Serial number", "Vendor", "TH/s"...).
class ImportColumns
{
public:
    // Reads the header row. Problems (a column given twice, required columns missing) go to
    // `problems`; cells naming no known column are ignored, with a warning.
    static ImportColumns match(const CsvRecord& header, std::vector<ImportProblem>& problems,
                               std::vector<ImportWarning>& warnings);

    // The canonical name: "serial", "hashrate_ths"...
    static std::string_view name(ImportColumn column);
    static bool isRequired(ImportColumn column);
    // The column a header cell names, if any.
    static std::optional<ImportColumn> recognise(std::string_view headerCell);

    const std::vector<ColumnMatch>& matches() const { return m_matches; }
    bool has(ImportColumn column) const { return m_cell[index(column)] >= 0; }
    // The cell of a row holding `column`; empty when the file has no such column.
    std::string_view cell(const std::vector<std::string>& fields, ImportColumn column) const;
    // How many cells every row must have.
    std::size_t width() const { return m_matches.size(); }

private:
    static std::size_t index(ImportColumn column) { return static_cast<std::size_t>(column); }

    std::vector<ColumnMatch> m_matches;
    std::array<int, kImportColumnCount> m_cell{};
};

} // namespace asicledger
