#include "UnitRegisterAsOf.hpp"

#include "ChangeSet.hpp"
#include "EntityRegistry.hpp"
#include "Ledger.hpp"
#include "SiteRegistry.hpp"

#include <SQLiteCpp/Statement.h>
#include <vector>

namespace asicledger {
namespace {

// The unit's own columns, with site, legal owner and status taken from its latest event on or
// before the day (`le`), falling back to the current row where that event does not say.
constexpr auto kColumns =
    R"(u.id, u.serial, u.manufacturer, u.model, u.hashrate_ghs, u.power_w,
    u.customs_value_tiyn, u.customs_currency, u.customs_value_minor, u.fx_rate,
    lo.id, lo.name, u.beneficial_owner_id, bo.name, s.id, s.name, coalesce(le.status, u.status),
    u.shipment_id, sh.declaration_no, sh.declaration_date, sh.route, sh.dispatch_date,
    sh.arrival_date, u.vat_rate_bp, u.exemption_start, u.exemption_term_years,
    u.vat_exempted_tiyn, u.released_on,
    EXISTS (SELECT 1 FROM exit_payment ep WHERE ep.unit_id = u.id AND ep.approved_by IS NULL
            AND ep.payment_date <= :day),
    le.site_id IS NULL OR le.legal_owner_id IS NULL OR le.status IS NULL)";

constexpr auto kFrom = R"(
FROM unit u
JOIN unit_event le ON le.id = (SELECT e.id FROM unit_event e
    WHERE e.unit_id = u.id AND e.event_date <= :day ORDER BY e.event_date DESC, e.id DESC LIMIT 1)
JOIN entity lo ON lo.id = coalesce(le.legal_owner_id, u.legal_owner_id)
LEFT JOIN entity bo ON bo.id = u.beneficial_owner_id
JOIN site s ON s.id = coalesce(le.site_id, u.site_id)
JOIN shipment sh ON sh.id = u.shipment_id
WHERE NOT EXISTS (SELECT 1 FROM unit_event x
    WHERE x.unit_id = u.id AND x.kind = 'exported' AND x.event_date < :day))";

// Units that can have been at the site on the day: some event put them there by then (the
// unit_event_by_site_unit index, which answers without reading event rows), or they are there now
// (events that do not say where).
constexpr auto kAtSite = R"(
  AND u.id IN (SELECT unit_id FROM unit_event WHERE site_id = :site AND event_date <= :day
               UNION ALL SELECT id FROM unit WHERE site_id = :site)
  AND s.id = :site)";

constexpr auto kOfEntity = R"(
  AND (lo.id = :entity OR u.beneficial_owner_id = :entity))";

std::optional<Date> optionalDate(const SQLite::Column& column)
{
    if (column.isNull())
        return std::nullopt;
    return parseDate(column.getString());
}

UnitAsOf readUnit(SQLite::Statement& q, Date day)
{
    UnitAsOf row;
    auto& unit = row.unit;
    unit.id = q.getColumn(0).getInt64();
    unit.serial = q.getColumn(1).getString();
    unit.manufacturer = q.getColumn(2).getString();
    unit.model = q.getColumn(3).getString();
    unit.hashrateGhs = q.getColumn(4).getInt64();
    unit.powerW = q.getColumn(5).getInt64();
    unit.customsValue = Tiyn(q.getColumn(6).getInt64());
    unit.customsCurrency = q.getColumn(7).getString();
    unit.customsValueMinor = q.getColumn(8).getInt64();
    if (!q.getColumn(9).isNull())
        unit.fxRate = q.getColumn(9).getString();
    unit.legalOwnerId = q.getColumn(10).getInt64();
    unit.legalOwner = q.getColumn(11).getString();
    if (!q.getColumn(12).isNull()) {
        unit.beneficialOwnerId = q.getColumn(12).getInt64();
        unit.beneficialOwner = q.getColumn(13).getString();
    }
    unit.siteId = q.getColumn(14).getInt64();
    unit.site = q.getColumn(15).getString();
    unit.status = parseUnitStatus(q.getColumn(16).getString()).value_or(UnitStatus::Running);
    unit.shipmentId = q.getColumn(17).getInt64();
    unit.declarationNo = q.getColumn(18).getString();
    unit.declarationDate = optionalDate(q.getColumn(19)).value_or(Date());
    unit.route = parseRoute(q.getColumn(20).getString()).value_or(Route::Air);
    unit.dispatchDate = optionalDate(q.getColumn(21)).value_or(Date());
    unit.arrivalDate = optionalDate(q.getColumn(22)).value_or(Date());
    unit.vatRateBp = q.getColumn(23).getInt();
    if (auto start = optionalDate(q.getColumn(24)))
        unit.lock = LockTerm(*start, q.getColumn(25).getInt());
    if (!q.getColumn(26).isNull())
        unit.vatExempted = Tiyn(q.getColumn(26).getInt64());
    unit.releasedOn = optionalDate(q.getColumn(27));
    unit.exitPending = q.getColumn(28).getInt() != 0;
    row.placementFromCurrentRow = q.getColumn(29).getInt() != 0;
    row.lockState = unit.lockStateOn(day);
    return row;
}

} // namespace

struct UnitRegisterAsOf::Query
{
    std::string sql;
    std::optional<std::int64_t> siteId;
    std::optional<std::int64_t> entityId;
};

UnitRegisterAsOf::Query UnitRegisterAsOf::buildQuery(const RegisterFilter& filter, bool counting)
{
    Query query;
    query.sql = counting ? std::string("SELECT count(*)") : std::string("SELECT ") + kColumns;
    query.sql += kFrom;
    if (filter.site) {
        query.siteId = SiteRegistry(m_ledger).require(*filter.site).id;
        query.sql += kAtSite;
    }
    if (filter.entity) {
        query.entityId = EntityRegistry(m_ledger).require(*filter.entity).id;
        query.sql += kOfEntity;
    }
    if (!counting)
        query.sql += " ORDER BY u.serial";
    return query;
}

void UnitRegisterAsOf::forEach(const RegisterFilter& filter,
                               const std::function<bool(const UnitAsOf&)>& onUnit)
{
    const auto query = buildQuery(filter, false);
    SQLite::Statement statement(m_ledger.db(), query.sql);
    statement.bind(":day", isoDate(m_day));
    if (query.siteId)
        statement.bind(":site", *query.siteId);
    if (query.entityId)
        statement.bind(":entity", *query.entityId);
    while (statement.executeStep()) {
        if (!onUnit(readUnit(statement, m_day)))
            break;
    }
}

std::int64_t UnitRegisterAsOf::count(const RegisterFilter& filter)
{
    const auto query = buildQuery(filter, true);
    SQLite::Statement statement(m_ledger.db(), query.sql);
    statement.bind(":day", isoDate(m_day));
    if (query.siteId)
        statement.bind(":site", *query.siteId);
    if (query.entityId)
        statement.bind(":entity", *query.entityId);
    statement.executeStep();
    return statement.getColumn(0).getInt64();
}

} // namespace asicledger
