#include "JournalFixture.hpp"
#include "RowImages.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace asicledger {
namespace {

using testing::failureText;
using testing::namesAll;

// What RowImages hands on, flattened to text so a test can compare it with what it wrote.
struct Read
{
    std::vector<std::string> images;
    std::vector<std::string> problems;
};

Read read(std::string_view changes)
{
    Read result;
    RowImages::forEach(
        changes,
        [&](const RowImage& image) {
            std::string line = fmt::format("{} {} #{}:", image.op, image.table, image.id);
            for (std::size_t i = 0; i < image.columns.size(); ++i) {
                line += fmt::format(" {}=", image.columns[i]);
                if (!image.before.empty())
                    line += RowImages::shown(image.before[i]) + "->";
                line += RowImages::shown(image.after[i]);
            }
            result.images.push_back(line);
        },
        [&](const std::string& problem) { result.problems.push_back(problem); });
    return result;
}

TEST(RowImages, PerRowImagesAsChangeSetWritesThem)
{
    const auto result = read(R"([
{"id":7,"op":"insert","row":{"model":"S21","power_w":3500,"beneficial_owner_id":null},"table":"unit"},
{"after":{"site_id":2,"status":"stopped"},"before":{"status":"running","site_id":1},"id":7,"op":"update","table":"unit"}
])");
    EXPECT_TRUE(result.problems.empty()) << result.problems.front();
    ASSERT_EQ(result.images.size(), 2u);
    EXPECT_EQ(result.images[0],
              "insert unit #7: model=\"S21\" power_w=3500 beneficial_owner_id=null");
    // `before` is matched to `after` by column name, whatever order it was written in.
    EXPECT_EQ(result.images[1], "update unit #7: site_id=1->2 status=\"running\"->\"stopped\"");
}

TEST(RowImages, GroupedImagesArriveRowByRowInEitherKeyOrder)
{
    // As the bulk writer writes them (rows last), and as a JSON tool would re-sort the keys
    // (rows before the columns and the table they belong to).
    const auto result = read(R"([
{"op":"insert_rows","table":"unit","columns":["serial","power_w"],"rows":[[1,"A",10],[2,"B",null]]},
{"columns":["status"],"op":"update_rows","rows":[[2,"running","faulty"]],"table":"unit"},
{"rows":[[3,"C",30]],"table":"unit","op":"insert_rows","columns":["serial","power_w"]}
])");
    EXPECT_TRUE(result.problems.empty()) << result.problems.front();
    EXPECT_EQ(result.images,
              (std::vector<std::string>{"insert unit #1: serial=\"A\" power_w=10",
                                        "insert unit #2: serial=\"B\" power_w=null",
                                        "update unit #2: status=\"running\"->\"faulty\"",
                                        "insert unit #3: serial=\"C\" power_w=30"}));
}

TEST(RowImages, EscapesAreDecoded)
{
    const auto result = read(
        R"([{"op":"insert_rows","table":"entity","columns":["name"],"rows":[[1,"ТОО \"Алтын\"\\ \u0410\ud83d\ude00\n"]]}])");
    EXPECT_TRUE(result.problems.empty()) << result.problems.front();
    ASSERT_EQ(result.images.size(), 1u);
    EXPECT_EQ(result.images[0], "insert entity #1: name=\"ТОО \"Алтын\"\\ А😀\n\"");
}

TEST(RowImages, ValuesTheLedgerNeverWritesAreKeptAsWritten)
{
    const auto result = read(
        R"([{"op":"insert","table":"unit","id":1,"row":{"a":1.5,"b":true,"c":[1],"d":9223372036854775808,"e":-9223372036854775808}}])");
    EXPECT_TRUE(result.problems.empty()) << result.problems.front();
    ASSERT_EQ(result.images.size(), 1u);
    EXPECT_EQ(result.images[0],
              "insert unit #1: a=1.5 b=true c=[1] d=9223372036854775808 e=-9223372036854775808");
}

TEST(RowImages, ABadImageIsReportedAndTheRestStillRead)
{
    const auto result = read(R"([
{"op":"insert_rows","table":"unit","columns":["serial","power_w"],"rows":[[1,"A"],["x","B",2],[3,"C",30]]},
{"op":"insert","table":"unit","row":{"serial":"D"}},
{"op":"update","table":"unit","id":4,"before":{},"after":{"status":"x"}},
5,
{"id":6,"op":"insert","table":"unit","row":{"serial":"F"}}
])");
    EXPECT_EQ(result.images, (std::vector<std::string>{"insert unit #3: serial=\"C\" power_w=30",
                                                       "insert unit #6: serial=\"F\""}));
    ASSERT_EQ(result.problems.size(), 5u);
    EXPECT_NE(result.problems[0].find("row 1 of its insert_rows of unit has 2 values"),
              std::string::npos)
        << result.problems[0];
    EXPECT_NE(result.problems[1].find("does not start with the row id"), std::string::npos);
    EXPECT_NE(result.problems[2].find("no row id"), std::string::npos) << result.problems[2];
    EXPECT_NE(result.problems[3].find("no value before for status"), std::string::npos);
    EXPECT_NE(result.problems[4].find("it is 5, not an object"), std::string::npos);
}

