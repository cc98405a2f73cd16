// The shipment import's reading of a file: header mapping (ImportColumns), every row's cells
// (ImportRowReader) and the shipments they add up to (ImportDeclarations), against a small
// in-memory ledger that is only read, as ShipmentImporter drives them.
#include "CsvReader.hpp"
#include "FuzzInput.hpp"
#include "FuzzLedger.hpp"
#include "ImportColumns.hpp"
#include "ImportDeclarations.hpp"
#include "ImportRowReader.hpp"
#include "Serial.hpp"

#include <exception>
#include <memory>
#include <optional>

using namespace asicledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto& ledger = fuzz::FuzzLedger::instance().ledger();
    std::vector<ImportProblem> problems;
    std::vector<ImportWarning> warnings;
    std::optional<ImportColumns> columns;
    std::unique_ptr<ImportRowReader> rows;
    std::unique_ptr<ImportDeclarations> declarations;
    std::exception_ptr failure;
    ImportedUnit unit;
    ShipmentFields shipment;

    const auto onRecord = [&](CsvRecord&& record) {
        if (!columns) {
            columns = ImportColumns::match(record, problems, warnings);
            fuzz::require(problems.empty() || problems.front().line == record.line,
                          "a header problem names another line");
            if (problems.empty()) {
                rows = std::make_unique<ImportRowReader>(ledger, *columns, problems);
                declarations =
                    std::make_unique<ImportDeclarations>(ledger, *columns, *rows, problems);
            }
            return;
        }
        if (!rows)
            return;
        const auto before = problems.size();
        const bool good = rows->read(record, unit, shipment);
        fuzz::require(good == (problems.size() == before), "read() and its problems disagree");
        if (good) {
            const auto serial = Serial::tryParse(unit.serial);
            fuzz::require(serial && serial->text() == unit.serial, "serial not in normal form");
            fuzz::require(unit.hashrateGhs >= 0 && unit.powerW >= 0 && unit.customsTiyn >= 0,
                          "a negative quantity was taken");
        }
        if (!shipment.declarationNo.empty())
            unit.declaration = declarations->add(record.line, shipment);
    };
    try {
        CsvReader::read(fuzz::bytesOf(data, size), [&](CsvRecord&& record) {
            // Nothing may be thrown through libcsv's C frames (as in ShipmentImporter).
            if (failure)
                return;
            try {
                onRecord(std::move(record));
            } catch (...) {
                failure = std::current_exception();
            }
        });
        if (failure)
            std::rethrow_exception(failure);
        if (declarations)
            declarations->finish(warnings);
    } catch (const InvalidInput&) {
    }
    for (const auto& problem : problems)
        fuzz::require(problem.line >= 1 && !problem.message.empty(),
                      "problem without a line or a message");
    return 0;
}
