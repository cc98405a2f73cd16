#include "JournalQuery.hpp"

#include "EntityRegistry.hpp"
#include "JournalFixture.hpp"
#include "LedgerError.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

class JournalListing : public testing::JournalFixture
{
protected:
    std::vector<JournalEntry> list(const JournalFilter& filter, bool withChanges = false)
    {
        std::vector<JournalEntry> entries;
        JournalQuery(*ledger).forEach(filter, withChanges, [&](const JournalEntry& entry) {
            entries.push_back(entry);
            return true;
        });
        return entries;
    }

    static std::vector<std::int64_t> seqs(const std::vector<JournalEntry>& entries)
    {
        std::vector<std::int64_t> result;
        for (const auto& entry : entries)
            result.push_back(entry.seq);
        return result;
    }
};

TEST_F(JournalListing, EverythingInSequenceOrderWithOrWithoutChanges)
{
    const auto all = list({});
    const auto full = list({}, true);
    ASSERT_EQ(static_cast<std::int64_t>(all.size()), head().seq);
    ASSERT_EQ(full.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i + 1));
        EXPECT_TRUE(all[i].changes.empty());
        EXPECT_FALSE(full[i].changes.empty());
        EXPECT_EQ(Journal::entryHash(full[i]), all[i].hash);
    }
    EXPECT_EQ(all.front().action, "ledger.init");
    EXPECT_EQ(all.back().hash, head().hash);
}

TEST_F(JournalListing, SinceADayTakesThatWholeUtcDayOn)
{
    clock.setToday(Date(2026, 11, 25));
    EntityRegistry(*ledger).add(admin, {"Later LLP", "domestic", "KZ", ""});
    clock.setToday(Date(2026, 11, 26));
    EntityRegistry(*ledger).add(admin, {"Latest LLP", "domestic", "KZ", ""});

    JournalFilter filter;
    filter.since = Date(2026, 11, 25);
    const auto entries = list(filter);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].recordedAt, "2026-11-25T12:00:00Z");
    EXPECT_EQ(entries[1].summary, "added domestic entity Latest LLP (KZ)");
    filter.since = Date(2026, 11, 23);
    EXPECT_EQ(static_cast<std::int64_t>(list(filter).size()), head().seq);
    filter.since = Date(2026, 11, 27);
    EXPECT_TRUE(list(filter).empty());
}

TEST_F(JournalListing, UserIsMatchedWithoutCase)
{
    addUnits({"SN-Q1"});
    JournalFilter filter;
    filter.user = "FINANCE";
    const auto entries = list(filter);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].userName, "finance");
    EXPECT_EQ(entries[0].action, "import");
    filter.user = "finance2";
    EXPECT_TRUE(list(filter).empty()) << "exact name, not a prefix";
}

TEST_F(JournalListing, SerialListsTheEntriesThatChangedThatUnit)
{
    const auto first = addUnits({"SN-Q1", "SN-Q2"}, "DECL-1");
    const auto importSeq = head().seq;
    addUnits({"SN-Q3"}, "DECL-2");
    setStatus(first[1], "stopped");
    const auto stopSeq = head().seq;
    setStatus(first[0], "faulty");
    setStatus(first[1], "running");
    const auto runSeq = head().seq;

    JournalFilter filter;
    filter.serial = "  sn-q2 ";
    const auto entries = list(filter, true);
    EXPECT_EQ(seqs(entries), (std::vector<std::int64_t>{importSeq, stopSeq, runSeq}));
    EXPECT_NE(entries[1].changes.find("\"stopped\""), std::string::npos);

    filter.user = "admin";
    EXPECT_TRUE(list(filter).empty()) << "filters combine";

    filter = {};
    filter.serial = "SN-NOPE";
    EXPECT_THROW(list(filter), NotFound);
}

TEST_F(JournalListing, StopsWhenAsked)
{
    std::vector<std::int64_t> seen;
    JournalQuery(*ledger).forEach({}, false, [&](const JournalEntry& entry) {
        seen.push_back(entry.seq);
        return seen.size() < 3;
    });
    EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3}));
}

} // namespace
} // namespace asicledger
