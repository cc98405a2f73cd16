#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace asicledger::testing {

// One program of a concurrency run (a writer or a reader) running `asicledger` commands one
// after another, and what came of them: successes, failures with the words the user saw, and
// how many of those failures were the ledger being busy.
class CommandTally
{
public:
    CommandTally(std::string name, std::filesystem::path ledger);

    // Runs `asicledger ARGS` as `user` (password USER-password, today 2026-11-23); true on exit
    // 0, else the failure is recorded.
    bool run(const std::string& user, const std::vector<std::string>& arguments);

    const std::string& name() const { return m_name; }
    int runs() const { return m_runs; }
    int succeeded() const { return m_runs - static_cast<int>(m_failures.size()); }
    int busyFailures() const { return m_busy; }
    const std::vector<std::string>& failures() const { return m_failures; }
    double longestSeconds() const { return m_longest; }

    // Words by which a user would learn the ledger was busy: SQLite's own, or the program's.
    static bool mentionsBusy(const std::string& text);

private:
    std::string m_name;
    std::filesystem::path m_ledger;
    int m_runs = 0;
    int m_busy = 0;
    double m_longest = 0;
    std::vector<std::string> m_failures;
};

} // namespace asicledger::testing
