#pragma once

#include <filesystem>

namespace asicledger {

class Ledger;

// A consistent copy of an open ledger through SQLite's online backup API, safe while others write.
class LedgerBackup
{
public:
    // Refuses to overwrite an existing file.
    static void copyTo(Ledger& ledger, const std::filesystem::path& target);
};

} // namespace asicledger
