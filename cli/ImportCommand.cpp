// import FILE [--dry-run]: a shipment spreadsheet into the ledger, all or nothing.

#include "CommandSet.hpp"
#include "PlainText.hpp"
#include "Session.hpp"
#include "ShipmentImporter.hpp"

#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace asicledger {
namespace {

struct ImportOptions
{
    std::string file;
    bool dryRun = false;
};

Json optionalDate(const std::optional<Date>& date)
{
    return date ? Json(isoDate(*date)) : Json();
}

Json summaryJson(const std::string& file, const ImportSummary& summary)
{
    Json warnings = Json::array();
    for (const auto& warning : summary.warnings)
        warnings.push_back({{"line", warning.line}, {"message", warning.message}});
    return {{"file", file},
            {"dry_run", summary.dryRun},
            {"journal_seq", summary.dryRun ? Json() : Json(summary.journalSeq)},
            {"units", summary.units},
            {"exempt_units", summary.exemptUnits},
            {"declarations", summary.declarations},
            {"customs_value_tiyn", summary.customsValue.minor()},
            {"vat_exempted_tiyn", summary.vatExempted.minor()},
            {"earliest_unlock", optionalDate(summary.earliestUnlock)},
            {"latest_unlock", optionalDate(summary.latestUnlock)},
            {"warnings", warnings}};
}

void printSummary(const std::string& file, const ImportSummary& summary, OutputFormat format)
{
    auto record = summaryJson(file, summary);
    if (format == OutputFormat::Json) {
        writeJson(std::cout, record);
        return;
    }
    if (format == OutputFormat::Table) {
        std::cout << (summary.dryRun
                          ? fmt::format("Dry run: {} is valid; nothing was written.\n", file)
                          : fmt::format("Imported {} from {} (journal entry {}).\n",
                                        summary.units == 1 ? std::string("1 unit")
                                                           : fmt::format("{} units", summary.units),
                                        file, summary.journalSeq));
    }
    std::string declarations;
    for (const auto& number : summary.declarations)
        declarations += (declarations.empty() ? "" : ", ") + number;
    record["declarations"] = declarations;
    std::string unlocks;
    if (summary.earliestUnlock && summary.latestUnlock)
        unlocks = isoDate(*summary.earliestUnlock) + " to " + isoDate(*summary.latestUnlock);
    record["unlock_range"] = unlocks;
    writeRecord(std::cout, format,
                {{"units", "Units", CellKind::Number},
                 {"exempt_units", "Exempt units", CellKind::Number},
                 {"declarations", "Declarations"},
                 {"customs_value_tiyn", "Customs value, KZT", CellKind::Money},
                 {"vat_exempted_tiyn", "VAT exempted, KZT", CellKind::Money},
                 {"unlock_range", "Unlock dates", CellKind::Text, format == OutputFormat::Table},
                 {"earliest_unlock", "Earliest unlock", CellKind::Text, false},
                 {"latest_unlock", "Latest unlock", CellKind::Text, false}},
                record);
    for (const auto& warning : summary.warnings) {
        if (format == OutputFormat::Csv)
            std::cout << "warning,"
                      << csvField(fmt::format("line {}: {}", warning.line, warning.message))
                      << '\n';
        else
            std::cout << fmt::format("Warning, line {}: {}\n", warning.line, warning.message);
    }
}

// A running count on the terminal for files of thousands of rows; silent when redirected. The
// line is wiped when the import ends, however it ends.
class ProgressLine
{
public:
    ProgressLine() : m_shown(::isatty(STDERR_FILENO)) {}
    ~ProgressLine()
    {
        if (m_shown)
            std::cerr << "\r\033[K" << std::flush;
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    ShipmentImporter::Progress callback() const
    {
        if (!m_shown)
            return {};
        return [](std::size_t done, std::size_t total) {
            std::cerr << fmt::format("\r{} of {} rows...", done, total) << std::flush;
        };
    }

private:
    bool m_shown;
};

void printRefusal(const ImportRefused& refused)
{
    const auto& problems = refused.problems();
    std::cerr << fmt::format("error: the file was refused ({} problem{}):\n", problems.size(),
                             problems.size() == 1 ? "" : "s");
    for (const auto& problem : problems) {
        if (problem.line == 0)
            std::cerr << readableText(problem.message) << '\n';
        else if (problem.column.empty())
            std::cerr << fmt::format("line {}: {}\n", problem.line, readableText(problem.message));
        else
            std::cerr << fmt::format("line {}, column {}: {}\n", problem.line, problem.column,
                                     readableText(problem.message));
    }
    std::cerr << "Nothing was imported.\n";
}

} // namespace

void addImportCommand(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto options = std::make_shared<ImportOptions>();
    auto* command = app.add_subcommand(
        "import", "Import a shipment spreadsheet (CSV): all rows or none (finance)");
    command->add_option("file", options->file, "The CSV file")->required();
    command->add_flag("--dry-run", options->dryRun, "Check the file and report; write nothing");
    commands.on(command, [&session, options] {
        const auto& actor = session.signIn();
        std::optional<ImportSummary> summary;
        try {
            ProgressLine progress;
            summary = ShipmentImporter(session.open())
                          .importFile(actor, options->file, options->dryRun, progress.callback());
        } catch (const ImportRefused& refused) {
            printRefusal(refused);
            return 1;
        }
        printSummary(options->file, *summary, session.format());
        return 0;
    });
}

} // namespace asicledger
