#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace asicledger::testing {

// How a program run ended: its exit code, or the signal that ended it, and what it printed.
struct ProcessResult
{
    int exitCode = -1; // -1 when a signal ended it
    int signal = 0;    // the signal that ended it, else 0
    std::string out;
    std::string err;
    std::chrono::steady_clock::duration elapsed{};
};

// One run of a program (the asicledger binary) started without a shell, with exactly
// `environment` and stdin from /dev/null, its output sent to files so it never blocks on a full
// pipe while the test sleeps until the moment to kill it.
class ChildProcess
{
public:
    ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                 const std::map<std::string, std::string>& environment);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return m_pid; }
    std::chrono::steady_clock::time_point started() const { return m_started; }
    // True once the program has ended (reaped here; wait() then reports it).
    bool hasExited();
    // Sends SIGKILL; false when the program had already ended.
    bool kill();
    ProcessResult wait();
    // Bytes the program has handed to write()/pwrite() so far (/proc/PID/io wchar): the ledger's
    // WAL pages are the only large writes an import makes before it ends.
    std::optional<long long> bytesWritten() const;

    // Runs a program to its end.
    static ProcessResult run(const std::filesystem::path& program,
                             const std::vector<std::string>& arguments,
                             const std::map<std::string, std::string>& environment);

private:
    pid_t m_pid = -1;
    std::optional<int> m_status;
    std::filesystem::path m_outFile;
    std::filesystem::path m_errFile;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_ended;
};

// The asicledger binary under test: this build's, or ASICLEDGER_HARDENING_CLI (to run the same
// checks against another build, e.g. an older one for a before-and-after comparison).
std::filesystem::path asicledgerBinary();

// What the binary runs with in these tests, and nothing inherited: `ledger`, `user` signed in with
// the fixtures' password (USER-password), the fixtures' "today", UTC and a UTF-8 locale.
std::map<std::string, std::string> cliEnvironment(const std::filesystem::path& ledger,
                                                  const std::string& user);

// True while some process holds the SQLite WAL write lock of `ledger` (byte 120 of its -shm file,
// taken by BEGIN IMMEDIATE and held until commit or rollback). Asked with F_GETLK, so the test
// never takes the lock itself and never slows the process it watches.
bool walWriteLockHeld(const std::filesystem::path& ledger);
// The same for the checkpoint lock (byte 121): a checkpoint is copying WAL pages into the file.
bool walCheckpointLockHeld(const std::filesystem::path& ledger);

} // namespace asicledger::testing