TEST(RowImages, TextThatIsNotAListOfImagesEndsTheReading)
{
    auto result = read(R"([{"id":1,"op":"insert","table":"unit","row":{}}, {"id":2,)");
    EXPECT_EQ(result.images.size(), 1u);
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_NE(result.problems[0].find("cannot be read (at character"), std::string::npos)
        << result.problems[0];

    result = read(R"({"id":1,"op":"insert","table":"unit","row":{}})");
    EXPECT_EQ(result.problems, std::vector<std::string>{"its row images are not a list"});
    result = read(R"([] extra)");
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_NE(result.problems[0].find("more text after the end"), std::string::npos);
    result = read(std::string(1000, '['));
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_NE(result.problems[0].find("cannot be read"), std::string::npos);
}

// An entry written by the bulk writer: verify must read it, and prove exactly as much with it.
class GroupedVerify : public testing::JournalFixture
{
protected:
    // Rewrites entry `seq` as the bulk writer writes it: the writes of each table together, in
    // their order (the tables are replayed apart, so only the order within a table matters), a
    // run of inserts with the same columns as one insert_rows image. Then re-chains every hash
    // from that entry on.
    void groupEntry(std::int64_t seq)
    {
        auto db = raw();
        auto changes = nlohmann::json::parse(
            db.execAndGet(fmt::format("SELECT changes FROM journal WHERE seq = {}", seq))
                .getString());
        std::stable_sort(
            changes.begin(), changes.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
                return a.at("table").get<std::string>() < b.at("table").get<std::string>();
            });
        auto grouped = nlohmann::json::array();
        for (const auto& image : changes) {
            if (image.at("op") != "insert") {
                grouped.push_back(image);
                continue;
            }
            auto columns = nlohmann::json::array();
            auto row = nlohmann::json::array({image.at("id")});
            for (const auto& [name, value] : image.at("row").items()) {
                columns.push_back(name);
                row.push_back(value);
            }
            if (grouped.empty() || grouped.back().at("op") != "insert_rows" ||
                grouped.back().at("table") != image.at("table") ||
                grouped.back().at("columns") != columns)
                grouped.push_back({{"op", "insert_rows"},
                                   {"table", image.at("table")},
                                   {"columns", columns},
                                   {"rows", nlohmann::json::array()}});
            grouped.back()["rows"].push_back(row);
        }
        ASSERT_LT(grouped.size(), changes.size()) << "nothing was grouped";
        SQLite::Statement update(db, "UPDATE journal SET changes = ? WHERE seq = ?");
        update.bind(1, grouped.dump());
        update.bind(2, seq);
        const auto guard =
            db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'journal_no_update'")
                .getString();
        db.exec("DROP TRIGGER journal_no_update");
        update.exec();
        std::string previous =
            db.execAndGet(fmt::format("SELECT hash FROM journal WHERE seq = {}", seq - 1))
                .getString();
        SQLite::Statement entries(db, "SELECT seq, recorded_at, user_name, action, summary, "
                                      "reason, changes FROM journal WHERE seq >= ? ORDER BY seq");
        entries.bind(1, seq);
        std::vector<JournalEntry> rewritten;
        while (entries.executeStep()) {
            JournalEntry entry;
            entry.seq = entries.getColumn(0).getInt64();
            entry.recordedAt = entries.getColumn(1).getString();
            entry.userName = entries.getColumn(2).getString();
            entry.action = entries.getColumn(3).getString();
            entry.summary = entries.getColumn(4).getString();
            entry.reason = entries.getColumn(5).getString();
            entry.changes = entries.getColumn(6).getString();
            entry.prevHash = previous;
            entry.hash = Journal::entryHash(entry);
            previous = entry.hash;
            rewritten.push_back(entry);
        }
        entries.reset();
        SQLite::Statement chain(db, "UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?");
        for (const auto& entry : rewritten) {
            chain.reset();
            chain.bind(1, entry.prevHash);
            chain.bind(2, entry.hash);
            chain.bind(3, entry.seq);
            chain.exec();
        }
        db.exec(guard);
    }
};

TEST_F(GroupedVerify, GroupedImportVerifiesAndTamperingIsStillNamed)
{
    const auto units = addUnits({"SN-G1", "SN-G2", "SN-G3"});
    const auto importSeq = head().seq;
    setStatus(units[1], "stopped");
    groupEntry(importSeq);
    ASSERT_NE(raw()
                  .execAndGet(fmt::format("SELECT instr(changes, 'insert_rows') FROM journal "
                                          "WHERE seq = {}",
                                          importSeq))
                  .getInt64(),
              0);
    const auto clean = verify();
    EXPECT_TRUE(clean.ok) << failureText(clean);

    tamper("UPDATE unit SET model = 'Antminer S9' WHERE serial = 'SN-G3'");
    auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {fmt::format("unit #{} (serial SN-G3)", units[2]), "model",
                                  "'Antminer S9' in the ledger", "changed behind"}))
        << failureText(result);

    tamper("UPDATE unit SET model = 'Antminer S19 Pro' WHERE serial = 'SN-G3'");
    EXPECT_TRUE(verify().ok) << failureText(verify());
    tamper(fmt::format("DELETE FROM unit WHERE id = {}", units[0]));
    result = verify();
    EXPECT_TRUE(namesAll(
        result, {fmt::format("unit #{} (serial SN-G1)", units[0]), "not in the ledger", "deleted"}))
        << failureText(result);
}

} // namespace
} // namespace asicledger
