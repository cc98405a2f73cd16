#include "ChildProcess.hpp"

#include "ProgramLaunch.hpp"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace asicledger::testing {
namespace {

std::string readWhole(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// SQLite's unix VFS locks bytes 120.. of the -shm file (UNIX_SHM_BASE), one per WAL lock:
// 0 write, 1 checkpoint, 2 recover, 3.. readers.
bool shmByteLocked(const std::filesystem::path& ledger, off_t byte)
{
    const auto shm = ledger.string() + "-shm";
    const int fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = byte;
    lock.l_len = 1;
    const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

// A file a child's output goes to, open (new and empty) while this lives.
class OutputFile
{
public:
    explicit OutputFile(const std::filesystem::path& file)
        : m_fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600))
    {
        if (m_fd < 0)
            throw std::runtime_error("cannot create " + file.string());
    }
    ~OutputFile() { ::close(m_fd); }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    int descriptor() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

ChildProcess::ChildProcess(const std::filesystem::path& program,
                           const std::vector<std::string>& arguments,
                           const std::map<std::string, std::string>& environment)
{
    static std::atomic<int> counter{0};
    const auto stem = std::filesystem::temp_directory_path() /
                      fmt::format("asicledger-child-{}-{}", ::getpid(), counter++);
    m_outFile = stem.string() + ".out";
    m_errFile = stem.string() + ".err";

    // Opened here rather than in the child, so a failure is reported as such; close-on-exec
    // keeps these copies out of programs other threads start meanwhile.
    const OutputFile out(m_outFile);
    const OutputFile err(m_errFile);
    const ProgramLaunch launch(program, arguments, environment);
    m_started = std::chrono::steady_clock::now();
    m_pid = launch.start(out.descriptor(), err.descriptor());
}

ChildProcess::~ChildProcess()
{
    if (!m_status) {
        kill();
        wait();
    }
    std::error_code ignored;
    std::filesystem::remove(m_outFile, ignored);
    std::filesystem::remove(m_errFile, ignored);
}

bool ChildProcess::hasExited()
{
    if (m_status)
        return true;
    int status = 0;
    const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
    if (done == m_pid) {
        m_status = status;
        m_ended = std::chrono::steady_clock::now();
    }
    return m_status.has_value();
}

bool ChildProcess::kill()
{
    if (hasExited())
        return false;
    return ::kill(m_pid, SIGKILL) == 0;
}

ProcessResult ChildProcess::wait()
{
    if (!m_status) {
        m_status = ProgramLaunch::waitFor(m_pid);
        m_ended = std::chrono::steady_clock::now();
    }
    ProcessResult result;
    if (WIFEXITED(*m_status))
        result.exitCode = WEXITSTATUS(*m_status);
    else if (WIFSIGNALED(*m_status))
        result.signal = WTERMSIG(*m_status);
    result.out = readWhole(m_outFile);
    result.err = readWhole(m_errFile);
    result.elapsed = m_ended - m_started;
    return result;
}

std::optional<long long> ChildProcess::bytesWritten() const
{
    std::ifstream io(fmt::format("/proc/{}/io", m_pid));
    std::string name;
    long long value = 0;
    while (io >> name >> value) {
        if (name == "wchar:")
            return value;
    }
    return std::nullopt;
}

ProcessResult ChildProcess::run(const std::filesystem::path& program,
                                const std::vector<std::string>& arguments,
                                const std::map<std::string, std::string>& environment)
{
    ChildProcess child(program, arguments, environment);
    return child.wait();
}

std::filesystem::path asicledgerBinary()
{
    if (const char* other = std::getenv("ASICLEDGER_HARDENING_CLI"); other && *other)
        return other;
    return ASICLEDGER_CLI_BINARY;
}

std::map<std::string, std::string> cliEnvironment(const std::filesystem::path& ledger,
                                                  const std::string& user)
{
    return {{"ASICLEDGER_DB", ledger.string()},
            {"ASICLEDGER_USER", user},
            {"ASICLEDGER_PASSWORD", user + "-password"},
            {"ASICLEDGER_TODAY", "2026-11-23"},
            {"TZ", "UTC"},
            {"LC_ALL", "C.UTF-8"},
            {"HOME", std::filesystem::temp_directory_path().string()}};
}

bool walWriteLockHeld(const std::filesystem::path& ledger)
{
    return shmByteLocked(ledger, 120);
}

bool walCheckpointLockHeld(const std::filesystem::path& ledger)
{
    return shmByteLocked(ledger, 121);
}

} // namespace asicledger::testing
