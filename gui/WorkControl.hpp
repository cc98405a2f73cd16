#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <utility>

namespace asicledger::gui {

// Thrown from a core progress callback when the person pressed Cancel. The core's transaction is
// unwinding through it, so everything the work had begun is rolled back and nothing is written.
// Private to the GUI: the core never sees it as anything but an exception passing through.
class OperationCancelled final : public std::exception
{
public:
    const char* what() const noexcept override { return "cancelled"; }
};

// What the UI thread and one worker share about long work: how far it is, and whether the person
// asked to stop. Atomics only, so either side may touch it at any time; the UI polls it.
class WorkControl
{
public:
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

    // Called by the worker (from a core progress callback): records progress, and throws
    // OperationCancelled once cancel() was called.
    void report(std::int64_t done, std::int64_t total)
    {
        m_done.store(done);
        m_total.store(total);
        if (isCancelled())
            throw OperationCancelled();
    }

    std::pair<std::int64_t, std::int64_t> progress() const
    {
        return {m_done.load(), m_total.load()};
    }

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<std::int64_t> m_done{0};
    std::atomic<std::int64_t> m_total{0};
};

} // namespace asicledger::gui
