#include "Discrepancies.hpp"

#include "Ledger.hpp"
#include "Serial.hpp"
#include "UnitPlacement.hpp"
#include "UnitRegister.hpp"
#include "UnitRegisterAsOf.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

// The serials seen, in serial order, read one at a time beside the register.
class SightingCursor
{
public:
    SightingCursor(SQLite::Database& db, std::int64_t inspectionId)
        : m_query(db, "SELECT line_no, serial, finding FROM inspection_sighting "
                      "WHERE inspection_id = ? ORDER BY serial")
    {
        m_query.bind(1, inspectionId);
        advance();
    }
    bool valid() const { return m_valid; }
    const Sighting& current() const { return m_current; }
    void advance()
    {
        m_valid = m_query.executeStep();
        if (!m_valid)
            return;
        m_current.lineNo = static_cast<std::size_t>(m_query.getColumn(0).getInt64());
        m_current.serial = m_query.getColumn(1).getString();
        m_current.finding = parseInspectionFinding(m_query.getColumn(2).getString())
                                .value_or(InspectionFinding::Present);
    }

private:
    SQLite::Statement m_query;
    Sighting m_current;
    bool m_valid = false;
};

} // namespace

std::string_view describe(InspectionOutcome outcome)
{
    switch (outcome) {
    case InspectionOutcome::Confirmed:
        return "seen as expected";
    case InspectionOutcome::Missing:
        return "missing";
    case InspectionOutcome::UnknownSerial:
        return "unexpected: unknown serial";
    case InspectionOutcome::Elsewhere:
        return "unexpected: placed elsewhere";
    case InspectionOutcome::NotInKazakhstan:
        return "unexpected: not in Kazakhstan then";
    }
    return "unknown";
}

void Discrepancies::forEachLine(const InspectionRecord& inspection,
                                const std::function<void(const InspectionLine&)>& onLine)
{
    UnitRegister units(m_ledger);
    UnitPlacement placement(m_ledger);
    SightingCursor seen(m_ledger.db(), inspection.id);
    const auto day = inspection.date;

    const auto emitUnexpected = [&](const Sighting& sighting) {
        InspectionLine line;
        line.serial = sighting.serial;
        line.finding = sighting.finding;
        line.lineNo = sighting.lineNo;
        line.unit = units.find(Serial(sighting.serial));
        if (!line.unit) {
            line.outcome = InspectionOutcome::UnknownSerial;
            line.note = "no unit with this serial is in the ledger";
        } else if (const auto where = placement.on(line.unit->id, day)) {
            line.unit->siteId = where->siteId;
            line.unit->site = where->site;
            line.unit->legalOwnerId = where->legalOwnerId;
            line.unit->legalOwner = where->legalOwner;
            line.unit->status = where->status;
            if (!where->arrivedBy()) {
                line.outcome = InspectionOutcome::NotInKazakhstan;
                line.note = where->arrivedOn
                                ? fmt::format("not yet imported on {}: arrived {} for {}",
                                              isoDate(day), isoDate(*where->arrivedOn), where->site)
                                : "the ledger holds no history for this unit";
            } else if (!where->inKazakhstan()) {
                line.outcome = InspectionOutcome::NotInKazakhstan;
                line.note =
                    fmt::format("exported on {} from {}", isoDate(*where->exportedOn), where->site);
            } else {
                line.outcome = InspectionOutcome::Elsewhere;
                line.note = fmt::format("the ledger places it at {} ({}) on {}", where->site,
                                        where->legalOwner, isoDate(day));
            }
        }
        onLine(line);
    };

    RegisterFilter atSite;
    atSite.site = inspection.site;
    UnitRegisterAsOf(m_ledger, day).forEach(atSite, [&](const UnitAsOf& expected) {
        while (seen.valid() && seen.current().serial < expected.unit.serial) {
            emitUnexpected(seen.current());
            seen.advance();
        }
        InspectionLine line;
        line.serial = expected.unit.serial;
        line.unit = expected.unit;
        if (seen.valid() && seen.current().serial == expected.unit.serial) {
            line.outcome = InspectionOutcome::Confirmed;
            line.finding = seen.current().finding;
            line.lineNo = seen.current().lineNo;
            seen.advance();
        } else {
            line.outcome = InspectionOutcome::Missing;
            line.note = "not seen by the inspectors";
        }
        onLine(line);
        return true;
    });
    for (; seen.valid(); seen.advance())
        emitUnexpected(seen.current());
}

DiscrepancyReport Discrepancies::compute(const InspectionRecord& inspection)
{
    return compute(inspection, {});
}

DiscrepancyReport Discrepancies::compute(const InspectionRecord& inspection,
                                         const std::function<void(const InspectionLine&)>& onLine)
{
    DiscrepancyReport report;
    auto& summary = report.summary;
    forEachLine(inspection, [&](const InspectionLine& line) {
        if (line.finding) {
            ++summary.seen;
            ++summary.byFinding[static_cast<std::size_t>(*line.finding)];
        }
        switch (line.outcome) {
        case InspectionOutcome::Confirmed:
            ++summary.expected;
            ++summary.confirmed;
            break;
        case InspectionOutcome::Missing:
            ++summary.expected;
            ++summary.missing;
            report.missing.push_back(line);
            break;
        case InspectionOutcome::UnknownSerial:
            ++summary.unknownSerial;
            report.unexpected.push_back(line);
            break;
        case InspectionOutcome::Elsewhere:
            ++summary.elsewhere;
            report.unexpected.push_back(line);
            break;
        case InspectionOutcome::NotInKazakhstan:
            ++summary.notInKazakhstan;
            report.unexpected.push_back(line);
            break;
        }
        if (line.isAdverse()) {
            ++summary.adverse;
            report.adverse.push_back(line);
        }
        if (onLine)
            onLine(line);
    });
    return report;
}

} // namespace asicledger
