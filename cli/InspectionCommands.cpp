// inspection record, list, sites, show, never-inspected: what auditors bring back from a site.

#include "CommandSet.hpp"
#include "Discrepancies.hpp"
#include "ExitCode.hpp"
#include "InspectionDesk.hpp"
#include "InspectionQuery.hpp"
#include "PlainText.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct RecordOptions
{
    std::string site, date, authority, reference, seen;
    std::vector<std::string> inspectors;
};

struct ListOptions
{
    std::string site;
};

std::optional<std::string> given(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

Json inspectionJson(const InspectionRecord& inspection)
{
    return {{"id", inspection.id},
            {"date", isoDate(inspection.date)},
            {"site", inspection.site},
            {"operator", inspection.siteOperator},
            {"authority", inspection.authority},
            {"inspectors", inspection.inspectors},
            {"reference", inspection.reference},
            {"serials_seen", inspection.serialsSeen},
            {"recorded_by", inspection.recordedBy},
            {"journal_seq", inspection.journalSeq}};
}

const std::vector<OutputColumn>& inspectionColumns()
{
    static const std::vector<OutputColumn> columns{
        {"id", "Id", CellKind::Number},
        {"date", "Date"},
        {"site", "Site"},
        {"operator", "Operator", CellKind::Text, false},
        {"authority", "Authority"},
        {"inspectors", "Inspectors", CellKind::Text, false},
        {"reference", "Reference"},
        {"serials_seen", "Seen", CellKind::Number},
        {"recorded_by", "Recorded by"},
        {"journal_seq", "Journal entry", CellKind::Number, false}};
    return columns;
}

Json summaryJson(const DiscrepancySummary& summary)
{
    return {{"expected", summary.expected},          {"seen", summary.seen},
            {"confirmed", summary.confirmed},        {"missing", summary.missing},
            {"unexpected", summary.unexpected()},    {"unknown_serials", summary.unknownSerial},
            {"placed_elsewhere", summary.elsewhere}, {"not_in_kazakhstan", summary.notInKazakhstan},
            {"adverse_findings", summary.adverse}};
}

const std::vector<OutputColumn>& discrepancyColumns()
{
    static const std::vector<OutputColumn> columns{
        {"serial", "Serial"},
        {"outcome", "Outcome"},
        {"finding", "Finding"},
        {"line", "Line", CellKind::Number},
        {"model", "Model"},
        {"legal_owner", "Legal owner", CellKind::Text, false},
        {"site", "Site that day"},
        {"unlock_date", "Unlock date", CellKind::Text, false},
        {"note", "What the ledger says"}};
    return columns;
}

Json lineJson(const InspectionLine& line)
{
    return {{"serial", line.serial},
            {"outcome", std::string(describe(line.outcome))},
            {"finding", line.finding ? Json(std::string(toText(*line.finding))) : Json(nullptr)},
            {"line", line.lineNo ? Json(line.lineNo) : Json(nullptr)},
            {"model", line.unit ? Json(line.unit->model) : Json(nullptr)},
            {"legal_owner", line.unit ? Json(line.unit->legalOwner) : Json(nullptr)},
            {"site", line.unit ? Json(line.unit->site) : Json(nullptr)},
            {"unlock_date", line.unit && line.unit->lock
                                ? Json(isoDate(line.unit->lock->unlockDate()))
                                : Json(nullptr)},
            {"note", line.note}};
}

// Every line a person must look at: missing, unexpected, and seen with an adverse finding.
std::vector<InspectionLine> discrepancyLines(const DiscrepancyReport& report)
{
    auto lines = report.missing;
    lines.insert(lines.end(), report.unexpected.begin(), report.unexpected.end());
    for (const auto& line : report.adverse) {
        if (line.outcome == InspectionOutcome::Confirmed)
            lines.push_back(line);
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.serial < b.serial; });
    return lines;
}

