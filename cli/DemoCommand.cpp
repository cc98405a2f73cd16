// demo: a realistic ledger to look around in, with one user per role.

#include "CommandSet.hpp"
#include "DemoLedger.hpp"
#include "LedgerSetup.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct DemoCommandOptions
{
    DemoOptions demo;
    std::string admin = "admin";
};

} // namespace

void addDemoCommand(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto options = std::make_shared<DemoCommandOptions>();
    auto* demo = app.add_subcommand(
        "demo", "Build a demo ledger in a new file (or one just made with init), and print its "
                "users");
    demo->add_option("--units", options->demo.units, "How many units")->capture_default_str();
    demo->add_option("--seed", options->demo.seed, "Another seed gives another fleet")
        ->capture_default_str();
    demo->add_option("--admin", options->admin,
                     "The administrator to create when the file is new (password from "
                     "ASICLEDGER_PASSWORD or a prompt)")
        ->capture_default_str();
    commands.on(demo, [&session, options] {
        auto& ledger = session.create();
        // A new file gets its administrator here; a ledger made with `init` is signed into.
        const auto admin =
            ledger.isInitialised()
                ? session.signIn()
                : LedgerSetup::initialise(
                      ledger, options->admin,
                      Session::newPassword(
                          "ASICLEDGER_PASSWORD",
                          fmt::format("Password for the administrator {}: ", options->admin)));
        const auto users = DemoLedger::build(ledger, admin, options->demo);
        if (session.format() == OutputFormat::Table)
            std::cout << fmt::format("Built the demo ledger {} ({} units).\n\n",
                                     ledger.file().string(), options->demo.units);
        RowWriter out(std::cout, session.format(),
                      {{"name", "User"}, {"role", "Role"}, {"password", "Password"}});
        out.add({{"name", admin.name}, {"role", "admin"}, {"password", "(the one you gave)"}});
        for (const auto& user : users)
            out.add({{"name", user.name}, {"role", user.role}, {"password", user.password}});
        out.finish();
        return 0;
    });
}

} // namespace asicledger
