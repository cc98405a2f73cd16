#pragma once

#include "Actor.hpp"
#include "Vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// A legal person: a Kazakh company (domestic, KZ, BIN) or an overseas one (SG, HK...).
struct Entity
{
    std::int64_t id = 0;
    std::string name;
    EntityKind kind = EntityKind::Domestic;
    std::string jurisdiction;
    std::optional<std::string> registrationNo;
};

struct NewEntity
{
    std::string name;
    std::string kind;         // "domestic" | "overseas"
    std::string jurisdiction; // ISO 3166 alpha-2
    std::string registrationNo;
};

// The parties of the ledger: who owns, imports, hosts and operates.
class EntityRegistry
{
public:
    explicit EntityRegistry(Ledger& ledger) : m_ledger(ledger) {}

    Entity add(const Actor& actor, const NewEntity& entity);
    std::vector<Entity> list();
    std::optional<Entity> find(std::string_view name);
    std::optional<Entity> findById(std::int64_t id);
    // Throws NotFound with the names that do exist when there are few.
    Entity require(std::string_view name);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
