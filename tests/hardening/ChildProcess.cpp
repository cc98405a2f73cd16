#include "ChildProcess.hpp"

#include "SanitizerEnvironment.hpp"

#include <atomic>
#include <cerrno>
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

    // Built before fork: the child only calls async-signal-safe functions.
    std::vector<std::string> entries;
    for (const auto& [name, value] : withSanitizerOptions(environment))
        entries.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : entries)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::vector<std::string> words{program.string()};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    const auto outPath = m_outFile.string();
    const auto errPath = m_errFile.string();

    m_started = std::chrono::steady_clock::now();
    m_pid = ::fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 ||
            ::dup2(err, 2) < 0)
            ::_exit(127);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
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
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_status = status;
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

bool walWriteLockHeld(const std::filesystem::path& ledger)
{
    return shmByteLocked(ledger, 120);
}

bool walCheckpointLockHeld(const std::filesystem::path& ledger)
{
    return shmByteLocked(ledger, 121);
}

} // namespace asicledger::testing
