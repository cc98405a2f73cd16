#include "ShipmentImporter.hpp"

#include "AccessPolicy.hpp"
#include "ChangeSetBatch.hpp"
#include "CsvReader.hpp"
#include "ExactArithmetic.hpp"
#include "ImportColumns.hpp"
#include "ImportDeclarations.hpp"
#include "ImportRowReader.hpp"
#include "Ledger.hpp"
#include "ScopedPragma.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <exception>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

namespace asicledger {
namespace {

constexpr std::size_t kProgressEvery = 1024;
constexpr std::size_t kProblemsInMessage = 20;

std::string refusalText(const std::vector<ImportProblem>& problems)
{
    std::set<std::size_t> lines;
    for (const auto& problem : problems)
        lines.insert(problem.line);
    std::string text = fmt::format(
        "the file was not imported, nothing was written: {} problem{} on {} line{}. Fix them "
        "and import the whole file again.",
        problems.size(), problems.size() == 1 ? "" : "s", lines.size(),
        lines.size() == 1 ? "" : "s");
    for (std::size_t i = 0; i < problems.size() && i < kProblemsInMessage; ++i) {
        const auto& problem = problems[i];
        text += fmt::format("\n  line {}{}{}: {}", problem.line, problem.column.empty() ? "" : ", ",
                            problem.column, problem.message);
    }
    if (problems.size() > kProblemsInMessage)
        text += fmt::format("\n  ... and {} more", problems.size() - kProblemsInMessage);
    return text;
}

// "1 200": counts grouped as a clerk reads them.
std::string grouped(std::size_t count)
{
    return formatMinorUnits(static_cast<std::int64_t>(count), 0);
}

// What the five-year lock and the VAT of one unit come to.
struct UnitTerms
{
    std::optional<LockTerm> lock;
    std::int64_t vatExemptedTiyn = 0;
};

UnitTerms termsOf(const ImportedUnit& unit, const ImportDeclaration& declaration)
{
    UnitTerms terms;
    if (!unit.exemptionStart)
        return terms;
    terms.lock.emplace(*unit.exemptionStart, unit.termYears);
    terms.vatExemptedTiyn =
        roundHalfAwayFromZero(BigInt(unit.customsTiyn) * declaration.vatRateBp, BigInt(10'000));
    return terms;
}

// A larger page cache for the length of one import, the connection's own restored after. The
// units of a shipment land all over a large ledger's serial index: with SQLite's default 2 MB the
// same index pages are spilled to the WAL and read back again and again. The cache grows only as
// far as pages are touched (a 100,000-unit import into a million units: some 100 MB).
// Statement journals in memory too: a unit's INSERT fires the unlock tally's trigger (schema 005),
// so SQLite journals every page each row's statement touches, and past 64 KiB it writes them to
// a temporary file: 100,000 rows into a million-unit ledger spent 3 s more, most of it in write().
struct ImportCache
{
    explicit ImportCache(SQLite::Database& db)
        : pages(db, "cache_size", -262144),      // KiB: 256 MB at most
          statementJournals(db, "temp_store", 2) // MEMORY
    {}
    ScopedPragma pages;
    ScopedPragma statementJournals;
};

// One import from the first byte to the last row written. Validation and writing share the
// resolved rows, so the file is read once.
class ImportRun
{
public:
    ImportRun(Ledger& ledger, const ShipmentImporter::Progress& progress)
        : m_ledger(ledger), m_progress(progress)
    {}

    // Reads and checks the whole file; throws ImportRefused listing every problem.
    void validate(std::string_view bytes);
    ImportSummary summarise(bool dryRun) const;
    void write(ChangeSet& changes, const ImportSummary& summary);

private:
    void onRecord(CsvRecord&& record);
    void report(std::size_t done, std::size_t total) const
    {
        if (m_progress)
            m_progress(done, std::max(done, total));
    }
    [[noreturn]] void refuse();
    // A unit's lock dates as stored; kept while consecutive units share their exemption start,
    // as the units of a shipment usually do, so 100,000 rows do not format 300,000 dates.
    struct LockText
    {
        Date from;
        int years = 0;
        std::string start, lockEnd, unlockDate;
    };
    std::string eventDetail(const ImportedUnit& unit, const std::string& prefix,
                            const LockText* lock) const;

    Ledger& m_ledger;
    const ShipmentImporter::Progress& m_progress;
    std::vector<ImportProblem> m_problems;
    std::vector<ImportWarning> m_warnings;
    std::optional<ImportColumns> m_columns;
    std::unique_ptr<ImportRowReader> m_rows;
    std::unique_ptr<ImportDeclarations> m_declarations;
    std::vector<ImportedUnit> m_units;
    ImportedUnit m_unit;       // the row being read, reused
    ShipmentFields m_shipment; // its shipment fields, reused
    std::size_t m_rowCount = 0;
    std::size_t m_estimatedRows = 0;
    char m_separator = ',';
    std::exception_ptr m_failure; // an error raised inside the CSV library's callback
};

void ImportRun::validate(std::string_view bytes)
{
    const auto lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    m_estimatedRows = lines > 0 ? lines - 1 : 0;
    m_units.reserve(std::min<std::size_t>(m_estimatedRows + 1, 1'000'000));
    try {
        m_separator = CsvReader::read(bytes, [this](CsvRecord&& record) {
            // Nothing may be thrown through libcsv's C frames: keep it and rethrow below.
            try {
                onRecord(std::move(record));
            } catch (...) {
                m_failure = std::current_exception();
            }
        });
    } catch (const CsvError& error) {
        std::string message = error.what();
        const auto prefix = fmt::format("line {}: ", error.line());
        if (message.rfind(prefix, 0) == 0)
            message.erase(0, prefix.size());
        m_problems.push_back({error.line(), "", message});
    }
    if (m_failure)
        std::rethrow_exception(m_failure);

    if (!m_columns)
        m_problems.push_back({1, "",
                              "the file is empty: it needs a header row naming the columns "
                              "and one row per unit"});
    else if (m_problems.empty() && m_rowCount == 0)
        m_problems.push_back({1, "",
                              "the file has a header but no units: add one row per unit "
                              "below the header"});
    if (m_declarations)
        m_declarations->finish(m_warnings);
    if (!m_problems.empty())
        refuse();
    report(m_rowCount, m_rowCount);
}

void ImportRun::onRecord(CsvRecord&& record)
{
    if (m_failure)
        return;
    if (!m_columns) {
        m_columns = ImportColumns::match(record, m_problems, m_warnings);
        if (m_problems.empty()) {
            m_rows = std::make_unique<ImportRowReader>(m_ledger, *m_columns, m_problems,
                                                       m_estimatedRows);
            m_declarations =
                std::make_unique<ImportDeclarations>(m_ledger, *m_columns, *m_rows, m_problems);
        }
        return;
    }
    if (!m_rows)
        return; // the header is refused: its rows cannot be read
    ++m_rowCount;
    const bool good = m_rows->read(record, m_unit, m_shipment);
    if (!m_shipment.declarationNo.empty())
        m_unit.declaration = m_declarations->add(record.line, m_shipment);
    // Once the file is refused its rows need checking, not keeping.
    if (good && m_problems.empty())
        m_units.push_back(std::move(m_unit));
    if (m_rowCount % kProgressEvery == 0)
        report(m_rowCount, m_estimatedRows);
}

void ImportRun::refuse()
{
    std::stable_sort(
        m_problems.begin(), m_problems.end(),
        [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    throw ImportRefused(std::move(m_problems));
}

ImportSummary ImportRun::summarise(bool dryRun) const
{
    ImportSummary summary;
    summary.dryRun = dryRun;
    summary.separator = m_separator;
    summary.columns = m_columns->matches();
    summary.units = m_units.size();
    const auto& declarations = m_declarations->all();
    for (const auto& declaration : declarations)
        summary.declarations.push_back(declaration.number);
    for (const auto& unit : m_units) {
        summary.customsValue += Tiyn(unit.customsTiyn);
        const auto terms = termsOf(unit, declarations[unit.declaration]);
        if (!terms.lock)
            continue;
        ++summary.exemptUnits;
        summary.vatExempted += Tiyn(terms.vatExemptedTiyn);
        const auto unlock = terms.lock->unlockDate();
        if (!summary.earliestUnlock || unlock < *summary.earliestUnlock)
            summary.earliestUnlock = unlock;
        if (!summary.latestUnlock || unlock > *summary.latestUnlock)
            summary.latestUnlock = unlock;
    }
    summary.warnings = m_warnings;
    std::stable_sort(
        summary.warnings.begin(), summary.warnings.end(),
        [](const ImportWarning& a, const ImportWarning& b) { return a.line < b.line; });
    return summary;
}

std::string ImportRun::eventDetail(const ImportedUnit& unit, const std::string& prefix,
                                   const LockText* lock) const
{
    std::string detail = prefix;
    detail += "; legal owner ";
    detail += m_rows->entity(unit.legalOwnerId).name;
    if (unit.beneficialOwnerId) {
        detail += "; beneficial owner ";
        detail += m_rows->entity(unit.beneficialOwnerId).name;
    }
    detail += "; site ";
    detail += m_rows->siteName(unit.siteId);
    if (lock) {
        detail += "; exempt from ";
        detail += lock->start;
        detail += ", unlocks ";
        detail += lock->unlockDate;
    } else {
        detail += "; VAT paid at import, no lock";
    }
    return detail;
}

void ImportRun::write(ChangeSet& changes, const ImportSummary& summary)
{
    auto& declarations = m_declarations->all();
    for (auto& declaration : declarations) {
        if (declaration.shipmentId)
            continue;
        declaration.shipmentId = changes.insert(
            "shipment", {{"declaration_no", declaration.number},
                         {"declaration_date", isoDate(*declaration.declarationDate.value)},
                         {"route", std::string(toText(*declaration.route.value))},
                         {"dispatch_date", isoDate(*declaration.dispatchDate.value)},
                         {"arrival_date", isoDate(*declaration.arrivalDate.value)},
                         {"importer_id", *declaration.importerId.value}});
    }

    std::vector<std::string> arrivals;
    std::vector<std::string> detailPrefixes;
    for (const auto& declaration : declarations) {
        arrivals.push_back(isoDate(*declaration.arrivalDate.value));
        detailPrefixes.push_back(fmt::format("imported under declaration {} by {}",
                                             declaration.number, toText(*declaration.route.value)));
    }
    const auto optional = [](bool present, auto value) {
        return present ? SqlValue(std::move(value)) : SqlValue(nullptr);
    };
    // Every unit, then every unit's event: two batches, so the journal holds two long runs of
    // grouped images instead of one image per row. Progress counts both halves.
    const auto total = m_units.size();
    std::size_t rowsWritten = 0;
    const auto wrote = [&] {
        if (++rowsWritten % kProgressEvery == 0)
            report(rowsWritten / 2, total);
    };

    std::vector<std::int64_t> unitIds;
    unitIds.reserve(total);
    {
        ChangeSetBatch units(changes, "unit",
                             {"serial",
                              "shipment_id",
                              "manufacturer",
                              "model",
                              "hashrate_ghs",
                              "power_w",
                              "customs_value_tiyn",
                              "customs_currency",
                              "customs_value_minor",
                              "fx_rate",
                              "legal_owner_id",
                              "beneficial_owner_id",
                              "site_id",
                              "status",
                              "vat_rate_bp",
                              "exemption_start",
                              "exemption_term_years",
                              "lock_end",
                              "unlock_date",
                              "vat_exempted_tiyn",
                              "released_on"});
        std::vector<SqlValue> row(21);
        row[13] = std::string(toText(UnitStatus::Running));
        row[20] = nullptr;
        LockText lock;
        for (const auto& unit : m_units) {
            const auto& declaration = declarations[unit.declaration];
            const auto terms = termsOf(unit, declaration);
            const bool exempt = terms.lock.has_value();
            if (exempt && (lock.years != unit.termYears || lock.from != terms.lock->start())) {
                lock = {terms.lock->start(), unit.termYears, isoDate(terms.lock->start()),
                        isoDate(terms.lock->lockEnd()), isoDate(terms.lock->unlockDate())};
            }
            row[0] = unit.serial;
            row[1] = *declaration.shipmentId;
            row[2] = *unit.manufacturer;
            row[3] = *unit.model;
            row[4] = unit.hashrateGhs;
            row[5] = unit.powerW;
            row[6] = unit.customsTiyn;
            row[7] = unit.currency;
            row[8] = unit.customsMinor;
            row[9] = optional(!unit.fxRate.empty(), unit.fxRate);
            row[10] = unit.legalOwnerId;
            row[11] = optional(unit.beneficialOwnerId != 0, unit.beneficialOwnerId);
            row[12] = unit.siteId;
            row[14] = std::int64_t{declaration.vatRateBp};
            row[15] = optional(exempt, lock.start);
            row[16] = optional(exempt, std::int64_t{unit.termYears});
            row[17] = optional(exempt, lock.lockEnd);
            row[18] = optional(exempt, lock.unlockDate);
            row[19] = optional(exempt, terms.vatExemptedTiyn);
            unitIds.push_back(units.insert(row));
            wrote();
        }
    }
    {
        ChangeSetBatch events(changes, "unit_event",
                              {"unit_id", "event_date", "kind", "detail", "journal_seq",
                               // Where the unit stands after its import: inspections and the
                               // register as of a date read placement from the events.
                               "site_id", "legal_owner_id", "status"});
        std::vector<SqlValue> row(8);
        row[2] = std::string("imported");
        row[4] = changes.journalSeq();
        row[7] = std::string(toText(UnitStatus::Running));
        LockText lock;
        for (std::size_t i = 0; i < total; ++i) {
            const auto& unit = m_units[i];
            const bool exempt = unit.exemptionStart.has_value();
            if (exempt && (lock.years != unit.termYears || lock.from != *unit.exemptionStart)) {
                const LockTerm term(*unit.exemptionStart, unit.termYears);
                lock = {term.start(), unit.termYears, isoDate(term.start()),
                        isoDate(term.lockEnd()), isoDate(term.unlockDate())};
            }
            row[0] = unitIds[i];
            row[1] = arrivals[unit.declaration];
            row[3] = eventDetail(unit, detailPrefixes[unit.declaration], exempt ? &lock : nullptr);
            row[5] = unit.siteId;
            row[6] = unit.legalOwnerId;
            events.insert(row);
            wrote();
        }
    }
    report(total, total);

    std::vector<std::string_view> shown;
    for (std::size_t i = 0; i < summary.declarations.size() && i < 3; ++i)
        shown.push_back(summary.declarations[i]);
    std::string sentence =
        fmt::format("imported {} unit{} under {} declaration{} ({}{})", grouped(summary.units),
                    summary.units == 1 ? "" : "s", grouped(summary.declarations.size()),
                    summary.declarations.size() == 1 ? "" : "s", fmt::join(shown, ", "),
                    summary.declarations.size() > shown.size()
                        ? fmt::format(" and {} more", summary.declarations.size() - shown.size())
                        : "");
    if (summary.exemptUnits > 0) {
        const auto first = isoDate(*summary.earliestUnlock);
        const auto last = isoDate(*summary.latestUnlock);
        sentence += fmt::format(": {} VAT-exempt (VAT exempted {} KZT, unlocking {})",
                                grouped(summary.exemptUnits), formatTenge(summary.vatExempted),
                                first == last ? "on " + first : first + " to " + last);
    }
    if (summary.exemptUnits < summary.units)
        sentence += fmt::format("{} {} with VAT paid", summary.exemptUnits > 0 ? "," : ":",
                                grouped(summary.units - summary.exemptUnits));
    sentence += fmt::format("; customs value {} KZT", formatTenge(summary.customsValue));
    changes.setSummary(std::move(sentence));
}

} // namespace

ImportRefused::ImportRefused(std::vector<ImportProblem> problems)
    : InvalidInput(refusalText(problems)), m_problems(std::move(problems))
{}

const std::vector<std::string>& ShipmentImporter::canonicalColumns()
{
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < kCanonicalColumnCount; ++i)
            names.emplace_back(ImportColumns::name(static_cast<ImportColumn>(i)));
        return names;
    }();
    return columns;
}

ImportSummary ShipmentImporter::importCsv(const Actor& actor, std::string_view bytes, bool dryRun,
                                          const Progress& progress)
{
    constexpr std::string_view kWhat = "importing units";
    // A clerk without the right learns it before waiting for a large file to be checked.
    if (!dryRun)
        AccessPolicy::require(actor, Permission::RecordFinance, kWhat);
    ImportRun run(m_ledger, progress);
    ImportCache cache(m_ledger.db());
    if (dryRun) {
        // One read transaction: a consistent view of the ledger, and one lock for the whole
        // check instead of one per serial looked up. Rolled back: a dry run writes nothing.
        SQLite::Transaction snapshot(m_ledger.db(), SQLite::TransactionBehavior::DEFERRED);
        run.validate(bytes);
        return run.summarise(true);
    }
    // Checked inside the write's transaction, so no other writer can slip in a serial or a
    // declaration between the check and the insert.
    return m_ledger.write(actor, Permission::RecordFinance, kWhat, "import",
                          [&](ChangeSet& changes) {
                              run.validate(bytes);
                              auto summary = run.summarise(false);
                              run.write(changes, summary);
                              summary.journalSeq = changes.journalSeq();
                              return summary;
                          });
}

ImportSummary ShipmentImporter::importFile(const Actor& actor, const std::string& path, bool dryRun,
                                           const Progress& progress)
{
    const auto bytes = CsvReader::loadFile(path);
    return importCsv(actor, bytes, dryRun, progress);
}

} // namespace asicledger
