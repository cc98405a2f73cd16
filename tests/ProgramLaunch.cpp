#include "ProgramLaunch.hpp"

#include "SanitizerEnvironment.hpp"

#include <cerrno>
#include <fcntl.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace asicledger::testing {

ProgramLaunch::ProgramLaunch(const std::filesystem::path& program,
                             const std::vector<std::string>& arguments,
                             const std::map<std::string, std::string>& environment)
{
    m_words.push_back(program.string());
    m_words.insert(m_words.end(), arguments.begin(), arguments.end());
    for (const auto& [name, value] : withSanitizerOptions(environment))
        m_entries.push_back(name + "=" + value);
    // Pointers taken only once the vectors are complete, so no reallocation moves the strings.
    for (auto& word : m_words)
        m_argv.push_back(word.data());
    m_argv.push_back(nullptr);
    for (auto& entry : m_entries)
        m_envp.push_back(entry.data());
    m_envp.push_back(nullptr);
}

pid_t ProgramLaunch::start(int out, int err, const std::filesystem::path& directory) const
{
    const std::string dir = directory.string();
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (in < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0 ||
            (!dir.empty() && ::chdir(dir.c_str()) != 0))
            ::_exit(127);
        // dup2 onto the same number keeps close-on-exec (a parent started with 0, 1 or 2 closed
        // hands out those numbers): the three must stay open in the program.
        for (int fd = 0; fd < 3; ++fd)
            ::fcntl(fd, F_SETFD, 0);
        ::execve(m_argv[0], m_argv.data(), m_envp.data());
        ::_exit(127);
    }
    return pid;
}

int ProgramLaunch::waitFor(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace asicledger::testing
