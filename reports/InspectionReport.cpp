#include "InspectionReport.hpp"

#include "Discrepancies.hpp"
#include "InspectionQuery.hpp"
#include "Ledger.hpp"
#include "ReportStamp.hpp"

#include <array>
#include <fmt/format.h>
#include <memory>
#include <tuple>
#include <unordered_map>

namespace asicledger {
namespace {

// Typical widest cells, so the columns of the printed tables fit them whole.
constexpr auto kSerialSample = "HTM30Z-211219-AAD41162";
constexpr auto kModelSample = "Whatsminer M50S++";
constexpr auto kDeclarationSample = "50109010/150322/0001234";
constexpr auto kDateSample = "2026-11-20";

std::string count(std::int64_t n)
{
    return std::to_string(n);
}

std::string exemptionStart(const std::optional<UnitRecord>& unit)
{
    if (!unit)
        return "";
    return unit->lock ? isoDate(unit->lock->start()) : "none";
}

std::string unlockDate(const std::optional<UnitRecord>& unit)
{
    if (!unit)
        return "";
    return unit->lock ? isoDate(unit->lock->unlockDate()) : "no lock";
}

std::string findingText(const InspectionLine& line)
{
    return line.finding ? std::string(describe(*line.finding)) : "not seen";
}

// The outcome in a few words for the main table; the discrepancy tables give the full sentence.
std::string shortOutcome(const InspectionLine& line)
{
    switch (line.outcome) {
    case InspectionOutcome::Confirmed:
        return "as expected";
    case InspectionOutcome::Missing:
        return "MISSING";
    case InspectionOutcome::UnknownSerial:
        return "UNKNOWN serial";
    case InspectionOutcome::Elsewhere:
        return "ELSEWHERE: " + (line.unit ? line.unit->site : std::string());
    case InspectionOutcome::NotInKazakhstan:
        return "NOT IN KZ then";
    }
    return "";
}

std::string lineNumber(const InspectionLine& line)
{
    return line.lineNo ? std::to_string(line.lineNo) : "";
}

std::vector<std::string> splitInspectors(const std::string& joined)
{
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const auto end = joined.find("; ", start);
        names.push_back(joined.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            break;
        start = end + 2;
    }
    return names;
}

// The main table's rows, kept from the one pass over the register as of the day that also counts
// the summary (which every format shows before the rows). Serials are unique; the other cells
// repeat (models, declarations, dates, findings), so each distinct text is kept once and the rows
// point at it: about a hundred bytes a row.
class HeldLines
{
public:
    void add(const InspectionLine& line)
    {
        m_rows.push_back({line.serial,
                          {intern(line.unit ? line.unit->model : ""),
                           intern(line.unit ? line.unit->declarationNo : ""),
                           intern(line.unit ? std::string(toText(line.unit->route)) : ""),
                           intern(exemptionStart(line.unit)), intern(unlockDate(line.unit)),
                           intern(findingText(line)), intern(shortOutcome(line))},
                          line.lineNo});
    }
    std::int64_t size() const { return static_cast<std::int64_t>(m_rows.size()); }
    void send(const RowSink& sink) const
    {
        ReportRow row(2 + std::tuple_size_v<decltype(Held::cells)>);
        for (const auto& held : m_rows) {
            row.front() = held.serial;
            for (std::size_t i = 0; i < held.cells.size(); ++i)
                row[i + 1] = m_texts[held.cells[i]];
            row.back() = held.lineNo ? std::to_string(held.lineNo) : "";
            sink(row);
        }
    }

private:
    struct Held
    {
        std::string serial;
        std::array<std::uint32_t, 7> cells; // model ... result, indices into m_texts
        std::size_t lineNo;
    };
    std::uint32_t intern(std::string text)
    {
        const auto [found, added] =
            m_index.try_emplace(text, static_cast<std::uint32_t>(m_texts.size()));
        if (added)
            m_texts.push_back(std::move(text));
        return found->second;
    }

