#pragma once

#include "ChildProcess.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace asicledger::testing {

using Milliseconds = std::chrono::duration<double, std::milli>;

// Where an import stands at one moment, seen from outside: does it hold the ledger's write lock,
// has it started writing pages, is a checkpoint running.
struct ImportProbe
{
    bool writeLock = false;
    bool checkpointLock = false;
    long long bytesWritten = 0;
    bool running = true;

    static ImportProbe take(ChildProcess& import, const std::filesystem::path& ledger);
    // More than this many bytes written means rows are going out to the WAL (the import writes
    // nothing else before it ends: no progress line when stderr is not a terminal).
    static constexpr long long kWritingThreshold = 64 * 1024;
    bool writing() const { return writeLock && bytesWritten > kWritingThreshold; }
};

// When an uninterrupted import reached each stage, from its start, watched every half
// millisecond: the write transaction begins (BEGIN IMMEDIATE, then the file is checked inside it),
// rows start going out to the WAL, the commit releases the lock, and the program ends (after
// its closing checkpoint and the summary).
struct ImportTimeline
{
    Milliseconds lockTaken{};
    Milliseconds writingStarted{};
    Milliseconds lockReleased{};
    Milliseconds exited{};
    bool complete() const;
    std::string text() const;

    static ImportTimeline watch(ChildProcess& import, const std::filesystem::path& ledger);
};

// The moment a kill is timed from: the program's start, or a stage boundary seen in the very run
// that is to be killed. Timing the late stages from their own boundary keeps the kill in its
// stage when this run is faster or slower than the timed one (seen on CI: an uninterrupted run of
// ~10 s, then runs of 6.6 s, and kills timed from the start came after the program had ended).
enum class KillAnchor
{
    Start,          // the program started
    WritingStarted, // rows started going out to the WAL
    LockReleased,   // the commit released the write lock (after rows went out)
};

// One planned kill: which stage it aims at, and how long after its anchor it comes.
struct PlannedKill
{
    KillAnchor anchor = KillAnchor::Start;
    Milliseconds after{};
    std::string aim;
};

// Spreads `kills` kill times over an import's stages rather than over its wall time, where most
// would land in the long stretches: a fifth before the transaction (start-up, reading the file,
// signing in), a quarter while the file is checked in the transaction, the most while rows are
// written, a few in the last moments before the commit and a few after it (the checkpoint and
// the summary). Times are drawn uniformly inside each stage's window; the order is shuffled.
std::vector<PlannedKill> planKills(const ImportTimeline& timeline, int kills, std::mt19937& random);
// A time drawn again, closer to its anchor, for a kill that came after the program had ended.
PlannedKill replanEarlier(const PlannedKill& kill, std::mt19937& random);

// Watches `import` until the kill's anchor has happened, then waits `after` longer. Returns the
// time since the program's start at that moment, or nothing if the program ended first.
std::optional<Milliseconds>
awaitKillMoment(ChildProcess& import, const std::filesystem::path& ledger, const PlannedKill& kill);

} // namespace asicledger::testing
