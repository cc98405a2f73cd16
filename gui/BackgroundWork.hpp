#pragma once

#include "LedgerConnection.hpp"
#include "WorkControl.hpp"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <memory>
#include <optional>

namespace asicledger::gui {

// How a piece of background work ended: a value, a failure to rethrow on the UI thread (so the
// page can catch ImportRefused, Refusal... and show the core's words), or a cancellation.
template <class T> struct WorkOutcome
{
    std::optional<T> value;
    std::exception_ptr failure;
    bool cancelled = false;
};

// Runs `work(Ledger&, WorkControl&)` on the thread pool with a ledger connection of its own,
// opened and closed on the worker thread. The outcome is always delivered, even when cancelled,
// so the UI never guesses whether something was written.
template <class T, class Work>
QFuture<WorkOutcome<T>> runInWorker(ConnectionFactory connect, std::shared_ptr<WorkControl> control,
                                    Work work)
{
    return QtConcurrent::run([connect = std::move(connect), control = std::move(control),
                              work = std::move(work)]() mutable {
        WorkOutcome<T> outcome;
        try {
            auto connection = connect();
            outcome.value = work(connection->ledger(), *control);
        } catch (const OperationCancelled&) {
            outcome.cancelled = true;
        } catch (...) {
            outcome.failure = std::current_exception();
        }
        return outcome;
    });
}

} // namespace asicledger::gui
