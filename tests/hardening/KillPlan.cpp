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
        KillAnchor anchor;
        Milliseconds from, to; // after the anchor
    };
    std::vector<Stage> stages;
    if (timeline.complete()) {
        const auto writing = timeline.lockReleased - timeline.writingStarted;
        const auto commitWindow = std::max(Milliseconds(2.0), writing * 0.03);
        const auto afterCommit = timeline.exited - timeline.lockReleased;
        stages = {
            {"start-up and reading the file", 0.20, KillAnchor::Start, timeline.lockTaken * 0.05,
             timeline.lockTaken},
            {"checking rows in the transaction", 0.25, KillAnchor::Start, timeline.lockTaken,
             timeline.writingStarted},
            {"writing rows", 0.30, KillAnchor::WritingStarted, Milliseconds(0),
             writing - commitWindow},
            {"committing", 0.10, KillAnchor::WritingStarted, writing - commitWindow, writing},
            {"after the commit", 0.15, KillAnchor::LockReleased, Milliseconds(0),
             afterCommit * 0.9},
        };
    } else {
        // The stages could not be told apart: spread over the whole run.
        stages = {
            {"anywhere", 1.0, KillAnchor::Start, timeline.exited * 0.02, timeline.exited * 0.98}};
    }
    std::vector<PlannedKill> plan;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const auto& stage = stages[i];
        const int count = i + 1 == stages.size() ? kills - static_cast<int>(plan.size())
                                                 : static_cast<int>(stage.share * kills + 0.5);
        for (int k = 0; k < count; ++k)
            plan.push_back({stage.anchor,
                            Milliseconds(uniform(random, stage.from.count(), stage.to.count())),
                            stage.aim});
    }
    for (std::size_t i = plan.size(); i > 1; --i)
        std::swap(plan[i - 1], plan[random() % i]);
    return plan;
}

PlannedKill replanEarlier(const PlannedKill& kill, std::mt19937& random)
{
    const bool again = kill.aim.ends_with("(drawn again, earlier)");
    return {kill.anchor, kill.after * uniform(random, 0.3, 0.7),
            again ? kill.aim : kill.aim + " (drawn again, earlier)"};
}

std::optional<Milliseconds>
awaitKillMoment(ChildProcess& import, const std::filesystem::path& ledger, const PlannedKill& kill)
{
    auto anchor = import.started();
    bool writingSeen = kill.anchor == KillAnchor::Start;
    while (!writingSeen || kill.anchor == KillAnchor::LockReleased) {
        const auto probe = ImportProbe::take(import, ledger);
        if (!probe.running)
            return std::nullopt;
        if (!writingSeen && probe.writing()) {
            writingSeen = true;
            anchor = std::chrono::steady_clock::now();
            if (kill.anchor == KillAnchor::WritingStarted)
                break;
        }
        if (writingSeen && kill.anchor == KillAnchor::LockReleased && !probe.writeLock) {
            anchor = std::chrono::steady_clock::now();
            break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    std::this_thread::sleep_until(anchor +
                                  std::chrono::duration_cast<std::chrono::nanoseconds>(kill.after));
    if (import.hasExited())
        return std::nullopt;
    return since(import.started());
}

} // namespace asicledger::testing
