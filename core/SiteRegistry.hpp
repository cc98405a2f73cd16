#pragma once

#include "Actor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// A mining facility and the entity that operates it.
struct Site
{
    std::int64_t id = 0;
    std::string name;
    std::string region;
    std::int64_t operatorId = 0;
    std::string operatorName;
};

class SiteRegistry
{
public:
    explicit SiteRegistry(Ledger& ledger) : m_ledger(ledger) {}

    Site add(const Actor& actor, std::string_view name, std::string_view region,
             std::string_view operatorName);
    std::vector<Site> list();
    std::optional<Site> find(std::string_view name);
    Site require(std::string_view name);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
