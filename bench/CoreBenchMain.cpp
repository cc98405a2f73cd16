// asicledger-bench: the core's figures of issue 7 on a generated ledger (asicledger-bench-ledger).
// Each measurement prints human lines and machine lines "FIGURE <name> <value>" that
// scripts/bench.sh collects; a measurement that cannot run exits non-zero.
//
//   asicledger-bench import     --ledger L --csv C   import C into a copy of L
//   asicledger-bench schedule   --ledger L           unlock schedule, 24 months by site
//   asicledger-bench refusal    --ledger L           refusing the sale of one locked unit
//   asicledger-bench inspection --ledger L --out D   inspection report of the biggest inspection
//   asicledger-bench verify     --ledger L [--hash-bytes F]  verify; F gets the bytes it hashes

#include "BenchSetup.hpp"
#include "Clock.hpp"
#include "InspectionReport.hpp"
#include "Journal.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "LedgerVerifier.hpp"
#include "ReportWriter.hpp"
#include "ShipmentImporter.hpp"
#include "UnitActions.hpp"
#include "UnitRegister.hpp"
#include "UnlockSchedule.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <unistd.h>

using namespace asicledger;
using namespace asicledger::bench;
namespace fs = std::filesystem;

namespace {

void figure(std::string_view name, double value)
{
    fmt::print("FIGURE {} {:.3f}\n", name, value);
    std::fflush(stdout);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::int64_t countOf(Ledger& ledger, const std::string& sql)
{
    SQLite::Statement query(ledger.db(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

int runImport(const fs::path& ledgerFile, const fs::path& csv)
{
    // The import writes: measure on a copy, so the cached ledger stays as generated.
    const auto copy = ledgerFile.parent_path() / "import-bench.ledger";
    for (const auto* suffix : {"", "-wal", "-shm"})
        fs::remove(copy.string() + suffix);
    const auto copyStarted = nowMs();
    fs::copy_file(ledgerFile, copy);
    // The copy's 1.7 GB (at a million units) is written back to disk first: left in the page
    // cache, its write-back ran during the timed import and made it vary from 6 s to 13 s.
    ::sync();
    fmt::print("copied the ledger in {:.0f} ms (not counted)\n", nowMs() - copyStarted);
    int status = 0;
    {
        FixedClock clock(benchToday());
        Ledger ledger(copy, clock);
        const auto finance = signIn(ledger, "finance");
        const auto before = countOf(ledger, "SELECT count(*) FROM unit");
        const auto started = nowMs();
        const auto summary = ShipmentImporter(ledger).importFile(finance, csv.string(), false);
        const auto ms = nowMs() - started;
        const auto after = countOf(ledger, "SELECT count(*) FROM unit");
        fmt::print("imported {} units ({} in the ledger before, {} after) in {:.0f} ms\n",
                   summary.units, before, after, ms);
        if (after - before != static_cast<std::int64_t>(summary.units) || summary.units == 0) {
            std::cerr << "the import did not add the file's units\n";
            status = 1;
        }
        figure("import_units", static_cast<double>(summary.units));
        figure("import_ms", ms);
    }
    for (const auto* suffix : {"", "-wal", "-shm"})
        fs::remove(copy.string() + suffix);
    return status;
}

int runSchedule(Ledger& ledger)
{
    const auto from = benchToday();
    const auto to = from + boost::gregorian::months(24) - boost::gregorian::days(1);
    UnlockSchedule schedule(ledger);
    std::vector<double> times;
    std::size_t rows = 0;
    std::int64_t units = 0;
    for (int run = 0; run < 11; ++run) {
        const auto started = nowMs();
        const auto result = schedule.rows(from, to, UnlockGrouping::MonthAndSite);
        times.push_back(nowMs() - started);
        rows = result.size();
        units = 0;
        for (const auto& row : result)
            units += row.units;
    }
    fmt::print("unlock schedule {} .. {} by site: {} rows, {} units; first run {:.2f} ms, median "
               "of the other 10 {:.2f} ms\n",
               isoDate(from), isoDate(to), rows, units, times.front(),
               median({times.begin() + 1, times.end()}));
    if (rows == 0) {
        std::cerr << "the unlock schedule is empty: nothing was measured\n";
        return 1;
    }
    figure("schedule_cold_ms", times.front());
    figure("schedule_ms", median({times.begin() + 1, times.end()}));
    return 0;
}

int runRefusal(Ledger& ledger)
{
    const auto finance = signIn(ledger, "finance");
    UnitFilter locked;
    locked.unlocksAfter = benchToday();
    locked.status = UnitStatus::Running;
    std::optional<UnitRecord> unit;
    UnitRegister(ledger).forEach(locked, UnitOrder::ByUnlockDate, [&](const UnitRecord& record) {
        if (record.isLockedOn(benchToday()) && !record.exitPending)
            unit = record;
        return !unit;
    });
    if (!unit) {
        std::cerr << "no locked unit to try to sell\n";
        return 1;
    }
    SQLite::Statement buyers(ledger.db(), "SELECT name FROM entity WHERE kind = 'domestic' AND "
                                          "id <> ? ORDER BY id LIMIT 1");
    buyers.bind(1, unit->legalOwnerId);
    buyers.executeStep();
    const auto buyer = buyers.getColumn(0).getString();

    Journal journal(ledger.db());
    const auto headBefore = journal.head();
    const auto eventsBefore = countOf(ledger, "SELECT count(*) FROM unit_event");
    UnitActions actions(ledger);
    constexpr int kCalls = 1000;
    std::string message;
    const auto started = nowMs();
    for (int call = 0; call < kCalls; ++call) {
        try {
            actions.sell(finance, {unit->serial}, buyer, benchToday());
            std::cerr << "the sale of locked unit " << unit->serial << " was accepted\n";
            return 1;
        } catch (const UnitActionRefused& refusal) {
            if (call == 0)
                message = refusal.what();
        }
    }
    const auto perCall = (nowMs() - started) / kCalls;
    const auto after = countOf(ledger, "SELECT count(*) FROM unit_event");
    const auto owner =
        countOf(ledger, fmt::format("SELECT legal_owner_id FROM unit WHERE id = {}", unit->id));
    if (journal.head().seq != headBefore.seq || journal.head().hash != headBefore.hash ||
        after != eventsBefore || owner != unit->legalOwnerId) {
        std::cerr << "refusing the sale changed the ledger\n";
        return 1;
    }
    fmt::print("refused the sale of {} to {} {} times: {:.3f} ms a call; the ledger is "
               "unchanged (journal head {}).\nThe refusal: {}\n",
               unit->serial, buyer, kCalls, perCall, headBefore.seq, message);
    figure("refusal_ms", perCall);
    return 0;
}

// CPU time of this process: on a machine shared with builds the wall time says little.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

int runInspection(Ledger& ledger, const fs::path& out)
{
    SQLite::Statement biggest(ledger.db(), "SELECT inspection_id, count(*) FROM "
                                           "inspection_sighting GROUP BY inspection_id "
                                           "ORDER BY 2 DESC LIMIT 1");
    if (!biggest.executeStep()) {
        std::cerr << "the ledger has no inspection\n";
        return 1;
    }
    const auto id = biggest.getColumn(0).getInt64();
    const auto sightings = biggest.getColumn(1).getInt64();
    fs::create_directories(out);
    for (const auto format : {ReportFormat::Csv, ReportFormat::Pdf}) {
        const auto file = out / fmt::format("inspection-{}.{}", id, toText(format));
        fs::remove(file);
        const auto started = nowMs();
        const auto cpuStarted = cpuMs();
        const auto document = InspectionReport::build(ledger, id, benchUser("auditor").name);
        ReportWriter::write(document, format, file);
        const auto ms = nowMs() - started;
        const auto cpu = cpuMs() - cpuStarted;
        const auto bytes = fs::file_size(file);
        fmt::print("inspection {} ({} sightings) as {}: {:.0f} ms ({:.0f} ms CPU), {} bytes\n", id,
                   sightings, toText(format), ms, cpu, bytes);
        if (bytes == 0)
            return 1;
        figure(format == ReportFormat::Csv ? "inspection_csv_ms" : "inspection_pdf_ms", ms);
    }
    figure("inspection_units", static_cast<double>(sightings));
    return 0;
}

// The bytes Journal::entryHash feeds SHA-256 for every entry, length prefixes included.
std::uint64_t writeHashedBytes(Ledger& ledger, const fs::path& file)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    SQLite::Statement query(ledger.db(), "SELECT seq, recorded_at, user_name, action, summary, "
                                         "reason, changes, prev_hash FROM journal ORDER BY seq");
    std::uint64_t total = 0;
    const auto feed = [&](std::string_view field) {
        char prefix[8];
        for (int i = 0; i < 8; ++i)
            prefix[i] = static_cast<char>(static_cast<std::uint64_t>(field.size()) >> (8 * i));
        out.write(prefix, 8);
        out.write(field.data(), static_cast<std::streamsize>(field.size()));
        total += 8 + field.size();
    };
    while (query.executeStep()) {
        feed(std::to_string(query.getColumn(0).getInt64()));
        for (int column = 1; column < 8; ++column)
            feed(query.getColumn(column).getString());
    }
    return total;
}

int runVerify(Ledger& ledger, const std::optional<fs::path>& hashBytes)
{
    const auto started = nowMs();
    const auto result = LedgerVerifier(ledger).verify();
    const auto ms = nowMs() - started;
    fmt::print("verify: {} in {:.0f} ms, {} journal entries, {} row images\n",
               result.ok ? "ok" : "FAILED", ms, result.entriesChecked, result.rowsChecked);
    if (!result.ok) {
        for (const auto& failure : result.failures)
            std::cerr << failure << "\n";
        return 1;
    }
    figure("verify_ms", ms);
    figure("verify_entries", static_cast<double>(result.entriesChecked));
    figure("verify_rows", static_cast<double>(result.rowsChecked));
    figure("verify_events",
           static_cast<double>(countOf(ledger, "SELECT count(*) FROM unit_event")));
    if (hashBytes) {
        const auto bytes = writeHashedBytes(ledger, *hashBytes);
        fmt::print("wrote the {} bytes verify hashes to {}\n", bytes, hashBytes->string());
        figure("verify_hashed_bytes", static_cast<double>(bytes));
    }
    return 0;
}

int usage()
{
    std::cerr << "usage: asicledger-bench import|schedule|refusal|inspection|verify --ledger FILE "
                 "[--csv FILE] [--out DIR] [--hash-bytes FILE]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage();
    const std::string what = argv[1];
    std::map<std::string, std::string> options;
    for (int i = 2; i + 1 < argc; i += 2)
        options[argv[i]] = argv[i + 1];
    if (!options.count("--ledger"))
        return usage();
    const fs::path ledgerFile = options["--ledger"];
    try {
        if (what == "import")
            return options.count("--csv") ? runImport(ledgerFile, options["--csv"]) : usage();
        FixedClock clock(benchToday());
        Ledger ledger(ledgerFile, clock);
        if (what == "schedule")
            return runSchedule(ledger);
        if (what == "refusal")
            return runRefusal(ledger);
        if (what == "inspection")
            return runInspection(ledger, options.count("--out") ? fs::path(options["--out"])
                                                                : fs::temp_directory_path());
        if (what == "verify")
            return runVerify(ledger, options.count("--hash-bytes")
                                         ? std::optional<fs::path>(options["--hash-bytes"])
                                         : std::nullopt);
        return usage();
    } catch (const std::exception& error) {
        std::cerr << "asicledger-bench " << what << ": " << error.what() << "\n";
        return 1;
    }
}
