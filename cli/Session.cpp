#include "Session.hpp"

#include "LedgerError.hpp"
#include "Prompt.hpp"
#include "UserDirectory.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace asicledger {
namespace {

std::string environment(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string missingLedgerHint(const std::filesystem::path& file)
{
    return fmt::format("there is no ledger at {}: create one with 'asicledger init' (or name "
                       "another file with --db FILE or ASICLEDGER_DB)",
                       file.string());
}

} // namespace

std::filesystem::path Session::ledgerFile() const
{
    if (!m_options.db.empty())
        return m_options.db;
    if (auto db = environment("ASICLEDGER_DB"); !db.empty())
        return db;
    // The XDG base directory rule: a relative XDG_DATA_HOME is ignored.
    std::filesystem::path data = environment("XDG_DATA_HOME");
    if (data.empty() || data.is_relative()) {
        const auto home = environment("HOME");
        if (home.empty())
            throw InvalidInput("there is no home directory to keep the ledger in: name the "
                               "ledger file with --db FILE or ASICLEDGER_DB");
        data = std::filesystem::path(home) / ".local" / "share";
    }
    return data / "asicledger" / "ledger.db";
}

OutputFormat Session::format() const
{
    // The parser has already checked the word.
    return parseOutputFormat(m_options.format).value_or(OutputFormat::Table);
}

Ledger& Session::open()
{
    if (m_ledger)
        return *m_ledger;
    const auto file = ledgerFile();
    if (!std::filesystem::exists(file))
        throw NotFound(missingLedgerHint(file));
    m_clock = std::make_unique<CommandLineClock>();
    auto ledger = std::make_unique<Ledger>(file, *m_clock, Ledger::OpenMode::MustExist);
    if (!ledger->isInitialised())
        throw NotFound(fmt::format("{} is not an initialised ledger: set it up with 'asicledger "
                                   "init' (or name another file with --db FILE or ASICLEDGER_DB)",
                                   file.string()));
    m_ledger = std::move(ledger);
    return *m_ledger;
}

Ledger& Session::create()
{
    if (m_ledger)
        return *m_ledger;
    const auto file = ledgerFile();
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path());
    m_clock = std::make_unique<CommandLineClock>();
    m_ledger = std::make_unique<Ledger>(file, *m_clock, Ledger::OpenMode::CreateIfMissing);
    return *m_ledger;
}

const Actor& Session::signIn()
{
    if (m_actor)
        return *m_actor;
    auto& ledger = open();
    auto name = m_options.user.empty() ? environment("ASICLEDGER_USER") : m_options.user;
    if (name.empty())
        throw PermissionDenied("sign in first: name the user with --user NAME or "
                               "ASICLEDGER_USER");
    std::optional<std::string> password;
    if (const char* given = std::getenv("ASICLEDGER_PASSWORD"))
        password = given;
    else
        password = Prompt::secret(fmt::format("Password for {}: ", name));
    if (!password)
        throw PermissionDenied("no password was given: set ASICLEDGER_PASSWORD, pipe it on "
                               "standard input, or run the command in a terminal");
    m_actor = UserDirectory(ledger).signIn(name, *password);
    return *m_actor;
}

std::string Session::newPassword(const char* environmentVariable, const std::string& question)
{
    if (const char* password = std::getenv(environmentVariable))
        return password;
    auto password = Prompt::newSecret(question);
    if (!password)
        throw InvalidInput(fmt::format("no new password was given: set {}, pipe it on standard "
                                       "input (twice), or run the command in a terminal",
                                       environmentVariable));
    return *password;
}

} // namespace asicledger