int record(Session& session, const RecordOptions& options)
{
    const auto& actor = session.signIn();
    auto& ledger = session.open();
    NewInspection act;
    act.site = options.site;
    act.date = requireDate(options.date, "--date");
    act.authority = options.authority;
    act.inspectors = options.inspectors;
    act.reference = options.reference;
    InspectionRecord recorded;
    try {
        recorded = InspectionDesk(ledger).recordFile(actor, act, options.seen);
    } catch (const InspectionRefused& refused) {
        for (const auto& problem : refused.problems())
            std::cerr << "error: " << options.seen
                      << (problem.line ? fmt::format(":{}", problem.line) : "") << ": "
                      << readableText(problem.message) << '\n';
        std::cerr << fmt::format("error: the inspection was not recorded ({} problem{} in {}); "
                                 "nothing was written. Fix the file and record it again.\n",
                                 refused.problems().size(),
                                 refused.problems().size() == 1 ? "" : "s", options.seen);
        return exitcode::kRefused;
    }
    const auto summary = Discrepancies(ledger).compute(recorded).summary;
    if (session.format() == OutputFormat::Table) {
        std::cout << fmt::format(
            "Recorded inspection {} of {} on {} ({}, {}): {} serial{} seen.\n"
            "Against the ledger that day: {} expected, {} missing, {} unexpected, {} adverse "
            "finding{}.\nSee 'asicledger inspection show {}', or 'asicledger report inspection "
            "--id {} --format pdf -o FILE' for the report.\n",
            recorded.id, recorded.site, isoDate(recorded.date), recorded.authority,
            recorded.reference, recorded.serialsSeen, recorded.serialsSeen == 1 ? "" : "s",
            summary.expected, summary.missing, summary.unexpected(), summary.adverse,
            summary.adverse == 1 ? "" : "s", recorded.id, recorded.id);
        return exitcode::kSuccess;
    }
    auto json = inspectionJson(recorded);
    json["summary"] = summaryJson(summary);
    writeRecord(std::cout, session.format(), inspectionColumns(), json);
    return exitcode::kSuccess;
}

int show(Session& session, std::int64_t id)
{
    session.signIn();
    auto& ledger = session.open();
    const auto inspection = InspectionQuery(ledger).require(id);
    const auto report = Discrepancies(ledger).compute(inspection);
    const auto lines = discrepancyLines(report);
    const auto format = session.format();
    if (format == OutputFormat::Json) {
        auto json = inspectionJson(inspection);
        json["summary"] = summaryJson(report.summary);
        json["discrepancies"] = Json::array();
        for (const auto& line : lines)
            json["discrepancies"].push_back(lineJson(line));
        writeJson(std::cout, json);
        return exitcode::kSuccess;
    }
    if (format == OutputFormat::Table) {
        writeRecord(std::cout, format, inspectionColumns(), inspectionJson(inspection));
        const auto& s = report.summary;
        std::cout << fmt::format(
            "\nExpected at the site that day: {}; seen: {}; seen as expected: {}.\n"
            "Missing: {}. Unexpected: {} (unknown serials {}, placed at another site {}, not in "
            "Kazakhstan that day {}). Adverse findings: {}.\n\n",
            s.expected, s.seen, s.confirmed, s.missing, s.unexpected(), s.unknownSerial,
            s.elsewhere, s.notInKazakhstan, s.adverse);
        if (lines.empty()) {
            std::cout << "No discrepancies: every expected unit was seen, present.\n";
            return exitcode::kSuccess;
        }
    }
    // CSV is the discrepancy table alone, so a spreadsheet opens one table.
    RowWriter out(std::cout, format, discrepancyColumns());
    for (const auto& line : lines)
        out.add(lineJson(line));
    out.finish();
    return exitcode::kSuccess;
}

} // namespace

