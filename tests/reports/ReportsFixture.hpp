#pragma once

#include "InspectionRecord.hpp"
#include "LedgerFixture.hpp"

#include <string>
#include <vector>

namespace asicledger::testing {

// One unit to import for the inspection and report tests: where it arrives, whose it is, when.
struct ArrivingUnit
{
    std::string serial;
    std::string site = "Ekibastuz-1";
    std::string owner = "Kazakh Hash LLP";
    std::string arrival = "2020-05-20"; // declaration and exemption start the same day
    bool exempt = true;
    std::string model = "Antminer S19 Pro";
};

// The shared cast plus helpers to import units through the real importer, record inspections as
// the auditor, and read generated files with the poppler tools a reader would use.
class ReportsFixture : public LedgerFixture
{
protected:
    // All units of one call arrive under one declaration per arrival day, site and owner.
    void arrive(const std::vector<ArrivingUnit>& units);
    InspectionRecord inspect(const std::string& site, const std::string& date,
                             const std::string& seen, const std::string& reference = "");

    std::int64_t rows(const std::string& table);
    static Date day(const std::string& iso);
    // Runs a shell command and returns what it printed; fails the test on a non-zero exit.
    static std::string run(const std::string& command);
    static std::string readFile(const std::string& path);

private:
    int m_declarations = 0;
    int m_references = 0;
};

} // namespace asicledger::testing
