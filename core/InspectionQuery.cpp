#include "InspectionQuery.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "SiteRegistry.hpp"
#include "UnitRegister.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

constexpr auto kSelect =
    R"(SELECT i.id, i.site_id, s.name, s.region, o.name, i.inspection_date, i.authority,
    i.inspectors, i.reference, i.recorded_by, i.journal_seq,
    (SELECT count(*) FROM inspection_sighting x WHERE x.inspection_id = i.id)
FROM inspection i
JOIN site s ON s.id = i.site_id
JOIN entity o ON o.id = s.operator_id)";

InspectionRecord readInspection(SQLite::Statement& q)
{
    InspectionRecord record;
    record.id = q.getColumn(0).getInt64();
    record.siteId = q.getColumn(1).getInt64();
    record.site = q.getColumn(2).getString();
    record.siteRegion = q.getColumn(3).getString();
    record.siteOperator = q.getColumn(4).getString();
    record.date = parseDate(q.getColumn(5).getString()).value_or(Date());
    record.authority = q.getColumn(6).getString();
    record.inspectors = q.getColumn(7).getString();
    record.reference = q.getColumn(8).getString();
    record.recordedBy = q.getColumn(9).getString();
    record.journalSeq = q.getColumn(10).getInt64();
    record.serialsSeen = q.getColumn(11).getInt64();
    return record;
}

Sighting readSighting(SQLite::Statement& q, int first)
{
    Sighting sighting;
    sighting.lineNo = static_cast<std::size_t>(q.getColumn(first).getInt64());
    sighting.serial = q.getColumn(first + 1).getString();
    if (!q.getColumn(first + 2).isNull())
        sighting.unitId = q.getColumn(first + 2).getInt64();
    sighting.finding = parseInspectionFinding(q.getColumn(first + 3).getString())
                           .value_or(InspectionFinding::Present);
    return sighting;
}

} // namespace

std::optional<InspectionRecord> InspectionQuery::find(std::int64_t id)
{
    SQLite::Statement query(m_ledger.db(), std::string(kSelect) + " WHERE i.id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return readInspection(query);
}

InspectionRecord InspectionQuery::require(std::int64_t id)
{
    if (auto record = find(id))
        return *record;
    throw NotFound(fmt::format("there is no inspection {}: 'asicledger inspection list' shows the "
                               "inspections recorded",
                               id));
}

std::vector<InspectionRecord> InspectionQuery::list(const std::optional<std::string>& site)
{
    std::vector<InspectionRecord> records;
    std::string sql = kSelect;
    std::optional<std::int64_t> siteId;
    if (site) {
        siteId = SiteRegistry(m_ledger).require(*site).id;
        sql += " WHERE i.site_id = ?";
    }
    SQLite::Statement query(m_ledger.db(), sql + " ORDER BY i.inspection_date DESC, i.id DESC");
    if (siteId)
        query.bind(1, *siteId);
    while (query.executeStep())
        records.push_back(readInspection(query));
    return records;
}

void InspectionQuery::forEachSighting(std::int64_t inspectionId,
                                      const std::function<bool(const Sighting&)>& onSighting)
{
    SQLite::Statement query(m_ledger.db(),
                            "SELECT line_no, serial, unit_id, finding FROM inspection_sighting "
                            "WHERE inspection_id = ? ORDER BY serial");
    query.bind(1, inspectionId);
    while (query.executeStep()) {
        if (!onSighting(readSighting(query, 0)))
            break;
    }
}

std::vector<SiteInspections> InspectionQuery::sites()
{
    // The newest inspection of each site comes straight off inspection_by_site.
    SQLite::Statement query(m_ledger.db(), R"(
SELECT s.id, s.name, o.name,
    (SELECT count(*) FROM inspection i WHERE i.site_id = s.id),
    (SELECT i.inspection_date FROM inspection i WHERE i.site_id = s.id
        ORDER BY i.inspection_date DESC, i.id DESC LIMIT 1),
    (SELECT i.id FROM inspection i WHERE i.site_id = s.id
        ORDER BY i.inspection_date DESC, i.id DESC LIMIT 1)
FROM site s JOIN entity o ON o.id = s.operator_id ORDER BY s.name)");
    std::vector<SiteInspections> sites;
    while (query.executeStep()) {
        SiteInspections site;
        site.siteId = query.getColumn(0).getInt64();
        site.site = query.getColumn(1).getString();
        site.siteOperator = query.getColumn(2).getString();
        site.inspections = query.getColumn(3).getInt64();
        if (!query.getColumn(4).isNull()) {
            site.lastInspected = parseDate(query.getColumn(4).getString());
            site.lastInspectionId = query.getColumn(5).getInt64();
        }
        sites.push_back(std::move(site));
    }
    return sites;
}

void InspectionQuery::forEachNeverInspected(const std::optional<std::string>& site,
                                            const std::function<bool(const UnitRecord&)>& onUnit)
{
    // By serial: a sighting recorded before the unit was imported names no unit id.
    UnitFilter filter;
    filter.site = site;
    filter.neverInspected = true;
    UnitRegister(m_ledger).forEach(filter, UnitOrder::BySerial, onUnit);
}

std::int64_t InspectionQuery::countNeverInspected(const std::optional<std::string>& site)
{
    UnitFilter filter;
    filter.site = site;
    filter.neverInspected = true;
    return UnitRegister(m_ledger).count(filter);
}

std::vector<UnitSighting> InspectionQuery::sightingsOf(const std::string& serial)
{
    // The sighting's own columns follow the inspection's (12 of them).
    std::string sql = kSelect;
    sql.replace(sql.find("\nFROM"), 0,
                ",\n    seen.line_no, seen.serial, seen.unit_id, seen.finding");
    SQLite::Statement query(m_ledger.db(),
                            sql + " JOIN inspection_sighting seen ON seen.inspection_id = i.id "
                                  "WHERE seen.serial = ? ORDER BY i.inspection_date, i.id");
    query.bind(1, serial);
    std::vector<UnitSighting> sightings;
    while (query.executeStep())
        sightings.push_back({readInspection(query), readSighting(query, 12)});
    return sightings;
}

} // namespace asicledger
