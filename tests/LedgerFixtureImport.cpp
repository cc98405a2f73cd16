#include "LedgerFixture.hpp"
#include "ShipmentImporter.hpp"

namespace asicledger::testing {

// Kept apart from LedgerFixture.cpp so tests that never import do not link the importer.
void LedgerFixture::importUnits(const std::string& csv)
{
    ShipmentImporter(*ledger).importCsv(finance, csv, /*dryRun=*/false);
}

} // namespace asicledger::testing
