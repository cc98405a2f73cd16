#include "UnitRegister.hpp"

#include "EntityRegistry.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"
#include "SiteRegistry.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

constexpr auto kSelect =
    R"(SELECT u.id, u.serial, u.manufacturer, u.model, u.hashrate_ghs, u.power_w,
    u.customs_value_tiyn, u.customs_currency, u.customs_value_minor, u.fx_rate,
    u.legal_owner_id, lo.name, u.beneficial_owner_id, bo.name, u.site_id, s.name, u.status,
    u.shipment_id, sh.declaration_no, sh.declaration_date, sh.route, sh.dispatch_date, sh.arrival_date,
    u.vat_rate_bp, u.exemption_start, u.exemption_term_years, u.vat_exempted_tiyn, u.released_on,
    EXISTS (SELECT 1 FROM exit_payment ep WHERE ep.unit_id = u.id AND ep.approved_by IS NULL)
FROM unit u
JOIN entity lo ON lo.id = u.legal_owner_id
LEFT JOIN entity bo ON bo.id = u.beneficial_owner_id
JOIN site s ON s.id = u.site_id
JOIN shipment sh ON sh.id = u.shipment_id)";

std::optional<Date> optionalDate(const SQLite::Column& column)
{
    if (column.isNull())
        return std::nullopt;
    return parseDate(column.getString());
}

UnitRecord readUnit(SQLite::Statement& q)
{
    UnitRecord unit;
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
    return unit;
}

} // namespace

std::optional<UnitRecord> UnitRegister::find(const Serial& serial)
{
    if (!m_find)
        m_find = std::make_shared<SQLite::Statement>(m_ledger.db(),
                                                     std::string(kSelect) + " WHERE u.serial = ?");
    auto& query = *m_find;
    // Reset after reading too, so a register kept between calls holds no read snapshot open.
    query.reset();
    query.bind(1, serial.text());
    std::optional<UnitRecord> unit;
    if (query.executeStep())
        unit = readUnit(query);
    query.reset();
    return unit;
}

UnitRecord UnitRegister::require(const Serial& serial)
{
    if (auto unit = find(serial))
        return *unit;
    throw NotFound(
        fmt::format("no unit with serial {} is in the ledger: check the serial ('asicledger "
                    "units' lists them)",
                    serial.text()));
}

UnitRegister::Query UnitRegister::buildWhere(const UnitFilter& filter)
{
    Query query;
    std::vector<std::string> conditions;
    if (filter.status) {
        conditions.push_back("u.status = ?");
        query.args.emplace_back(std::string(toText(*filter.status)));
    }
    if (filter.site) {
        conditions.push_back("u.site_id = ?");
        query.args.emplace_back(SiteRegistry(m_ledger).require(*filter.site).id);
    }
    if (filter.owner) {
        const auto owner = EntityRegistry(m_ledger).require(*filter.owner).id;
        conditions.push_back("(u.legal_owner_id = ? OR u.beneficial_owner_id = ?)");
        query.args.emplace_back(owner);
        query.args.emplace_back(owner);
    }
    if (filter.unlocksBefore) {
        conditions.push_back("u.unlock_date < ?");
        query.args.emplace_back(isoDate(*filter.unlocksBefore));
    }
    if (filter.unlocksAfter) {
        conditions.push_back("u.unlock_date > ?");
        query.args.emplace_back(isoDate(*filter.unlocksAfter));
    }
    if (filter.serialPrefix && !filter.serialPrefix->empty()) {
        // A range on the serial index; serials are stored upper-cased.
        const auto prefix = toUpperAscii(*filter.serialPrefix);
        conditions.push_back("u.serial >= ? AND u.serial < ?");
        query.args.emplace_back(prefix);
        query.args.emplace_back(prefix + "\xFF");
    }
    if (filter.neverInspected) {
        // In the query rather than tested unit by unit in C++, so a count reads no joined row and
        // a list skips the units seen before joining their names (inspection_sighting_by_serial).
        conditions.push_back("u.status <> 'exported' AND NOT EXISTS (SELECT 1 FROM "
                             "inspection_sighting x WHERE x.serial = u.serial)");
    }
    for (std::size_t i = 0; i < conditions.size(); ++i)
        query.where += (i == 0 ? " WHERE " : " AND ") + conditions[i];
    return query;
}

namespace {

int bindAll(SQLite::Statement& statement, const std::vector<SqlValue>& args)
{
    int index = 1;
    for (const auto& arg : args)
        bindValue(statement, index++, arg);
    return index;
}

} // namespace

void UnitRegister::forEach(const UnitFilter& filter, UnitOrder order,
                           const std::function<bool(const UnitRecord&)>& onUnit)
{
    const auto query = buildWhere(filter);
    const auto orderBy =
        order == UnitOrder::BySerial ? " ORDER BY u.serial" : " ORDER BY u.unlock_date, u.id";
    SQLite::Statement statement(m_ledger.db(), kSelect + query.where + orderBy);
    bindAll(statement, query.args);
    while (statement.executeStep()) {
        if (!onUnit(readUnit(statement)))
            break;
    }
}

std::vector<UnitRecord> UnitRegister::page(const UnitFilter& filter, std::size_t limit,
                                           const std::optional<std::string>& afterSerial)
{
    auto query = buildWhere(filter);
    if (afterSerial) {
        query.where += (query.where.empty() ? " WHERE " : " AND ") + std::string("u.serial > ?");
        query.args.emplace_back(*afterSerial);
    }
    query.args.emplace_back(static_cast<std::int64_t>(limit));
    SQLite::Statement statement(m_ledger.db(),
                                kSelect + query.where + " ORDER BY u.serial LIMIT ?");
    bindAll(statement, query.args);
    std::vector<UnitRecord> units;
    while (statement.executeStep())
        units.push_back(readUnit(statement));
    return units;
}

std::int64_t UnitRegister::count(const UnitFilter& filter)
{
    const auto query = buildWhere(filter);
    SQLite::Statement statement(m_ledger.db(), "SELECT count(*) FROM unit u" + query.where);
    bindAll(statement, query.args);
    statement.executeStep();
    return statement.getColumn(0).getInt64();
}

std::vector<UnitEvent> UnitRegister::history(std::int64_t unitId)
{
    SQLite::Statement query(
        m_ledger.db(), "SELECT e.id, e.event_date, e.kind, e.detail, e.journal_seq, j.user_name "
                       "FROM unit_event e JOIN journal j ON j.seq = e.journal_seq "
                       "WHERE e.unit_id = ? ORDER BY e.event_date, e.id");
    query.bind(1, unitId);
    std::vector<UnitEvent> events;
    while (query.executeStep()) {
        events.push_back({query.getColumn(0).getInt64(),
                          parseDate(query.getColumn(1).getString()).value_or(Date()),
                          query.getColumn(2).getString(), query.getColumn(3).getString(),
                          query.getColumn(4).getInt64(), query.getColumn(5).getString()});
    }
    return events;
}

} // namespace asicledger
