// report inspection|register|unlocks|liability|reconcile|unit: what auditors and managers hand
// over, as PDF, HTML or CSV files.

#include "CommandSet.hpp"
#include "CryptoReconciliationReport.hpp"
#include "ExitCode.hpp"
#include "InspectionReport.hpp"
#include "LedgerError.hpp"
#include "PdfRenderer.hpp"
#include "PlainText.hpp"
#include "RegisterReport.hpp"
#include "ReportStamp.hpp"
#include "ReportWriter.hpp"
#include "ScheduleReports.hpp"
#include "Session.hpp"
#include "UnitHistoryReport.hpp"

#include <fmt/format.h>
#include <iostream>
#include <sys/stat.h>

namespace asicledger {
namespace {

// The options every report takes: where it goes and in what format.
struct FileOptions
{
    std::string format; // pdf, html or csv; else from the file's extension, else pdf
    std::string output;
};

struct ReportOptions
{
    FileOptions file;
    std::int64_t inspectionId = 0;
    std::string entity, site, asOf, serial, from, to;
    int months = 24;
    std::string by;
};

ReportFormat formatOf(const FileOptions& options)
{
    if (!options.format.empty()) {
        if (const auto format = parseReportFormat(options.format))
            return *format;
        throw InvalidInput(
            fmt::format("'{}' is not a report format: use pdf, html or csv", options.format));
    }
    const auto extension = std::filesystem::path(options.output).extension().string();
    return parseReportFormat(extension.empty() ? "pdf" : extension.substr(1))
        .value_or(ReportFormat::Pdf);
}

std::optional<std::string> given(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<Date> givenDate(const std::string& text, std::string_view what)
{
    return text.empty() ? std::nullopt : std::optional<Date>(requireDate(text, what));
}

// `-o /dev/stdout` (or a file the shell sent stdout to): the confirmation must not land inside
// the report, so it goes to stderr.
bool isStandardOutput(const std::string& path)
{
    struct stat target
    {};
    struct stat out
    {};
    return ::stat(path.c_str(), &target) == 0 && ::fstat(1, &out) == 0 &&
           target.st_dev == out.st_dev && target.st_ino == out.st_ino;
}

// Signs in, builds the report from one consistent reading of the ledger and writes the file.
template <class Build> int writeReport(Session& session, const FileOptions& file, Build&& build)
{
    const auto& actor = session.signIn();
    auto& ledger = session.open();
    const auto format = formatOf(file);
    ReportSnapshot snapshot(ledger);
    const ReportDocument document = build(ledger, actor.name);
    ReportWriter::write(document, format, file.output);
    std::string pages;
    if (format == ReportFormat::Pdf) {
        const int count = PdfRenderer::pageCount(document);
        pages = fmt::format(", {} page{}", count, count == 1 ? "" : "s");
    }
    std::cout.flush();
    (isStandardOutput(file.output) ? std::cerr : std::cout)
        << fmt::format("Wrote {} ({}{}) to {}.\nJournal fingerprint: {}\n", document.title,
                       toUpperAscii(toText(format)), pages, file.output, document.fingerprint);
    return exitcode::kSuccess;
}

CLI::App* reportCommand(CLI::App* report, const std::string& name, const std::string& what,
                        FileOptions& file)
{
    auto* command = report->add_subcommand(name, what);
    // Declared here, so `--format pdf` belongs to the report, not to the program's --format.
    command
        ->add_option("--format", file.format,
                     "pdf, html or csv (default: from the file name, else pdf)")
        ->check(CLI::IsMember({"pdf", "html", "csv"}, CLI::ignore_case));
    command->add_option("-o,--output", file.output, "The file to write")->required();
    return command;
}

} // namespace

void addReportCommands(CLI::App& app, CommandSet& commands)
{
    auto* report = app.add_subcommand("report", "Write a report to a PDF, HTML or CSV file");
    report->require_subcommand(1);
    auto& session = commands.session();

    auto inspection = std::make_shared<ReportOptions>();
    auto* inspectionCommand = reportCommand(
        report, "inspection", "An inspection: every unit, the discrepancies, signature lines",
        inspection->file);
    inspectionCommand->add_option("--id", inspection->inspectionId, "Inspection id")->required();
    commands.on(inspectionCommand, [&session, inspection] {
        return writeReport(session, inspection->file, [&](Ledger& ledger, const std::string& by) {
            return InspectionReport::build(ledger, inspection->inspectionId, by);
        });
    });

    auto registerOptions = std::make_shared<ReportOptions>();
    auto* registerCommand =
        reportCommand(report, "register", "The unit register as of a date", registerOptions->file);
    registerCommand->add_option("--entity", registerOptions->entity,
                                "Only units this entity owns (legally or beneficially)");
    registerCommand->add_option("--site", registerOptions->site, "Only units at this site");
    registerCommand->add_option("--as-of", registerOptions->asOf, "The day (default: today)");
    commands.on(registerCommand, [&session, registerOptions] {
        return writeReport(session, registerOptions->file,
                           [&](Ledger& ledger, const std::string& by) {
                               RegisterReportOptions options;
                               options.entity = given(registerOptions->entity);
                               options.site = given(registerOptions->site);
                               options.asOf = givenDate(registerOptions->asOf, "--as-of");
                               return RegisterReport::build(ledger, options, by);
                           });
    });

    auto unlocks = std::make_shared<ReportOptions>();
    auto* unlocksCommand = reportCommand(
        report, "unlocks", "Units and customs value unlocking per month", unlocks->file);
    unlocksCommand->add_option("--months", unlocks->months, "Months ahead (default 24)")
        ->check(CLI::Range(1, 120));
    unlocksCommand->add_option("--by", unlocks->by, "Split each month by site or owner")
        ->check(CLI::IsMember({"site", "owner"}));
    commands.on(unlocksCommand, [&session, unlocks] {
        return writeReport(session, unlocks->file, [&](Ledger& ledger, const std::string& by) {
            UnlocksReportOptions options;
            options.months = unlocks->months;
            options.by = unlocks->by == "site"    ? UnlockReportGrouping::Site
                         : unlocks->by == "owner" ? UnlockReportGrouping::Owner
                                                  : UnlockReportGrouping::Month;
            return ScheduleReports::unlocks(ledger, options, by);
        });
    });

    auto liability = std::make_shared<ReportOptions>();
    auto* liabilityCommand = reportCommand(
        report, "liability", "What exiting every locked unit would cost on a day", liability->file);
    liabilityCommand->add_option("--as-of", liability->asOf, "The day (default: today)");
    liabilityCommand->add_option("--by", liability->by, "entity (default) or site")
        ->check(CLI::IsMember({"entity", "site"}));
    commands.on(liabilityCommand, [&session, liability] {
        return writeReport(session, liability->file, [&](Ledger& ledger, const std::string& by) {
            LiabilityReportOptions options;
            options.asOf = givenDate(liability->asOf, "--as-of");
            options.by = liability->by == "site" ? LiabilityReportGrouping::Site
                                                 : LiabilityReportGrouping::Entity;
            return ScheduleReports::liability(ledger, options, by);
        });
    });

    auto reconcile = std::make_shared<ReportOptions>();
    auto* reconcileCommand = reportCommand(
        report, "reconcile", "The crypto-to-fiat reconciliation for a period", reconcile->file);
    reconcileCommand->add_option("--from", reconcile->from, "First day (default: the start)");
    reconcileCommand->add_option("--to", reconcile->to, "Last day (default: today)");
    reconcileCommand->add_option("--entity", reconcile->entity, "Only this entity's lines");
    commands.on(reconcileCommand, [&session, reconcile] {
        return writeReport(session, reconcile->file, [&](Ledger& ledger, const std::string& by) {
            CryptoReconciliationReportOptions options;
            options.from = givenDate(reconcile->from, "--from");
            options.to = givenDate(reconcile->to, "--to");
            options.entity = given(reconcile->entity);
            return CryptoReconciliationReport::build(ledger, options, by);
        });
    });

    auto unit = std::make_shared<ReportOptions>();
    auto* unitCommand = reportCommand(
        report, "unit", "One unit's whole history, for an inspector's question", unit->file);
    unitCommand->add_option("--serial", unit->serial, "The unit's serial")->required();
    commands.on(unitCommand, [&session, unit] {
        return writeReport(session, unit->file, [&](Ledger& ledger, const std::string& by) {
            return UnitHistoryReport::build(ledger, unit->serial, by);
        });
    });
}

} // namespace asicledger
