#include "SiteRegistry.hpp"

#include "EntityRegistry.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

constexpr auto kSelect = "SELECT s.id, s.name, s.region, s.operator_id, e.name FROM site s "
                         "JOIN entity e ON e.id = s.operator_id";

Site readSite(SQLite::Statement& query)
{
    return {query.getColumn(0).getInt64(), query.getColumn(1).getString(),
            query.getColumn(2).getString(), query.getColumn(3).getInt64(),
            query.getColumn(4).getString()};
}

} // namespace

Site SiteRegistry::add(const Actor& actor, std::string_view nameText, std::string_view regionText,
                       std::string_view operatorName)
{
    Site site;
    site.name = trim(nameText);
    site.region = trim(regionText);
    if (site.name.empty())
        throw InvalidInput("a site needs a name");
    if (site.region.empty())
        throw InvalidInput(
            fmt::format("site '{}' needs a region (Pavlodar, Karagandy...)", site.name));
    const auto operatorEntity = EntityRegistry(m_ledger).require(operatorName);
    site.operatorId = operatorEntity.id;
    site.operatorName = operatorEntity.name;
    if (find(site.name))
        throw Refusal(fmt::format("a site named '{}' already exists", site.name));
    site.id = m_ledger.write(
        actor, Permission::ManageReferenceData, "adding a site", "site.add",
        [&](ChangeSet& changes) {
            changes.setSummary(fmt::format("added site {} in {}, operated by {}", site.name,
                                           site.region, site.operatorName));
            return changes.insert(
                "site",
                {{"name", site.name}, {"region", site.region}, {"operator_id", site.operatorId}});
        });
    return site;
}

std::vector<Site> SiteRegistry::list()
{
    std::vector<Site> sites;
    SQLite::Statement query(m_ledger.db(), std::string(kSelect) + " ORDER BY s.name");
    while (query.executeStep())
        sites.push_back(readSite(query));
    return sites;
}

std::optional<Site> SiteRegistry::find(std::string_view name)
{
    SQLite::Statement query(m_ledger.db(), std::string(kSelect) + " WHERE s.name = ?");
    query.bind(1, trim(name));
    if (!query.executeStep())
        return std::nullopt;
    return readSite(query);
}

Site SiteRegistry::require(std::string_view name)
{
    if (auto site = find(name))
        return *site;
    throw NotFound(fmt::format("there is no site named '{}': check the spelling, or ask an "
                               "administrator to add it ('asicledger site list' shows them all)",
                               trim(name)));
}

} // namespace asicledger
