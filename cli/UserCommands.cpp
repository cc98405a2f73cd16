// user add, user list, user disable, user passwd: who may sign in, and as what.

#include "AccessPolicy.hpp"
#include "CommandSet.hpp"
#include "Session.hpp"
#include "UserDirectory.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct UserOptions
{
    std::string name;
    std::string role;
};

} // namespace

void addUserCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto* user = app.add_subcommand("user", "The people who may sign in");
    user->require_subcommand(1);

    auto added = std::make_shared<UserOptions>();
    auto* add = user->add_subcommand(
        "add", "Add a user; the password comes from ASICLEDGER_NEW_PASSWORD or a prompt (admin)");
    add->add_option("name", added->name, "User name")->required();
    add->add_option("--role", added->role, "admin, finance, auditor or manager")->required();
    commands.on(add, [&session, added] {
        const auto& actor = session.signIn();
        // Refuse before asking for a password nobody may set.
        AccessPolicy::require(actor, Permission::ManageUsers, "adding a user");
        const auto password = Session::newPassword(
            "ASICLEDGER_NEW_PASSWORD", fmt::format("New password for {}: ", added->name));
        const auto account =
            UserDirectory(session.open()).add(actor, added->name, added->role, password);
        std::cout << fmt::format("Added user '{}' ({}).\n", account.name, toText(account.role));
        return 0;
    });

    auto* list = user->add_subcommand("list", "List the users");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(
            std::cout, session.format(),
            {{"name", "Name"}, {"role", "Role"}, {"disabled", "Disabled", CellKind::Flag}});
        for (const auto& account : UserDirectory(session.open()).list())
            out.add({{"name", account.name},
                     {"role", std::string(toText(account.role))},
                     {"disabled", account.disabled}});
        out.finish();
        return 0;
    });

    auto disabled = std::make_shared<std::string>();
    auto* disable = user->add_subcommand("disable", "Stop a user signing in (admin)");
    disable->add_option("name", *disabled, "User name")->required();
    commands.on(disable, [&session, disabled] {
        const auto& actor = session.signIn();
        UserDirectory(session.open()).disable(actor, *disabled);
        std::cout << fmt::format("Disabled user '{}'.\n", *disabled);
        return 0;
    });

    auto renewed = std::make_shared<std::string>();
    auto* passwd = user->add_subcommand(
        "passwd", "Set a password (your own, or anyone's as admin); the new one comes from "
                  "ASICLEDGER_NEW_PASSWORD or a prompt");
    passwd->add_option("name", *renewed, "User name")->required();
    commands.on(passwd, [&session, renewed] {
        const auto& actor = session.signIn();
        const auto password = Session::newPassword("ASICLEDGER_NEW_PASSWORD",
                                                   fmt::format("New password for {}: ", *renewed));
        UserDirectory(session.open()).setPassword(actor, *renewed, password);
        std::cout << fmt::format("Set the password of '{}'.\n", *renewed);
        return 0;
    });
}

} // namespace asicledger
