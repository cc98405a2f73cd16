#include "HostileLedger.hpp"

#include "CachedLedger.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace asicledger::testing {
namespace fs = std::filesystem;

namespace {
const fs::path kBinary = ASICLEDGER_CLI_BINARY;
const fs::path kCliTests = ASICLEDGER_CLI_TESTS;
const fs::path kCache = ASICLEDGER_HOSTILE_CACHE;

// Nothing inherited: the cases must not depend on who runs them or where.
std::map<std::string, std::string> environmentFor(const fs::path& directory)
{
    return {{"PATH", kBinary.parent_path().string() + ":/usr/local/bin:/usr/bin:/bin"},
            {"HOME", directory.string()},
            {"ASICLEDGER_DB", "ledger.db"},
            {"ASICLEDGER_USER", "admin"},
            {"ASICLEDGER_PASSWORD", "golden-password"},
            {"ASICLEDGER_TODAY", "2026-11-23"},
            {"TZ", "UTC"},
            {"LC_ALL", "C.UTF-8"}};
}

fs::path newDirectory()
{
    static int made = 0;
    const auto directory =
        fs::temp_directory_path() /
        ("asicledger-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
    fs::remove_all(directory);
    fs::create_directories(directory);
    return directory;
}

// The preamble's ledger, made once per build of the binary and shared by every test process
// (ctest runs each case in its own; Argon2id sign-ins make the preamble seconds of work).
fs::path preambleLedger()
{
    const auto shipment = kCliTests / "data" / "shipment.csv";
    const auto key = cacheKey(kBinary, {kCliTests / "preamble.sh", shipment});
    return cachedLedger(kCache, key, [&shipment](const fs::path& directory) {
        fs::copy_file(shipment, directory / "shipment.csv");
        auto environment = environmentFor(directory);
        environment.erase("ASICLEDGER_USER");
        const auto made =
            runShell("sh '" + (kCliTests / "preamble.sh").string() + "'", directory, environment);
        if (made.exitCode != 0)
            throw std::runtime_error("the preamble failed: " + made.err);
        return directory / "ledger.db";
    });
}
} // namespace

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

HostileLedger::HostileLedger()
{
    const auto preamble = preambleLedger();
    m_directory = newDirectory();
    m_environment = environmentFor(m_directory);
    fs::copy_file(preamble, ledgerFile());
}

HostileLedger::~HostileLedger()
{
    std::error_code ignored;
    fs::remove_all(m_directory, ignored);
}

ShellResult HostileLedger::run(const std::string& command) const
{
    return runShell(command, m_directory, m_environment);
}

std::string HostileLedger::settledBytes() const
{
    foldWriteAheadLog(ledgerFile());
    return readBytes(ledgerFile());
}

std::uintmax_t HostileLedger::walSize() const
{
    std::error_code error;
    const auto size = fs::file_size(fs::path(ledgerFile().string() + "-wal"), error);
    return error ? 0 : size;
}

} // namespace asicledger::testing
