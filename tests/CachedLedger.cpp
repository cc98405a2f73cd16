#include "CachedLedger.hpp"

#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/file.h>
#include <unistd.h>

namespace asicledger::testing {
namespace {

namespace fs = std::filesystem;

constexpr auto kPrefix = "ledger-";

std::string fileBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

// Holds an exclusive flock on `file` while alive; released on every way out, a throw included,
// so a failed build does not leave the other test processes waiting forever.
class CacheLock
{
public:
    explicit CacheLock(const fs::path& file)
        : m_fd(::open(file.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644))
    {
        if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0) {
            if (m_fd >= 0)
                ::close(m_fd);
            throw std::runtime_error("cannot lock " + file.string());
        }
    }
    ~CacheLock() { ::close(m_fd); }
    CacheLock(const CacheLock&) = delete;
    CacheLock& operator=(const CacheLock&) = delete;

private:
    int m_fd;
};

// A fresh directory for one build, removed however the build ends.
class ScratchDirectory
{
public:
    ScratchDirectory()
    {
        std::string pattern = (fs::temp_directory_path() / "asicledger-cache-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("cannot make a scratch directory in " +
                                     fs::temp_directory_path().string());
        m_path = pattern;
    }
    ~ScratchDirectory()
    {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;

    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

} // namespace

std::string cacheKey(const fs::path& program, const std::vector<fs::path>& inputs)
{
    std::string key = std::to_string(fs::file_size(program)) + ":" +
                      std::to_string(fs::last_write_time(program).time_since_epoch().count());
    for (const auto& input : inputs)
        key += "\n" + input.filename().string() + "\n" + fileBytes(input);
    return key;
}

void foldWriteAheadLog(const fs::path& ledger)
{
    {
        SQLite::Database db(ledger.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::error_code noLog;
    const auto logSize = fs::file_size(ledger.string() + "-wal", noLog);
    if (!noLog && logSize > 0)
        throw std::runtime_error("the write-ahead log of " + ledger.string() +
                                 " still holds pages after a checkpoint");
}

fs::path cachedLedger(const fs::path& cacheDirectory, const std::string& key,
                      const std::function<fs::path(const fs::path& directory)>& build)
{
    fs::create_directories(cacheDirectory);
    const auto ledger =
        cacheDirectory / (kPrefix + std::to_string(std::hash<std::string>{}(key)) + ".db");
    const CacheLock lock(cacheDirectory / "lock");
    if (fs::exists(ledger))
        return ledger;

    const ScratchDirectory scratch;
    const auto built = build(scratch.path());
    foldWriteAheadLog(built);
    std::vector<fs::path> stale;
    for (const auto& old : fs::directory_iterator(cacheDirectory))
        if (old.path().filename().string().starts_with(kPrefix))
            stale.push_back(old.path());
    for (const auto& old : stale)
        fs::remove(old);
    const auto partial = ledger.string() + ".tmp";
    fs::copy_file(built, partial);
    fs::rename(partial, ledger);
    return ledger;
}

} // namespace asicledger::testing
