#include "LedgerBackup.hpp"

#include "EntityRegistry.hpp"
#include "JournalFixture.hpp"
#include "LedgerError.hpp"

#include <SQLiteCpp/Statement.h>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <thread>

namespace asicledger {
namespace {

using testing::failureText;

class Backup : public testing::JournalFixture
{
protected:
    // Opens the copy as a ledger and checks it verifies; returns its head.
    JournalHead openAndVerify(const std::filesystem::path& path)
    {
        Ledger copy(path, clock);
        const auto result = LedgerVerifier(copy).verify();
        EXPECT_TRUE(result.ok) << failureText(result);
        return Journal(copy.db()).head();
    }

    std::string hashAt(std::int64_t seq)
    {
        SQLite::Statement query(ledger->db(), "SELECT hash FROM journal WHERE seq = ?");
        query.bind(1, seq);
        return query.executeStep() ? query.getColumn(0).getString() : std::string();
    }

    testing::TemporaryFile target{".backup.ledger"};
};

TEST_F(Backup, QuietLedgerCopiesWithTheSameHead)
{
    addUnits({"SN-K1", "SN-K2"});
    LedgerBackup::copyTo(*ledger, target.path());
    const auto copied = openAndVerify(target.path());
    EXPECT_EQ(copied.text(), head().text());
}

TEST_F(Backup, NeverOverwritesAFile)
{
    std::ofstream(target.path()) << "the auditor's notes";
    EXPECT_THROW(LedgerBackup::copyTo(*ledger, target.path()), Refusal);
    std::ifstream in(target.path());
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "the auditor's notes");
    EXPECT_THROW(LedgerBackup::copyTo(*ledger, ledger->file()), Refusal);
}

TEST_F(Backup, TakenWhileAnotherConnectionKeepsWritingIsConsistent)
{
    // A ledger of a few thousand pages, so the copy takes many steps.
    std::vector<std::string> serials;
    for (int i = 0; i < 30'000; ++i)
        serials.push_back(fmt::format("SN-BULK-{:06}", i));
    addUnits(serials);

    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::string writerError;
    std::thread writer([&] {
        try {
            Ledger other(file.path(), clock);
            EntityRegistry entities(other);
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            for (int i = 0; !stop && std::chrono::steady_clock::now() < until; ++i) {
                entities.add(admin, {fmt::format("Concurrent {} LLP", i), "domestic", "KZ", ""});
                ++written;
            }
        } catch (const std::exception& error) {
            writerError = error.what();
        }
    });
    while (written < 5 && writerError.empty())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const auto before = head();
    const int writtenBefore = written;
    LedgerBackup::copyTo(*ledger, target.path());
    const int writtenDuring = written - writtenBefore;
    stop = true;
    writer.join();
    ASSERT_TRUE(writerError.empty()) << writerError;
    EXPECT_GT(writtenDuring, 0) << "the writer should not have been held up by the backup";

    const auto copied = openAndVerify(target.path());
    EXPECT_GE(copied.seq, before.seq);
    EXPECT_EQ(copied.hash, hashAt(copied.seq)) << "the copy is a moment of this ledger";
    EXPECT_LT(copied.seq, head().seq) << "the writer went on after the copy";
    EXPECT_TRUE(LedgerVerifier(*ledger).verify().ok);
}

} // namespace
} // namespace asicledger
