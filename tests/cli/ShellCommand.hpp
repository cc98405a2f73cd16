#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace asicledger::testing {

struct ShellResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs `command` with /bin/sh -c in `directory`, with exactly `environment`, stdin from /dev/null,
// and stdout and stderr captured apart.
ShellResult runShell(const std::string& command, const std::filesystem::path& directory,
                     const std::map<std::string, std::string>& environment);

} // namespace asicledger::testing
