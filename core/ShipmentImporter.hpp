#pragma once

#include "Actor.hpp"
#include "CalendarDate.hpp"
#include "LedgerError.hpp"
#include "Money.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// A bad cell or row of an import file: where, which column, what is wrong and what to do.
struct ImportProblem
{
    std::size_t line = 0; // physical line in the file (header is line 1)
    std::string column;   // canonical column name, or empty for the whole row/file
    std::string message;
};

// Accepted, but a person should look (a shipment far outside its route's typical transit time).
struct ImportWarning
{
    std::size_t line = 0;
    std::string message;
};

// How a header cell of the file was understood.
struct ColumnMatch
{
    std::string header;    // as written in the file
    std::string canonical; // canonical column name, or empty if ignored
};

struct ImportSummary
{
    bool dryRun = false;
    std::int64_t journalSeq = 0; // 0 for a dry run
    char separator = ',';
    std::vector<ColumnMatch> columns;
    std::size_t units = 0;
    std::size_t exemptUnits = 0;
    std::vector<std::string> declarations; // declaration numbers, in file order
    Tiyn customsValue;
    Tiyn vatExempted;
    std::optional<Date> earliestUnlock;
    std::optional<Date> latestUnlock;
    std::vector<ImportWarning> warnings;
};

// The whole file was refused; nothing was written. `problems` lists every bad row.
class ImportRefused : public InvalidInput
{
public:
    explicit ImportRefused(std::vector<ImportProblem> problems);
    const std::vector<ImportProblem>& problems() const { return m_problems; }

private:
    std::vector<ImportProblem> m_problems;
};

// Finance staff's main job: a spreadsheet of units (one row a unit, the shipment's fields repeated
// on each row) into the ledger, all or nothing. See issue 2 and domain.md "Imports".
class ShipmentImporter
{
public:
    // Called now and then with rows done and rows in all, while validating and while writing:
    // first over the rows read (their total estimated from the file's line count), then over
    // the units written. A Progress that throws stops the import, and nothing is written.
    using Progress = std::function<void(std::size_t done, std::size_t total)>;

    explicit ShipmentImporter(Ledger& ledger) : m_ledger(ledger) {}

    // Validates every row; with dryRun false, writes everything in one journalled transaction.
    // Throws ImportRefused listing every problem (and writes nothing) if any row is bad.
    ImportSummary importCsv(const Actor& actor, std::string_view bytes, bool dryRun,
                            const Progress& progress = {});
    ImportSummary importFile(const Actor& actor, const std::string& path, bool dryRun,
                             const Progress& progress = {});

    // The canonical header, in its documented order.
    static const std::vector<std::string>& canonicalColumns();

private:
    Ledger& m_ledger;
};

} // namespace asicledger
