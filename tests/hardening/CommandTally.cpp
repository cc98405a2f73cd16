#include "CommandTally.hpp"

#include "ChildProcess.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger::testing {

CommandTally::CommandTally(std::string name, std::filesystem::path ledger)
    : m_name(std::move(name)), m_ledger(std::move(ledger))
{}

bool CommandTally::run(const std::string& user, const std::vector<std::string>& arguments)
{
    const auto result =
        ChildProcess::run(asicledgerBinary(), arguments, cliEnvironment(m_ledger, user));
    ++m_runs;
    m_longest = std::max(m_longest, std::chrono::duration<double>(result.elapsed).count());
    if (result.exitCode == 0)
        return true;
    std::string command;
    for (const auto& word : arguments)
        command += " " + word;
    m_failures.push_back(fmt::format(
        "{}: asicledger{} (as {}) exited {}{}: {}", m_name, command, user, result.exitCode,
        result.signal ? fmt::format(" (signal {})", result.signal) : "", result.err));
    if (mentionsBusy(result.err))
        ++m_busy;
    return false;
}

bool CommandTally::mentionsBusy(const std::string& text)
{
    for (const auto* words : {"locked", "busy", "SQLITE_BUSY"}) {
        if (text.find(words) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace asicledger::testing
