// asicledger: the command-line front end of the ledger. It parses, signs in, calls the core and
// prints; every rule lives in core/.

#include "BusyRetry.hpp"
#include "CommandSet.hpp"
#include "CryptoCommands.hpp"
#include "ExitCode.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"
#include "Session.hpp"
#include "UnitActions.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <iostream>
#include <sqlite3.h>

using namespace asicledger;

namespace {

void printError(const std::string& message)
{
    std::cerr << "error: " << readableText(message) << '\n';
}

// A refusal of several units: one line a unit, so a clerk can fix the list.
void printRefusal(const UnitActionRefused& refusal)
{
    for (const auto& unit : refusal.refusals())
        printError(unit.reason);
    const auto count = refusal.refusals().size();
    printError(count == 1 ? "1 unit was refused; nothing was changed"
                          : std::to_string(count) + " units were refused; nothing was changed");
}

// CLI11's message, in the program's "error: ..." form, with the help to read next.
void printUsageError(const CLI::App& app, const CLI::ParseError& error)
{
    std::string path = app.get_name();
    const CLI::App* command = &app;
    while (command) {
        const auto chosen = command->get_subcommands();
        command = chosen.empty() ? nullptr : chosen.front();
        if (command)
            path += " " + command->get_name();
    }
    // A word that names no command is left over; say so rather than "a subcommand is required".
    const auto leftover = app.remaining();
    if (path == app.get_name() && !leftover.empty() && !leftover.front().starts_with("-")) {
        printError("'" + leftover.front() + "' is not an asicledger command");
    } else {
        std::string message = error.what();
        if (message == "A subcommand is required")
            message = "name a command after '" + path + "'";
        if (!message.empty())
            message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
        printError(message);
    }
    std::cerr << "Run '" << path << " --help' for more information.\n";
}

int run(const CommandSet& commands)
{
    try {
        const auto action = commands.chosen();
        return action ? action() : exitcode::kUsage;
    } catch (const UnitActionRefused& refusal) {
        printRefusal(refusal);
        return exitcode::kRefused;
    } catch (const PermissionDenied& denied) {
        printError(denied.what());
        return exitcode::kNotAllowed;
    } catch (const LedgerError& error) {
        printError(error.what());
        return exitcode::kRefused;
    } catch (const SQLite::Exception& error) {
        // Busy or read-only files are the machine's state, not a bug in the program.
        if (isBusy(error)) {
            printError(LedgerBusy().what()); // a read that waited out the busy timeout
            return exitcode::kRefused;
        }
        const auto code = error.getErrorCode();
        if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_FULL ||
            code == SQLITE_NOTADB) {
            printError(std::string("the ledger file cannot be used: ") + error.what());
            return exitcode::kRefused;
        }
        std::cerr << "internal error: " << error.what()
                  << "\nThis is a bug in asicledger; please report it with the command you ran.\n";
        return exitcode::kInternal;
    } catch (const std::exception& error) {
        std::cerr << "internal error: " << error.what()
                  << "\nThis is a bug in asicledger; please report it with the command you ran.\n";
        return exitcode::kInternal;
    }
}

} // namespace

int main(int argc, char** argv)
{
    GlobalOptions options;
    Session session(options);
    CommandSet commands(session);

    CLI::App app("asicledger: VAT-exempt ASIC miners, their five-year lock and early exits",
                 "asicledger");
    // Global options are accepted before or after the command: `asicledger --format json units`
    // and `asicledger units --format json` mean the same.
    app.fallthrough();
    app.require_subcommand(1);
    app.add_option("--db", options.db,
                   "Ledger file (default: ASICLEDGER_DB, else the per-user data file)");
    app.add_option("--user", options.user, "Sign in as this user (default: ASICLEDGER_USER)");
    app.add_option("--format", options.format, "Output format: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));

    addInitCommand(app, commands);
    addEntityCommands(app, commands);
    addSiteCommands(app, commands);
    addImportCommand(app, commands);
    addUnitCommands(app, commands);
    addActionCommands(app, commands);
    addExitCommands(app, commands);
    addRateCommands(app, commands);
    addUserCommands(app, commands);
    addJournalCommands(app, commands);
    addInspectionCommands(app, commands);
    addReportCommands(app, commands);
    addCryptoCommands(app, commands);
    addDemoCommand(app, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::ParseError& error) {
        printUsageError(app, error);
        return exitcode::kUsage;
    }
    return run(commands);
}
