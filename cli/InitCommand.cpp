// init: a new ledger file and its first administrator.

#include "CommandSet.hpp"
#include "LedgerError.hpp"
#include "LedgerSetup.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {

void addInitCommand(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto admin = std::make_shared<std::string>("admin");
    auto* init =
        app.add_subcommand("init", "Create the ledger and its first administrator (password from "
                                   "ASICLEDGER_PASSWORD or a prompt)");
    init->add_option("--admin", *admin, "The administrator's user name")->capture_default_str();
    commands.on(init, [&session, admin] {
        auto& ledger = session.create();
        // Before asking for a password that would be thrown away.
        if (ledger.isInitialised())
            throw Refusal(fmt::format("{} is already an initialised ledger; nothing was changed "
                                      "(to start afresh, name a new file with --db FILE)",
                                      ledger.file().string()));
        const auto password = Session::newPassword(
            "ASICLEDGER_PASSWORD", fmt::format("Password for the administrator {}: ", *admin));
        const auto actor = LedgerSetup::initialise(ledger, *admin, password);
        std::cout << fmt::format("Created the ledger {} with administrator '{}'.\n",
                                 ledger.file().string(), actor.name);
        return 0;
    });
}

} // namespace asicledger
