#include "CryptoVenues.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

Venue readVenue(SQLite::Statement& query)
{
    return {query.getColumn(0).getInt64(), query.getColumn(1).getString(),
            query.getColumn(2).getInt() != 0};
}

std::string_view licence(bool aifcLicensed)
{
    return aifcLicensed ? "AIFC-licensed" : "not AIFC-licensed";
}

} // namespace

Venue CryptoVenues::add(const Actor& actor, std::string_view name, bool aifcLicensed)
{
    AccessPolicy::require(actor, Permission::ManageReferenceData, "adding a venue");
    Venue venue{0, trim(name), aifcLicensed};
    if (venue.name.empty())
        throw InvalidInput(
            "a venue needs a name (the exchange or broker as its contract names it)");
    if (const auto existing = find(venue.name))
        throw Refusal(fmt::format("a venue named '{}' already exists ({}): use it, or change its "
                                  "licence flag instead of adding it again",
                                  existing->name, licence(existing->aifcLicensed)));
    venue.id = m_ledger.write(
        actor, Permission::ManageReferenceData, "adding a venue", "crypto.venue.add",
        [&](ChangeSet& changes) {
            changes.setSummary(
                fmt::format("added venue {} ({})", venue.name, licence(aifcLicensed)));
            return changes.insert(
                "venue", {{"name", venue.name}, {"aifc_licensed", std::int64_t{aifcLicensed}}});
        });
    return venue;
}

Venue CryptoVenues::setAifcLicensed(const Actor& actor, std::string_view name, bool aifcLicensed)
{
    AccessPolicy::require(actor, Permission::ManageReferenceData, "changing a venue's licence");
    auto venue = require(name);
    if (venue.aifcLicensed == aifcLicensed)
        throw Refusal(fmt::format("venue {} is already marked {}: nothing to change", venue.name,
                                  licence(aifcLicensed)));
    m_ledger.write(
        actor, Permission::ManageReferenceData, "changing a venue's licence",
        "crypto.venue.licence", [&](ChangeSet& changes) {
            changes.setSummary(
                fmt::format("marked venue {} {}", venue.name, licence(aifcLicensed)));
            changes.update("venue", venue.id, {{"aifc_licensed", std::int64_t{aifcLicensed}}});
        });
    venue.aifcLicensed = aifcLicensed;
    return venue;
}

std::vector<Venue> CryptoVenues::list()
{
    std::vector<Venue> venues;
    SQLite::Statement query(
        m_ledger.db(), "SELECT id, name, aifc_licensed FROM venue ORDER BY name COLLATE NOCASE");
    while (query.executeStep())
        venues.push_back(readVenue(query));
    return venues;
}

std::optional<Venue> CryptoVenues::find(std::string_view name)
{
    SQLite::Statement query(m_ledger.db(),
                            "SELECT id, name, aifc_licensed FROM venue WHERE name = ?");
    query.bind(1, trim(name));
    if (!query.executeStep())
        return std::nullopt;
    return readVenue(query);
}

Venue CryptoVenues::require(std::string_view name)
{
    if (auto venue = find(name))
        return *venue;
    std::string known;
    for (const auto& venue : list())
        known += (known.empty() ? "" : ", ") + venue.name;
    throw NotFound(fmt::format(
        "there is no venue named '{}' ({}): check the spelling, or ask an "
        "administrator to add it with 'crypto venue add'",
        trim(name), known.empty() ? "no venues are recorded yet" : "known venues: " + known));
}

} // namespace asicledger
