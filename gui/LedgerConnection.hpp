#pragma once

#include "Clock.hpp"
#include "Ledger.hpp"

#include <filesystem>
#include <functional>
#include <memory>

namespace asicledger::gui {

// A connection of its own to an open ledger file, for one worker thread: SQLite connections are not
// shared across threads. It keeps the session's clock alive for as long as it lives, so a worker
// that outlasts the window still has a valid "today".
class LedgerConnection
{
public:
    LedgerConnection(const std::filesystem::path& file, std::shared_ptr<const Clock> clock)
        : m_clock(std::move(clock)), m_ledger(file, *m_clock)
    {}

    Ledger& ledger() { return m_ledger; }

private:
    std::shared_ptr<const Clock> m_clock; // declared first: the ledger refers to it
    Ledger m_ledger;
};

// Opens a new connection; called on the worker thread that will use it.
using ConnectionFactory = std::function<std::unique_ptr<LedgerConnection>()>;

} // namespace asicledger::gui
