#pragma once

#include "Actor.hpp"
#include "CommandLineClock.hpp"
#include "Ledger.hpp"
#include "Output.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace asicledger {

// The options every command shares, filled in by the command-line parser.
struct GlobalOptions
{
    std::string db;
    std::string user;
    std::string format = "table";
};

// One run of the program against one ledger file: which file, the clock, and who is signed in.
// The file is --db, else ASICLEDGER_DB, else the per-user data file
// ($XDG_DATA_HOME/asicledger/ledger.db, or ~/.local/share/asicledger/ledger.db).
class Session
{
public:
    explicit Session(const GlobalOptions& options) : m_options(options) {}

    std::filesystem::path ledgerFile() const;
    OutputFormat format() const;

    // An existing, initialised ledger; throws NotFound with the `init` hint otherwise.
    Ledger& open();
    // The ledger file, created when missing (its directory too), for `init` and `demo`.
    Ledger& create();
    // Opens the ledger and authenticates: --user or ASICLEDGER_USER, the password from
    // ASICLEDGER_PASSWORD or a prompt. Throws PermissionDenied when sign-in fails.
    const Actor& signIn();

    // A password from `environmentVariable`, else asked twice without echo.
    static std::string newPassword(const char* environmentVariable, const std::string& question);

private:
    const GlobalOptions& m_options;
    std::unique_ptr<CommandLineClock> m_clock;
    std::unique_ptr<Ledger> m_ledger;
    std::optional<Actor> m_actor;
};

} // namespace asicledger
