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

// One planned kill: when, and which stage it aims at.
struct PlannedKill
{
    Milliseconds at{};
    std::string aim;
};

// Spreads `kills` kill times over an import's stages rather than over its wall time, where most
// would land in the long stretches: a fifth before the transaction (start-up, reading the file,
// signing in), a quarter while the file is checked in the transaction, the most while rows are
// written, a few in the last moments before the commit and a few after it (the checkpoint and
// the summary). Times are drawn uniformly inside each stage's window; the order is shuffled.
std::vector<PlannedKill> planKills(const ImportTimeline& timeline, int kills, std::mt19937& random);
// A time drawn again for a kill that came after the program had already finished.
PlannedKill replanEarlier(const PlannedKill& kill, std::mt19937& random);

} // namespace asicledger::testing
