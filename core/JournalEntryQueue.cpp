#include "JournalEntryQueue.hpp"

namespace asicledger {

bool JournalEntryQueue::hasRoom() const
{
    const std::lock_guard lock(m_mutex);
    return m_entries.empty() || m_bytes < m_maxBytes;
}

void JournalEntryQueue::push(JournalEntry entry)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_abandoned || m_entries.empty() || m_bytes < m_maxBytes; });
    if (m_abandoned)
        return;
    m_bytes += entry.changes.size();
    m_entries.push_back(std::move(entry));
    m_changed.notify_all();
}

std::optional<JournalEntry> JournalEntryQueue::pop()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_abandoned || m_closed || !m_entries.empty(); });
    if (m_abandoned || m_entries.empty())
        return std::nullopt;
    auto entry = std::move(m_entries.front());
    m_entries.pop_front();
    m_bytes -= entry.changes.size();
    m_changed.notify_all();
    return entry;
}

void JournalEntryQueue::close()
{
    const std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

void JournalEntryQueue::abandon()
{
    const std::lock_guard lock(m_mutex);
    m_abandoned = true;
    m_entries.clear();
    m_bytes = 0;
    m_changed.notify_all();
}

bool JournalEntryQueue::abandoned() const
{
    const std::lock_guard lock(m_mutex);
    return m_abandoned;
}

} // namespace asicledger
