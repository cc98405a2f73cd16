#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace asicledger::testing {

// What a shipment left in a ledger file, read with plain SQLite (not the Ledger class), the way
// someone checking the file after a crash would.
struct ShipmentTrace
{
    std::int64_t units = 0;
    std::int64_t customsValueTiyn = 0;
    std::optional<std::string> shipmentRow; // "date|route|dispatch|arrival|importer name"
    std::int64_t importEntries = 0; // journal entries of action "import", this one or others
};

// Reads a ledger file directly. Opening it runs SQLite's own recovery of a WAL left by a killed
// process, as any program opening it next would.
class LedgerInspection
{
public:
    explicit LedgerInspection(const std::filesystem::path& ledger) : m_file(ledger) {}

    // PRAGMA integrity_check's answer: "ok", or the problems it lists.
    std::string integrityCheck() const;
    ShipmentTrace shipment(const std::string& declarationNo, const std::string& serialPrefix) const;
    std::int64_t count(const std::string& sql) const;

    // The row a complete import of ShipmentFile leaves, in ShipmentTrace::shipmentRow's form.
    static std::string expectedShipmentRow();

private:
    std::filesystem::path m_file;
};

} // namespace asicledger::testing
