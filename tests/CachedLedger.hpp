#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace asicledger::testing {

// Folds the write-ahead log of `ledger` into the main file (SQLite removes or empties the -wal),
// so the main file alone is the whole ledger; throws when pages stay behind.
void foldWriteAheadLog(const std::filesystem::path& ledger);

// What a cached ledger was made from: the program's size and modification time (a rebuild changes
// them) and each input file's name and bytes. A change to any of them makes a new key.
std::string cacheKey(const std::filesystem::path& program,
                     const std::vector<std::filesystem::path>& inputs);

// A ledger built once per key and shared by every test process that asks for it (ctest runs each
// case in its own process, and a preamble of Argon2id sign-ins is seconds of work). Under a lock
// on `cacheDirectory` the first caller runs `build` in a fresh scratch directory; `build` returns
// the ledger file it made there. Its write-ahead log is folded into the file, so callers copy one
// file; it is swapped in whole (a reader never sees half a copy) and ledgers of older keys are
// removed. Returns the cached file; callers copy it before writing to it.
std::filesystem::path cachedLedger(
    const std::filesystem::path& cacheDirectory, const std::string& key,
    const std::function<std::filesystem::path(const std::filesystem::path& directory)>& build);

} // namespace asicledger::testing
