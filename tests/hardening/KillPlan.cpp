#include "KillPlan.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <thread>

namespace asicledger::testing {
namespace {

// mt19937's raw output is the same everywhere; the standard's distributions are not.
double uniform(std::mt19937& random, double from, double to)
{
    return from + (to - from) * (static_cast<double>(random()) / 4294967296.0);
}

Milliseconds since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::steady_clock::now() - start;
}

} // namespace

ImportProbe ImportProbe::take(ChildProcess& import, const std::filesystem::path& ledger)
{
    ImportProbe probe;
    probe.running = !import.hasExited();
    probe.bytesWritten = import.bytesWritten().value_or(0);
    probe.writeLock = walWriteLockHeld(ledger);
    probe.checkpointLock = walCheckpointLockHeld(ledger);
    return probe;
}

bool ImportTimeline::complete() const
{
    return lockTaken.count() > 0 && writingStarted > lockTaken && lockReleased > writingStarted &&
           exited >= lockReleased;
}

std::string ImportTimeline::text() const
{
    return fmt::format("write transaction begins at {:.0f} ms, rows start going out at {:.0f} ms, "
                       "commit releases the lock at {:.0f} ms, program ends at {:.0f} ms",
                       lockTaken.count(), writingStarted.count(), lockReleased.count(),
                       exited.count());
}

ImportTimeline ImportTimeline::watch(ChildProcess& import, const std::filesystem::path& ledger)
{
    ImportTimeline timeline;
    bool locked = false;
    while (!import.hasExited()) {
        const auto probe = ImportProbe::take(import, ledger);
        const auto now = since(import.started());
        if (probe.writeLock && !locked) {
            locked = true;
            // Opening the file may take the lock for a moment (SQLite rebuilding its WAL index):
            // the transaction is the lock taken last before rows go out.
            if (timeline.writingStarted.count() == 0)
                timeline.lockTaken = now;
        }
        if (probe.writing() && timeline.writingStarted.count() == 0)
            timeline.writingStarted = now;
        if (!probe.writeLock && locked) {
            locked = false;
            timeline.lockReleased = now;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    timeline.exited = since(import.started());
    if (locked)
        timeline.lockReleased = timeline.exited;
    return timeline;
}

std::vector<PlannedKill> planKills(const ImportTimeline& timeline, int kills, std::mt19937& random)
{
    struct Stage
    {
        const char* aim;
        double share;
        Milliseconds from, to;
    };
    std::vector<Stage> stages;
    if (timeline.complete()) {
        const auto writing = timeline.lockReleased - timeline.writingStarted;
        const auto commitWindow = std::max(Milliseconds(2.0), writing * 0.03);
        stages = {
            {"start-up and reading the file", 0.20, timeline.lockTaken * 0.05, timeline.lockTaken},
            {"checking rows in the transaction", 0.25, timeline.lockTaken, timeline.writingStarted},
            {"writing rows", 0.30, timeline.writingStarted, timeline.lockReleased - commitWindow},
            {"committing", 0.10, timeline.lockReleased - commitWindow, timeline.lockReleased},
            {"after the commit", 0.15, timeline.lockReleased, timeline.exited * 0.995},
        };
    } else {
        // The stages could not be told apart: spread over the whole run.
        stages = {{"anywhere", 1.0, timeline.exited * 0.02, timeline.exited * 0.98}};
    }
    std::vector<PlannedKill> plan;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const auto& stage = stages[i];
        const int count = i + 1 == stages.size() ? kills - static_cast<int>(plan.size())
                                                 : static_cast<int>(stage.share * kills + 0.5);
        for (int k = 0; k < count; ++k)
            plan.push_back(
                {Milliseconds(uniform(random, stage.from.count(), stage.to.count())), stage.aim});
    }
    for (std::size_t i = plan.size(); i > 1; --i)
        std::swap(plan[i - 1], plan[random() % i]);
    return plan;
}

PlannedKill replanEarlier(const PlannedKill& kill, std::mt19937& random)
{
    return {kill.at * uniform(random, 0.5, 0.9), kill.aim + " (drawn again, earlier)"};
}

} // namespace asicledger::testing