void addInspectionCommands(CLI::App& app, CommandSet& commands)
{
    auto* inspection = app.add_subcommand("inspection", "Regulatory inspections of sites");
    inspection->require_subcommand(1);
    auto& session = commands.session();

    auto recordOptions = std::make_shared<RecordOptions>();
    auto* add = inspection->add_subcommand(
        "record", "Record an inspection and the serials seen (auditor or admin)");
    add->add_option("--site", recordOptions->site, "The site inspected")->required();
    add->add_option("--date", recordOptions->date,
                    "Day of the inspection (YYYY-MM-DD or "
                    "DD.MM.YYYY)")
        ->required();
    add->add_option("--authority", recordOptions->authority, "The inspecting state body")
        ->required();
    add->add_option("--inspector", recordOptions->inspectors,
                    "An inspector's name as on the act (repeat for each)")
        ->required();
    add->add_option("--reference", recordOptions->reference, "Reference number of the act")
        ->required();
    add->add_option("--seen", recordOptions->seen,
                    "Serials seen: a scanner dump (one a line) or a CSV serial,finding")
        ->required();
    commands.on(add, [&session, recordOptions] { return record(session, *recordOptions); });

    auto listOptions = std::make_shared<ListOptions>();
    auto* list = inspection->add_subcommand("list", "Inspections recorded, newest first");
    list->add_option("--site", listOptions->site, "Only this site");
    commands.on(list, [&session, listOptions] {
        session.signIn();
        RowWriter out(std::cout, session.format(), inspectionColumns());
        for (const auto& recorded : InspectionQuery(session.open()).list(given(listOptions->site)))
            out.add(inspectionJson(recorded));
        out.finish();
        return exitcode::kSuccess;
    });

    auto* sites = inspection->add_subcommand("sites", "Every site and when it was last inspected");
    commands.on(sites, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"site", "Site"},
                       {"operator", "Operator"},
                       {"inspections", "Inspections", CellKind::Number},
                       {"last_inspected", "Last inspected"},
                       {"last_inspection_id", "Last inspection", CellKind::Number}});
        for (const auto& site : InspectionQuery(session.open()).sites())
            out.add({{"site", site.site},
                     {"operator", site.siteOperator},
                     {"inspections", site.inspections},
                     {"last_inspected",
                      site.lastInspected ? Json(isoDate(*site.lastInspected)) : Json("never")},
                     {"last_inspection_id",
                      site.lastInspectionId ? Json(*site.lastInspectionId) : Json(nullptr)}});
        out.finish();
        return exitcode::kSuccess;
    });

    auto id = std::make_shared<std::int64_t>(0);
    auto* showCommand =
        inspection->add_subcommand("show", "An inspection and its discrepancies with the ledger");
    showCommand->add_option("id", *id, "Inspection id ('inspection list' shows them)")->required();
    commands.on(showCommand, [&session, id] { return show(session, *id); });

    auto neverOptions = std::make_shared<ListOptions>();
    auto* never = inspection->add_subcommand("never-inspected",
                                             "Units in Kazakhstan that no inspection has seen");
    never->add_option("--site", neverOptions->site, "Only units at this site now");
    commands.on(never, [&session, neverOptions] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"serial", "Serial"},
                       {"model", "Model"},
                       {"site", "Site"},
                       {"legal_owner", "Legal owner"},
                       {"unlock_date", "Unlock date"}});
        InspectionQuery(session.open())
            .forEachNeverInspected(given(neverOptions->site), [&](const UnitRecord& unit) {
                out.add({{"serial", unit.serial},
                         {"model", unit.model},
                         {"site", unit.site},
                         {"legal_owner", unit.legalOwner},
                         {"unlock_date",
                          unit.lock ? Json(isoDate(unit.lock->unlockDate())) : Json(nullptr)}});
                return true;
            });
        out.finish();
        if (session.format() == OutputFormat::Table)
            std::cout << out.count() << (out.count() == 1 ? " unit" : " units")
                      << " never inspected.\n";
        return exitcode::kSuccess;
    });
}

} // namespace asicledger
