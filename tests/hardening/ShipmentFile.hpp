#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace asicledger::testing {

// A shipment of `units` miners in the canonical import format, the same bytes for the same
// arguments on every machine (values drawn from a fixed-seed generator), for the LedgerFixture's
// cast: owner Kazakh Hash LLP, site Ekibastuz-1, every fifth unit hosted for Pacific Hash Pte Ltd,
// declared 2026-11-02 (exempt from 2026-11-03), by rail. Serials are `prefix` + a 7-digit number.
struct ShipmentFile
{
    std::string declarationNo;
    std::string serialPrefix;
    std::int64_t units = 0;
    std::int64_t customsValueTiyn = 0; // the sum over all units, as the importer stores it

    static constexpr const char* kDeclarationDate = "2026-11-02";
    static constexpr const char* kRoute = "rail";
    static constexpr const char* kDispatchDate = "2026-10-16";
    static constexpr const char* kArrivalDate = "2026-11-02";

    // The CSV text; fills customsValueTiyn.
    std::string csv(unsigned seed = 8);
    // Writes csv() to `file`.
    void write(const std::filesystem::path& file, unsigned seed = 8);
};

} // namespace asicledger::testing