    std::vector<Held> m_rows;
    std::vector<std::string> m_texts;
    std::unordered_map<std::string, std::uint32_t> m_index;
};

ReportTable linesTable(std::string title, std::vector<ReportColumn> columns,
                       std::shared_ptr<const std::vector<InspectionLine>> lines,
                       std::function<ReportRow(const InspectionLine&)> toRow)
{
    ReportTable table;
    table.title = std::move(title);
    table.columns = std::move(columns);
    table.rowCount = static_cast<std::int64_t>(lines->size());
    table.rows = [lines, toRow](const RowSink& sink) {
        for (const auto& line : *lines)
            sink(toRow(line));
    };
    return table;
}

} // namespace

ReportDocument InspectionReport::build(Ledger& ledger, std::int64_t inspectionId,
                                       const std::string& generatedBy)
{
    const auto inspection = InspectionQuery(ledger).require(inspectionId);
    const auto held = std::make_shared<HeldLines>();
    auto computed = Discrepancies(ledger).compute(
        inspection, [&held](const InspectionLine& line) { held->add(line); });
    const auto& summary = computed.summary;

    ReportDocument document;
    document.title = "Inspection report";
    document.subtitle = fmt::format("{}, {}, reference {}", inspection.site,
                                    isoDate(inspection.date), inspection.reference);
    document.header = {
        {"Entity (site operator)", inspection.siteOperator},
        {"Site", fmt::format("{} ({})", inspection.site, inspection.siteRegion)},
        {"Inspection date", isoDate(inspection.date)},
        {"Authority", inspection.authority},
        {"Inspectors", inspection.inspectors},
        {"Reference", inspection.reference},
        {"Recorded by", fmt::format("{} (inspection {}, journal entry {})", inspection.recordedBy,
                                    inspection.id, inspection.journalSeq)},
        {"Serials seen", count(inspection.serialsSeen)},
    };
    document.summary = {
        {"expected at the site", count(summary.expected)},
        {"serials seen", count(summary.seen)},
        {"seen as expected", count(summary.confirmed)},
        {"missing", count(summary.missing)},
        {"unexpected", count(summary.unexpected())},
        {"unknown serials", count(summary.unknownSerial)},
        {"placed at another site", count(summary.elsewhere)},
        {"not in Kazakhstan that day", count(summary.notInKazakhstan)},
        {"adverse findings", count(summary.adverse)},
    };

    ReportTable units;
    units.title = "Units expected or seen";
    units.columns = {{"Serial", ColumnKind::Text, 0, kSerialSample},
                     {"Model", ColumnKind::Text, 1, kModelSample},
                     {"Declaration no.", ColumnKind::Text, 0, kDeclarationSample},
                     {"Route", ColumnKind::Text, 0, "truck"},
                     {"Exemption start", ColumnKind::Date, 0, kDateSample},
                     {"Unlock date", ColumnKind::Date, 0, kDateSample},
                     {"Finding", ColumnKind::Text, 0.5, "tampered label"},
                     {"Result", ColumnKind::Text, 1, "UNKNOWN serial"},
                     {"Line", ColumnKind::Number, 0, "99999"}};
    units.rowCount = held->size();
    units.rows = [held](const RowSink& sink) { held->send(sink); };
    units.emptyText = "No unit was expected at the site and no serial was seen.";
    document.tables.push_back(std::move(units));

    const auto missing =
        std::make_shared<const std::vector<InspectionLine>>(std::move(computed.missing));
    document.tables.push_back(
        linesTable("Missing: expected at the site, not seen",
                   {{"Serial", ColumnKind::Text, 0, kSerialSample},
                    {"Model", ColumnKind::Text, 1, kModelSample},
                    {"Legal owner", ColumnKind::Text, 2, "Kazakh Hash LLP"},
                    {"Declaration no.", ColumnKind::Text, 0, kDeclarationSample},
                    {"Unlock date", ColumnKind::Date, 0, kDateSample},
                    {"Status then", ColumnKind::Text, 0, "running"}},
                   missing, [](const InspectionLine& line) -> ReportRow {
                       return {line.serial,           line.unit->model,
                               line.unit->legalOwner, line.unit->declarationNo,
                               unlockDate(line.unit), std::string(toText(line.unit->status))};
                   }));

    const auto unexpected =
        std::make_shared<const std::vector<InspectionLine>>(std::move(computed.unexpected));
    document.tables.push_back(
        linesTable("Unexpected: seen, but not placed at the site by the ledger",
                   {{"Line", ColumnKind::Number, 0, "99999"},
                    {"Serial", ColumnKind::Text, 0, kSerialSample},
                    {"Finding", ColumnKind::Text, 0, "tampered label"},
                    {"What the ledger says", ColumnKind::Text, 1, ""}},
                   unexpected, [](const InspectionLine& line) -> ReportRow {
                       return {lineNumber(line), line.serial, findingText(line), line.note};
                   }));

    const auto adverse =
        std::make_shared<const std::vector<InspectionLine>>(std::move(computed.adverse));
    document.tables.push_back(linesTable(
        "Adverse findings",
        {{"Line", ColumnKind::Number, 0, "99999"},
         {"Serial", ColumnKind::Text, 0, kSerialSample},
         {"Model", ColumnKind::Text, 1, kModelSample},
         {"Finding", ColumnKind::Text, 0, "tampered label"},
         {"Result", ColumnKind::Text, 1, "UNKNOWN serial"},
         {"Legal owner", ColumnKind::Text, 2, "Kazakh Hash LLP"}},
        adverse, [](const InspectionLine& line) -> ReportRow {
            return {lineNumber(line),  line.serial,        line.unit ? line.unit->model : "",
                    findingText(line), shortOutcome(line), line.unit ? line.unit->legalOwner : ""};
        }));

    document.notes = {
        fmt::format("Expected units are those the ledger places at {} at the end of {}: imported "
                    "on or before that day, not exported before it, and at this site after every "
                    "sale and move recorded up to that day.",
                    inspection.site, isoDate(inspection.date)),
        "The journal fingerprint in the footer identifies the exact state of the ledger this "
        "report was made from; 'asicledger verify --expect-head' with it proves that the ledger "
        "still extends that state unaltered.",
    };
    for (const auto& name : splitInspectors(inspection.inspectors))
        document.signatures.push_back("Inspector " + name);
    document.signatures.push_back("For " + inspection.siteOperator);
    document.signatures.push_back("Prepared by (auditor)");
    stampReport(document, ledger, generatedBy);
    return document;
}

} // namespace asicledger
