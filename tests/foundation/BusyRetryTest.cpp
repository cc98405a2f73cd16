// Waiting for another program's lock: a statement refused busy runs again until it gets through
// or a minute has passed, then the person reads why nothing happened instead of SQLite's
// "database is locked". Other errors are never retried.

#include "BusyRetry.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace asicledger {
namespace {

using namespace std::chrono_literals;

TEST(BusyRetry, RunsAgainUntilTheOtherProgramLetsGo)
{
    int attempts = 0;
    retryWhileBusy(5s, [&] {
        if (++attempts < 3)
            throw SQLite::Exception("database is locked", SQLITE_BUSY);
    });
    EXPECT_EQ(attempts, 3);
}

TEST(BusyRetry, ALockedTableIsWaitedForLikeABusyFile)
{
    int attempts = 0;
    retryWhileBusy(5s, [&] {
        if (++attempts < 2)
            throw SQLite::Exception("database table is locked", SQLITE_LOCKED);
    });
    EXPECT_EQ(attempts, 2);
}

TEST(BusyRetry, OtherErrorsAreNotRetried)
{
    int attempts = 0;
    EXPECT_THROW(retryWhileBusy(5s,
                                [&] {
                                    ++attempts;
                                    throw SQLite::Exception("constraint failed", SQLITE_CONSTRAINT);
                                }),
                 SQLite::Exception);
    EXPECT_EQ(attempts, 1);
}

TEST(BusyRetry, AfterTheWaitThePersonIsToldNothingWasWritten)
{
    int attempts = 0;
    try {
        retryWhileBusy(50ms, [&] {
            ++attempts;
            throw SQLite::Exception("database is locked", SQLITE_BUSY);
        });
        FAIL() << "a lock that never goes away must end in LedgerBusy";
    } catch (const LedgerBusy& busy) {
        const std::string message = busy.what();
        EXPECT_NE(message.find("busy"), std::string::npos) << message;
        EXPECT_NE(message.find("nothing was written"), std::string::npos) << message;
        EXPECT_NE(message.find("try again"), std::string::npos) << message;
        EXPECT_EQ(message.find("database is locked"), std::string::npos) << message;
    }
    EXPECT_GT(attempts, 1);
}

} // namespace
} // namespace asicledger
