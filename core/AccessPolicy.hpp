#pragma once

#include "Actor.hpp"

#include <string_view>

namespace asicledger {

// What a change needs a role for. Reading needs nothing: everyone reads.
enum class Permission
{
    ManageUsers,         // admin
    ManageReferenceData, // admin: entities, sites, base/VAT rates, exit policy, venues
    RecordFinance,       // finance: imports, sales, moves, exports, exits, crypto flows
    ApproveExits,        // manager
    RecordInspections,   // auditor, admin
    ChangeOwnPassword,   // everyone
};

// The one place that says which role may do what (domain.md, "Roles").
class AccessPolicy
{
public:
    static bool allows(Role role, Permission permission);
    // Throws PermissionDenied naming the action, the roles that may do it and the actor's role.
    static void require(const Actor& actor, Permission permission, std::string_view action);
};

} // namespace asicledger
