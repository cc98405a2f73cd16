#pragma once

#include "LedgerError.hpp"

#include <SQLiteCpp/Exception.h>
#include <chrono>
#include <sqlite3.h>
#include <thread>

namespace asicledger {

// True for the SQLite errors that mean another connection holds a lock this one needs.
inline bool isBusy(const SQLite::Exception& error)
{
    const int code = error.getErrorCode() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

// Runs `work` again while another program's lock stands in its way, for up to `wait`; then
// throws LedgerBusy. The connection's busy timeout covers most waits, but SQLite answers
// SQLITE_BUSY at once, without waiting, where waiting could deadlock: two programs turning a new
// file to WAL together, a read that must become a write. `work` must be safe to run again: a
// statement that failed busy has changed nothing.
template <typename Work> void retryWhileBusy(std::chrono::steady_clock::duration wait, Work&& work)
{
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        try {
            work();
            return;
        } catch (const SQLite::Exception& error) {
            if (!isBusy(error))
                throw;
            if (std::chrono::steady_clock::now() >= deadline)
                throw LedgerBusy();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
}

} // namespace asicledger
