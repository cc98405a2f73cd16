#include "EntityRegistry.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace asicledger {
namespace {

constexpr auto kColumns = "id, name, kind, jurisdiction, registration_no";

Entity readEntity(SQLite::Statement& query)
{
    Entity entity;
    entity.id = query.getColumn(0).getInt64();
    entity.name = query.getColumn(1).getString();
    entity.kind = parseEntityKind(query.getColumn(2).getString()).value_or(EntityKind::Domestic);
    entity.jurisdiction = query.getColumn(3).getString();
    if (!query.getColumn(4).isNull())
        entity.registrationNo = query.getColumn(4).getString();
    return entity;
}

} // namespace

Entity EntityRegistry::add(const Actor& actor, const NewEntity& input)
{
    Entity entity;
    entity.name = trim(input.name);
    if (entity.name.empty())
        throw InvalidInput("an entity needs a name");
    const auto kind = parseEntityKind(input.kind);
    if (!kind)
        throw InvalidInput(
            fmt::format("entity kind '{}' is unknown: use domestic (a Kazakh company) or "
                        "overseas",
                        input.kind));
    entity.kind = *kind;
    entity.jurisdiction = toUpperAscii(trim(input.jurisdiction));
    if (entity.jurisdiction.size() != 2 ||
        !std::all_of(entity.jurisdiction.begin(), entity.jurisdiction.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; }))
        throw InvalidInput(
            fmt::format("jurisdiction '{}' is not a two-letter country code (KZ, SG, HK...)",
                        input.jurisdiction));
    if (entity.kind == EntityKind::Domestic && entity.jurisdiction != "KZ")
        throw InvalidInput(
            fmt::format("a domestic entity is a Kazakh company: its jurisdiction is KZ, not {}",
                        entity.jurisdiction));
    if (entity.kind == EntityKind::Overseas && entity.jurisdiction == "KZ")
        throw InvalidInput(
            "an overseas entity cannot have jurisdiction KZ: record a Kazakh company as domestic");
    const auto registration = trim(input.registrationNo);
    if (!registration.empty()) {
        if (entity.kind == EntityKind::Domestic &&
            (registration.size() != 12 ||
             !std::all_of(registration.begin(), registration.end(),
                          [](char c) { return c >= '0' && c <= '9'; })))
            throw InvalidInput(
                fmt::format("BIN '{}' is not valid: a Kazakh business identification "
                            "number has exactly 12 digits",
                            registration));
        entity.registrationNo = registration;
    }
    if (find(entity.name))
        throw Refusal(fmt::format("an entity named '{}' already exists", entity.name));

    entity.id = m_ledger.write(
        actor, Permission::ManageReferenceData, "adding an entity", "entity.add",
        [&](ChangeSet& changes) {
            changes.setSummary(fmt::format("added {} entity {} ({})", toText(entity.kind),
                                           entity.name, entity.jurisdiction));
            return changes.insert(
                "entity",
                {
                    {"name", entity.name},
                    {"kind", std::string(toText(entity.kind))},
                    {"jurisdiction", entity.jurisdiction},
                    {"registration_no",
                     entity.registrationNo ? SqlValue(*entity.registrationNo) : SqlValue(nullptr)},
                });
        });
    return entity;
}

std::vector<Entity> EntityRegistry::list()
{
    std::vector<Entity> entities;
    SQLite::Statement query(m_ledger.db(),
                            fmt::format("SELECT {} FROM entity ORDER BY name", kColumns));
    while (query.executeStep())
        entities.push_back(readEntity(query));
    return entities;
}

std::optional<Entity> EntityRegistry::find(std::string_view name)
{
    SQLite::Statement query(m_ledger.db(),
                            fmt::format("SELECT {} FROM entity WHERE name = ?", kColumns));
    query.bind(1, trim(name));
    if (!query.executeStep())
        return std::nullopt;
    return readEntity(query);
}

std::optional<Entity> EntityRegistry::findById(std::int64_t id)
{
    SQLite::Statement query(m_ledger.db(),
                            fmt::format("SELECT {} FROM entity WHERE id = ?", kColumns));
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return readEntity(query);
}

Entity EntityRegistry::require(std::string_view name)
{
    if (auto entity = find(name))
        return *entity;
    throw NotFound(fmt::format("there is no entity named '{}': check the spelling, or ask an "
                               "administrator to add it ('asicledger entity list' shows them all)",
                               trim(name)));
}

} // namespace asicledger
