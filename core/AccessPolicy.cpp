#include "AccessPolicy.hpp"

#include "LedgerError.hpp"

#include <fmt/format.h>

namespace asicledger {
namespace {

std::string_view rolesFor(Permission permission)
{
    switch (permission) {
    case Permission::ManageUsers:
    case Permission::ManageReferenceData:
        return "the admin role";
    case Permission::RecordFinance:
        return "the finance role";
    case Permission::ApproveExits:
        return "the manager role";
    case Permission::RecordInspections:
        return "the auditor or admin role";
    case Permission::ChangeOwnPassword:
        return "a signed-in user";
    }
    return "another role";
}

} // namespace

bool AccessPolicy::allows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::ManageUsers:
    case Permission::ManageReferenceData:
        return role == Role::Admin;
    case Permission::RecordFinance:
        return role == Role::Finance;
    case Permission::ApproveExits:
        return role == Role::Manager;
    case Permission::RecordInspections:
        return role == Role::Auditor || role == Role::Admin;
    case Permission::ChangeOwnPassword:
        return true;
    }
    return false;
}

void AccessPolicy::require(const Actor& actor, Permission permission, std::string_view action)
{
    if (allows(actor.role, permission))
        return;
    throw PermissionDenied(fmt::format("{} needs {}; '{}' is signed in as {}. Nothing was written: "
                                       "ask a colleague with that role.",
                                       action, rolesFor(permission), actor.name,
                                       toText(actor.role)));
}

} // namespace asicledger
