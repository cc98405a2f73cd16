#pragma once

#include "LedgerFixture.hpp"
#include "Money.hpp"
#include "UnitRecord.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace asicledger {
// So a failed comparison of amounts reads "2080479 tiyn", not eight raw bytes.
inline void PrintTo(const Tiyn& amount, std::ostream* out)
{
    *out << amount.minor() << " tiyn";
}
} // namespace asicledger

namespace asicledger::testing {

// A unit as the action tests need it. Until the CSV importer lands, the fixture writes shipment,
// unit and "imported" history rows itself, through a journalled ChangeSet like any other write.
struct TestUnit
{
    std::string serial{};
    std::optional<std::string> exemptionStart = "2022-03-15"; // nothing: imported with VAT paid
    std::int64_t customsTiyn = 125'000'000;                   // 1 250 000.00 KZT
    int vatRateBp = 1200;
    std::string legalOwner = "Kazakh Hash LLP";
    std::string site = "Ekibastuz-1";
    std::optional<std::string> arrival =
        std::nullopt; // default: the exemption start, or 2020-01-10
};

class ActionsFixture : public LedgerFixture
{
protected:
    void addUnits(const std::vector<TestUnit>& units);
    void addUnit(const TestUnit& unit) { addUnits({unit}); }

    UnitRecord unit(const std::string& serial);
    std::int64_t journalEntries();
    std::int64_t unitEvents();
    static Date day(const std::string& iso);
};

} // namespace asicledger::testing
