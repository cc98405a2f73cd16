#include "UnitPlacement.hpp"

#include "Ledger.hpp"

namespace asicledger {
namespace {

// The state event is the latest on or before the day, else (not yet arrived) the first one.
constexpr auto kPlacement = R"(
SELECT u.id,
    (SELECT min(event_date) FROM unit_event WHERE unit_id = u.id),
    (SELECT min(event_date) FROM unit_event
        WHERE unit_id = u.id AND kind = 'exported' AND event_date <= :day),
    coalesce(le.site_id, u.site_id), s.name,
    coalesce(le.legal_owner_id, u.legal_owner_id), o.name,
    coalesce(le.status, u.status),
    le.site_id IS NULL OR le.legal_owner_id IS NULL OR le.status IS NULL
FROM unit u
LEFT JOIN unit_event le ON le.id = coalesce(
    (SELECT id FROM unit_event WHERE unit_id = u.id AND event_date <= :day
        ORDER BY event_date DESC, id DESC LIMIT 1),
    (SELECT id FROM unit_event WHERE unit_id = u.id ORDER BY event_date, id LIMIT 1))
JOIN site s ON s.id = coalesce(le.site_id, u.site_id)
JOIN entity o ON o.id = coalesce(le.legal_owner_id, u.legal_owner_id)
WHERE u.id = :unit)";

} // namespace

UnitPlacement::UnitPlacement(Ledger& ledger) : m_ledger(ledger) {}
UnitPlacement::~UnitPlacement() = default;

std::optional<UnitPlacementOnDay> UnitPlacement::on(std::int64_t unitId, Date day)
{
    if (!m_query)
        m_query.emplace(m_ledger.db(), kPlacement);
    auto& query = *m_query;
    query.reset();
    query.bind(":day", isoDate(day));
    query.bind(":unit", unitId);
    if (!query.executeStep())
        return std::nullopt;
    UnitPlacementOnDay placement;
    placement.unitId = query.getColumn(0).getInt64();
    placement.day = day;
    if (!query.getColumn(1).isNull())
        placement.arrivedOn = parseDate(query.getColumn(1).getString());
    if (!query.getColumn(2).isNull())
        placement.exportedOn = parseDate(query.getColumn(2).getString());
    placement.siteId = query.getColumn(3).getInt64();
    placement.site = query.getColumn(4).getString();
    placement.legalOwnerId = query.getColumn(5).getInt64();
    placement.legalOwner = query.getColumn(6).getString();
    placement.status =
        parseUnitStatus(query.getColumn(7).getString()).value_or(UnitStatus::Running);
    placement.fromCurrentRow = query.getColumn(8).getInt() != 0;
    return placement;
}

} // namespace asicledger
