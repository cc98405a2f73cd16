#include "ImportColumns.hpp"

#include "PlainText.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <utility>

namespace asicledger {
namespace {

constexpr std::array<std::string_view, kImportColumnCount> kNames{
    "serial",
    "manufacturer",
    "model",
    "hashrate_ths",
    "power_w",
    "customs_value",
    "currency",
    "fx_rate",
    "legal_owner",
    "beneficial_owner",
    "site",
    "exemption_start",
    "declaration_no",
    "declaration_date",
    "route",
    "dispatch_date",
    "arrival_date",
    "importer",
    "exemption_term_years",
};

// Other names clerks and suppliers give the columns, in the folded form of `folded` below
// (lower case, underscores as spaces). Each canonical name is recognised too.
constexpr std::array<std::pair<std::string_view, ImportColumn>, 41> kAliases{{
    {"sn", ImportColumn::Serial},
    {"s/n", ImportColumn::Serial},
    {"serial number", ImportColumn::Serial},
    {"serial no", ImportColumn::Serial},
    {"serial no.", ImportColumn::Serial},
    {"serial #", ImportColumn::Serial},
    {"vendor", ImportColumn::Manufacturer},
    {"brand", ImportColumn::Manufacturer},
    {"make", ImportColumn::Manufacturer},
    {"hashrate", ImportColumn::HashrateThs},
    {"hashrate (th/s)", ImportColumn::HashrateThs},
    {"hashrate th/s", ImportColumn::HashrateThs},
    {"th/s", ImportColumn::HashrateThs},
    {"ths", ImportColumn::HashrateThs},
    {"power", ImportColumn::PowerW},
    {"power (w)", ImportColumn::PowerW},
    {"watts", ImportColumn::PowerW},
    {"value", ImportColumn::CustomsValue},
    {"exchange rate", ImportColumn::FxRate},
    {"rate", ImportColumn::FxRate},
    {"fx", ImportColumn::FxRate},
    {"owner", ImportColumn::LegalOwner},
    {"hosting customer", ImportColumn::BeneficialOwner},
    {"client", ImportColumn::BeneficialOwner},
    {"vat exemption start", ImportColumn::ExemptionStart},
    {"declaration", ImportColumn::DeclarationNo},
    {"customs declaration", ImportColumn::DeclarationNo},
    {"declaration number", ImportColumn::DeclarationNo},
    {"declaration no.", ImportColumn::DeclarationNo},
    {"customs declaration no", ImportColumn::DeclarationNo},
    {"transport", ImportColumn::Route},
    {"dispatched", ImportColumn::DispatchDate},
    {"shipped", ImportColumn::DispatchDate},
    {"dispatch", ImportColumn::DispatchDate},
    {"arrived", ImportColumn::ArrivalDate},
    {"arrival", ImportColumn::ArrivalDate},
    {"importing entity", ImportColumn::Importer},
    {"exemption term", ImportColumn::ExemptionTermYears},
    {"term years", ImportColumn::ExemptionTermYears},
    {"customs value kzt", ImportColumn::CustomsValue},
    {"declaration registration date", ImportColumn::DeclarationDate},
}};

// Header text in one comparable form: trimmed, lower case, underscores and runs of blanks as one
// space ("Serial_No", " serial  no " and "SERIAL NO" are all "serial no").
std::string folded(std::string_view header)
{
    std::string text = toLowerAscii(trim(header));
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const bool blank = c == '_' || c == ' ' || c == '\t';
        if (!blank)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

} // namespace

std::string_view ImportColumns::name(ImportColumn column)
{
    return kNames.at(index(column));
}

bool ImportColumns::isRequired(ImportColumn column)
{
    switch (column) {
    case ImportColumn::Currency:
    case ImportColumn::FxRate:
    case ImportColumn::BeneficialOwner:
    case ImportColumn::ExemptionStart:
    case ImportColumn::Importer:
    case ImportColumn::ExemptionTermYears:
        return false;
    default:
        return true;
    }
}

std::optional<ImportColumn> ImportColumns::recognise(std::string_view headerCell)
{
    const auto key = folded(headerCell);
    if (key.empty())
        return std::nullopt;
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (folded(kNames[i]) == key)
            return static_cast<ImportColumn>(i);
    }
    for (const auto& [alias, column] : kAliases) {
        if (alias == key)
            return column;
    }
    return std::nullopt;
}

ImportColumns ImportColumns::match(const CsvRecord& header, std::vector<ImportProblem>& problems,
                                   std::vector<ImportWarning>& warnings)
{
    ImportColumns columns;
    columns.m_cell.fill(-1);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto& text = header.fields[i];
        const auto column = recognise(text);
        columns.m_matches.push_back({text, column ? std::string(name(*column)) : std::string()});
        if (!column) {
            warnings.push_back(
                {header.line,
                 trim(text).empty()
                     ? fmt::format("column {} has no name: its cells are ignored", i + 1)
                     : fmt::format("column '{}' is not one the import knows: its cells are "
                                   "ignored (the known columns are {})",
                                   trim(text), fmt::join(kNames, ", "))});
            continue;
        }
        auto& cell = columns.m_cell[index(*column)];
        if (cell >= 0) {
            problems.push_back(
                {header.line, std::string(name(*column)),
                 fmt::format("columns '{}' and '{}' both mean {}: keep one of them and import "
                             "again",
                             trim(header.fields[static_cast<std::size_t>(cell)]), trim(text),
                             name(*column))});
            continue;
        }
        cell = static_cast<int>(i);
    }

    std::vector<std::string_view> missing;
    for (std::size_t i = 0; i < kImportColumnCount; ++i) {
        const auto column = static_cast<ImportColumn>(i);
        if (isRequired(column) && !columns.has(column))
            missing.push_back(name(column));
    }
    if (!missing.empty())
        problems.push_back(
            {header.line, "",
             fmt::format("the header lacks the required column{} {}: the first row must name "
                         "every column (see 'asicledger import --help' for the header)",
                         missing.size() == 1 ? "" : "s", fmt::join(missing, ", "))});
    return columns;
}

std::string_view ImportColumns::cell(const std::vector<std::string>& fields,
                                     ImportColumn column) const
{
    const int at = m_cell[index(column)];
    if (at < 0 || static_cast<std::size_t>(at) >= fields.size())
        return {};
    return fields[static_cast<std::size_t>(at)];
}

} // namespace asicledger
