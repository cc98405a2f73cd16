#include "Prompt.hpp"

#include "LedgerError.hpp"

#include <csignal>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace asicledger {
namespace {

// The terminal settings to put back if the person presses Ctrl-C while typing a password, so
// their shell does not stay silent.
termios g_saved{};
volatile std::sig_atomic_t g_echoOff = 0;

void restoreAndRaise(int signal)
{
    if (g_echoOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Echo off for as long as it lives.
class EchoOff
{
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &g_saved) != 0)
            return;
        termios quiet = g_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_oldInt = std::signal(SIGINT, restoreAndRaise);
        m_oldTerm = std::signal(SIGTERM, restoreAndRaise);
        g_echoOff = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (g_echoOff)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        g_echoOff = 0;
        std::signal(SIGINT, m_oldInt);
        std::signal(SIGTERM, m_oldTerm);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    void (*m_oldInt)(int) = SIG_DFL;
    void (*m_oldTerm)(int) = SIG_DFL;
};

} // namespace

std::optional<std::string> Prompt::secret(const std::string& question)
{
    std::string answer;
    if (::isatty(STDIN_FILENO)) {
        std::cerr << question << std::flush;
        bool read = false;
        {
            EchoOff quiet;
            read = static_cast<bool>(std::getline(std::cin, answer));
        }
        std::cerr << '\n';
        if (!read)
            return std::nullopt;
    } else if (!std::getline(std::cin, answer)) {
        return std::nullopt;
    }
    if (!answer.empty() && answer.back() == '\r')
        answer.pop_back();
    return answer;
}

std::optional<std::string> Prompt::newSecret(const std::string& question)
{
    const auto first = secret(question);
    if (!first)
        return std::nullopt;
    const auto second = secret("Repeat it: ");
    if (!second)
        return std::nullopt;
    if (*first != *second)
        throw InvalidInput("the two passwords differ: nothing was changed, try again");
    return first;
}

} // namespace asicledger
