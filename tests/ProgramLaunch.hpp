#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace asicledger::testing {

// A program the tests start (the asicledger binary, or /bin/sh for a golden command line): its
// arguments and exactly the given environment, plus the test's own sanitizer options (see
// withSanitizerOptions). Everything execve needs is built here, before fork: in a forked child of
// a threaded test only async-signal-safe calls are allowed, so the child allocates nothing.
class ProgramLaunch
{
public:
    ProgramLaunch(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                  const std::map<std::string, std::string>& environment);
    // Not copied or moved: argv and envp point into the strings held here.
    ProgramLaunch(const ProgramLaunch&) = delete;
    ProgramLaunch& operator=(const ProgramLaunch&) = delete;

    // Forks and runs the program with stdin from /dev/null and stdout and stderr on `out` and
    // `err` (the caller closes its own copies after), in `directory` unless that is empty.
    // Returns the child's pid; a child that cannot set itself up or exec the program exits 127.
    pid_t start(int out, int err, const std::filesystem::path& directory = {}) const;

    // Waits for `pid` to end, through interruptions by signals; returns its wait status.
    static int waitFor(pid_t pid);

private:
    std::vector<std::string> m_words;
    std::vector<std::string> m_entries;
    std::vector<char*> m_argv;
    std::vector<char*> m_envp;
};

} // namespace asicledger::testing
