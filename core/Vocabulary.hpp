#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

// The closed vocabularies of the ledger. Each has the text stored in the database (and accepted on
// input, case-insensitively) and nothing else; the schema's CHECK constraints hold the same lists.

enum class Route
{
    Air,
    Rail,
    Truck
};
enum class EntityKind
{
    Domestic,
    Overseas
};
enum class UnitStatus
{
    Running,
    Stopped,
    Faulty,
    Exported
};
enum class Role
{
    Admin,
    Finance,
    Auditor,
    Manager
};

std::string_view toText(Route route);
std::string_view toText(EntityKind kind);
std::string_view toText(UnitStatus status);
std::string_view toText(Role role);

std::optional<Route> parseRoute(std::string_view text);
std::optional<EntityKind> parseEntityKind(std::string_view text);
std::optional<UnitStatus> parseUnitStatus(std::string_view text);
std::optional<Role> parseRole(std::string_view text);

// Typical door-to-door days of a route: air 3-5, rail and truck 14-21.
struct TransitRange
{
    int minDays;
    int maxDays;
};
TransitRange typicalTransit(Route route);

} // namespace asicledger
