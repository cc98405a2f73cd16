#include "Vocabulary.hpp"

#include <algorithm>
#include <array>

namespace asicledger {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto trimmedBegin = lower.find_first_not_of(" \t");
    const auto trimmedEnd = lower.find_last_not_of(" \t");
    if (trimmedBegin == std::string::npos)
        return std::nullopt;
    lower = lower.substr(trimmedBegin, trimmedEnd - trimmedBegin + 1);
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == lower)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 3> kRoutes{"air", "rail", "truck"};
constexpr std::array<std::string_view, 2> kKinds{"domestic", "overseas"};
constexpr std::array<std::string_view, 4> kStatuses{"running", "stopped", "faulty", "exported"};
constexpr std::array<std::string_view, 4> kRoles{"admin", "finance", "auditor", "manager"};

} // namespace

std::string_view toText(Route route)
{
    return kRoutes.at(static_cast<std::size_t>(route));
}
std::string_view toText(EntityKind kind)
{
    return kKinds.at(static_cast<std::size_t>(kind));
}
std::string_view toText(UnitStatus status)
{
    return kStatuses.at(static_cast<std::size_t>(status));
}
std::string_view toText(Role role)
{
    return kRoles.at(static_cast<std::size_t>(role));
}

std::optional<Route> parseRoute(std::string_view text)
{
    return lookup<Route>(kRoutes, text);
}
std::optional<EntityKind> parseEntityKind(std::string_view text)
{
    return lookup<EntityKind>(kKinds, text);
}
std::optional<UnitStatus> parseUnitStatus(std::string_view text)
{
    return lookup<UnitStatus>(kStatuses, text);
}
std::optional<Role> parseRole(std::string_view text)
{
    return lookup<Role>(kRoles, text);
}

TransitRange typicalTransit(Route route)
{
    return route == Route::Air ? TransitRange{3, 5} : TransitRange{14, 21};
}

} // namespace asicledger
