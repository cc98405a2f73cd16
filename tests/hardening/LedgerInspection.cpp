#include "LedgerInspection.hpp"

#include "ShipmentFile.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger::testing {

std::string LedgerInspection::integrityCheck() const
{
    SQLite::Database db(m_file.string(), SQLite::OPEN_READWRITE, /*busyTimeoutMs=*/10'000);
    SQLite::Statement check(db, "PRAGMA integrity_check");
    std::string answer;
    while (check.executeStep())
        answer += (answer.empty() ? "" : "; ") + check.getColumn(0).getString();
    return answer;
}

ShipmentTrace LedgerInspection::shipment(const std::string& declarationNo,
                                         const std::string& serialPrefix) const
{
    SQLite::Database db(m_file.string(), SQLite::OPEN_READWRITE, /*busyTimeoutMs=*/10'000);
    ShipmentTrace trace;
    // Every unit whose serial carries the shipment's prefix, whichever shipment row it hangs on:
    // a half-written import would show here as a count between 0 and the file's.
    SQLite::Statement units(db, "SELECT count(*), coalesce(sum(customs_value_tiyn), 0) FROM unit "
                                "WHERE serial >= ? AND serial < ?");
    units.bind(1, serialPrefix);
    units.bind(2, serialPrefix + "~");
    units.executeStep();
    trace.units = units.getColumn(0).getInt64();
    trace.customsValueTiyn = units.getColumn(1).getInt64();

    SQLite::Statement row(db, "SELECT s.declaration_date, s.route, s.dispatch_date, "
                              "s.arrival_date, e.name FROM shipment s JOIN entity e ON "
                              "e.id = s.importer_id WHERE s.declaration_no = ?");
    row.bind(1, declarationNo);
    if (row.executeStep())
        trace.shipmentRow = fmt::format("{}|{}|{}|{}|{}", row.getColumn(0).getString(),
                                        row.getColumn(1).getString(), row.getColumn(2).getString(),
                                        row.getColumn(3).getString(), row.getColumn(4).getString());
    trace.importEntries =
        db.execAndGet("SELECT count(*) FROM journal WHERE action = 'import'").getInt64();
    return trace;
}

std::int64_t LedgerInspection::count(const std::string& sql) const
{
    SQLite::Database db(m_file.string(), SQLite::OPEN_READWRITE, /*busyTimeoutMs=*/10'000);
    return db.execAndGet(sql).getInt64();
}

std::string LedgerInspection::expectedShipmentRow()
{
    return fmt::format("{}|{}|{}|{}|Kazakh Hash LLP", ShipmentFile::kDeclarationDate,
                       ShipmentFile::kRoute, ShipmentFile::kDispatchDate,
                       ShipmentFile::kArrivalDate);
}

} // namespace asicledger::testing
