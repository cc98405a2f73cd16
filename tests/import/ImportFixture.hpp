#pragma once

#include "Journal.hpp"
#include "LedgerFixture.hpp"
#include "ShipmentImporter.hpp"
#include "UnitRecord.hpp"

#include <optional>
#include <string>
#include <vector>

namespace asicledger::testing {

// What must not move when an import is refused or only dry-run.
struct LedgerState
{
    std::int64_t units = 0;
    std::int64_t shipments = 0;
    std::int64_t events = 0;
    std::string head;
    bool operator==(const LedgerState&) const = default;
};

// LedgerFixture plus the questions import tests ask of the ledger.
class ImportFixture : public LedgerFixture
{
protected:
    ImportSummary import(const std::string& csv, bool dryRun = false);
    // Expects the file to be refused and the ledger left exactly as it was; returns the problems.
    std::vector<ImportProblem> refused(const std::string& csv);
    LedgerState state();
    std::optional<UnitRecord> unit(const std::string& serial);
    std::int64_t count(const std::string& sql);
};

// Passes when `problems` holds one on `line` for `column` whose message contains `text`.
::testing::AssertionResult hasProblem(const std::vector<ImportProblem>& problems, std::size_t line,
                                      const std::string& column, const std::string& text);

} // namespace asicledger::testing
