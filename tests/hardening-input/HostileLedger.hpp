#pragma once

#include "ShellCommand.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace asicledger::testing {

// A ledger made by the command line's golden preamble (tests/cli/preamble.sh: users, entities,
// sites, 8 units) in a fresh directory, driven through the real binary as a clerk would.
class HostileLedger
{
public:
    // A fresh directory holding a copy of the preamble ledger (made once per build).
    HostileLedger();
    ~HostileLedger();
    HostileLedger(const HostileLedger&) = delete;
    HostileLedger& operator=(const HostileLedger&) = delete;

    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path ledgerFile() const { return m_directory / "ledger.db"; }
    ShellResult run(const std::string& command) const;

    // Folds the write-ahead log into the main file and checks it is gone or empty, so the main
    // file alone is the whole ledger; returns its bytes.
    std::string settledBytes() const;
    // The -wal file's size, 0 when there is none.
    std::uintmax_t walSize() const;

private:
    std::filesystem::path m_directory;
    std::map<std::string, std::string> m_environment;
};

std::string readBytes(const std::filesystem::path& file);

} // namespace asicledger::testing
