#pragma once

#include "Journal.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace asicledger {

// Journal entries handed from the thread that reads them out of SQLite to the thread that checks
// them, with at most about `maxBytes` of row images waiting (one entry, however large, always
// fits), so the reader never holds the journal in memory.
class JournalEntryQueue
{
public:
    explicit JournalEntryQueue(std::size_t maxBytes) : m_maxBytes(maxBytes) {}

    // True when push() would not wait.
    bool hasRoom() const;
    // Waits for room; drops the entry if the queue was abandoned.
    void push(JournalEntry entry);
    // The next entry; waits for one. Nothing once closed and empty, or abandoned.
    std::optional<JournalEntry> pop();
    // No more entries will come; pop() still hands out those waiting.
    void close();
    // One side stopped on an error: nobody waits any more, the entries waiting are dropped.
    void abandon();
    bool abandoned() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<JournalEntry> m_entries;
    std::size_t m_bytes = 0;
    std::size_t m_maxBytes;
    bool m_closed = false;
    bool m_abandoned = false;
};

} // namespace asicledger
