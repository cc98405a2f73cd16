#include "InspectionDesk.hpp"

#include "CsvReader.hpp"
#include "InspectionQuery.hpp"
#include "Ledger.hpp"
#include "PlainText.hpp"
#include "SiteRegistry.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

std::string requireText(std::string_view text, std::string_view what)
{
    auto value = trim(text);
    if (value.empty())
        throw InvalidInput(fmt::format("an inspection needs {}", what));
    return value;
}

std::string joinInspectors(const std::vector<std::string>& names)
{
    std::string joined;
    for (const auto& name : names) {
        const auto clean = trim(name);
        if (clean.empty())
            continue;
        joined += (joined.empty() ? "" : "; ") + clean;
    }
    if (joined.empty())
        throw InvalidInput("an inspection needs the name of at least one inspector, as written "
                           "on the inspection act");
    return joined;
}

} // namespace

InspectionRecord InspectionDesk::record(const Actor& actor, const NewInspection& inspection,
                                        std::string_view seen)
{
    // Refuse a role before reading the file: its problems are no business of a finance clerk.
    AccessPolicy::require(actor, Permission::RecordInspections, "recording inspections");
    const auto site = SiteRegistry(m_ledger).require(inspection.site);
    if (inspection.date.is_special())
        throw InvalidInput("an inspection needs the date it took place");
    if (inspection.date > m_ledger.today())
        throw Refusal(fmt::format("the inspection is dated {}, after today ({}): record an "
                                  "inspection once it has taken place",
                                  isoDate(inspection.date), isoDate(m_ledger.today())));
    const auto authority = requireText(inspection.authority, "the authority that inspected");
    const auto reference = requireText(inspection.reference, "the reference number of its act");
    const auto inspectors = joinInspectors(inspection.inspectors);

    SQLite::Statement used(m_ledger.db(),
                           "SELECT id, inspection_date, authority, reference FROM inspection "
                           "WHERE authority = ? "
                           "COLLATE NOCASE AND reference = ? COLLATE NOCASE");
    used.bind(1, authority);
    used.bind(2, reference);
    if (used.executeStep())
        throw Refusal(fmt::format(
            "{} has already used reference {} for inspection {} of {}: an inspection is never "
            "changed once recorded; give this act's own reference",
            used.getColumn(2).getString(), used.getColumn(3).getString(),
            used.getColumn(0).getInt64(), used.getColumn(1).getString()));

    auto sightings = SightingList::parse(seen);

    const auto id = m_ledger.write(
        actor, Permission::RecordInspections, "recording inspections", "inspection.record",
        [&](ChangeSet& changes) {
            const auto inspectionId =
                changes.insert("inspection", {{"site_id", site.id},
                                              {"inspection_date", isoDate(inspection.date)},
                                              {"authority", authority},
                                              {"inspectors", inspectors},
                                              {"reference", reference},
                                              {"recorded_by", actor.name},
                                              {"journal_seq", changes.journalSeq()}});
            SQLite::Statement unitOf(m_ledger.db(), "SELECT id FROM unit WHERE serial = ?");
            std::size_t unknown = 0;
            for (auto& sighting : sightings) {
                unitOf.reset();
                unitOf.bind(1, sighting.serial);
                if (unitOf.executeStep())
                    sighting.unitId = unitOf.getColumn(0).getInt64();
                else
                    ++unknown;
                changes.insert(
                    "inspection_sighting",
                    {{"inspection_id", inspectionId},
                     {"line_no", static_cast<std::int64_t>(sighting.lineNo)},
                     {"serial", sighting.serial},
                     {"unit_id", sighting.unitId ? SqlValue(*sighting.unitId) : SqlValue(nullptr)},
                     {"finding", std::string(toText(sighting.finding))}});
            }
            changes.setSummary(fmt::format(
                "recorded inspection {} by {} at {} on {}: {} serial{} seen{}", reference,
                authority, site.name, isoDate(inspection.date), sightings.size(),
                sightings.size() == 1 ? "" : "s",
                unknown ? fmt::format(", {} not in the ledger", unknown) : std::string()));
            return inspectionId;
        });
    return InspectionQuery(m_ledger).require(id);
}

InspectionRecord InspectionDesk::recordFile(const Actor& actor, const NewInspection& inspection,
                                            const std::string& seenPath)
{
    AccessPolicy::require(actor, Permission::RecordInspections, "recording inspections");
    return record(actor, inspection, CsvReader::loadFile(seenPath));
}

} // namespace asicledger
