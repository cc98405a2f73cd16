#pragma once

#include "Actor.hpp"
#include "Clock.hpp"
#include "Ledger.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace asicledger::testing {

// A fresh temporary file name that is removed (with its WAL files) when the object dies.
class TemporaryFile
{
public:
    explicit TemporaryFile(const std::string& suffix = ".ledger");
    ~TemporaryFile();
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// A new, initialised ledger per test with a fixed clock (2026-11-23), one user per role
// (`admin`, `finance`, `auditor`, `manager`, plus `manager2` and `finance2` for two-person rules),
// and a small cast: domestic entities "Kazakh Hash LLP" and "Altyn Mining LLP", overseas
// "Pacific Hash Pte Ltd" (SG) and "Harbour Digital Ltd" (HK); sites "Ekibastuz-1" (Pavlodar,
// Kazakh Hash) and "Karagandy-2" (Karagandy, Altyn Mining).
class LedgerFixture : public ::testing::Test
{
protected:
    LedgerFixture();
    void SetUp() override;
    void TearDown() override;

    // A CSV import file (header + rows) as finance staff would send, for tests: writes it.
    std::string writeFile(const std::string& name, const std::string& contents);
    // Imports a CSV text as `finance`; fails the test on refusal.
    void importUnits(const std::string& csv);
    // A standard import header line (canonical column names).
    static std::string importHeader();
    // One canonical import row; defaults give an exempt S19 Pro of Kazakh Hash at Ekibastuz-1.
    static std::string importRow(const std::string& serial,
                                 const std::string& exemptionStart = "2022-03-15",
                                 const std::string& declarationNo = "50109010/150322/0001234",
                                 const std::string& declarationDate = "2022-03-14",
                                 const std::string& customsValue = "1250000.00");

    FixedClock clock;
    TemporaryFile file;
    std::unique_ptr<Ledger> ledger;
    Actor admin, finance, finance2, auditor, manager, manager2;
};

} // namespace asicledger::testing
