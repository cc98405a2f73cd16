// What an import writes into the journal: grouped insert_rows images (ChangeSetBatch), which
// verify must be able to replay, and which say exactly what was written.

#include "ChangeSetBatch.hpp"
#include "ImportCsv.hpp"
#include "ImportFixture.hpp"
#include "LedgerVerifier.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace asicledger::testing {
namespace {

using nlohmann::json;

class ImportJournalTest : public ImportFixture
{
protected:
    json changesOf(std::int64_t seq)
    {
        SQLite::Statement query(ledger->db(), "SELECT changes FROM journal WHERE seq = ?");
        query.bind(1, seq);
        EXPECT_TRUE(query.executeStep());
        return json::parse(query.getColumn(0).getString());
    }
    std::string failures(const VerificationResult& result)
    {
        std::string text;
        for (const auto& failure : result.failures)
            text += failure + "\n";
        return text;
    }
    // Writes a batch of units of one new shipment in its own journal entry; returns the ids.
    std::vector<std::int64_t> writeBatch(const std::vector<std::vector<SqlValue>>& rows,
                                         const std::vector<std::string>& columns)
    {
        return ledger->write(finance, Permission::RecordFinance, "recording test rows", "import",
                             [&](ChangeSet& changes) {
                                 changes.setSummary("test rows");
                                 ChangeSetBatch batch(changes, "entity", columns);
                                 std::vector<std::int64_t> ids;
                                 for (const auto& row : rows)
                                     ids.push_back(batch.insert(row));
                                 return ids;
                             });
    }
};

TEST_F(ImportJournalTest, AnImportJournalsItsRowsInGroupsOfAtMostAThousand)
{
    ImportCsv csv;
    for (int i = 0; i < 2500; ++i)
        csv.row();
    const auto summary = import(csv.text());
    const auto images = changesOf(summary.journalSeq);

    // The new shipment, then the units in three images, then their events in three.
    ASSERT_EQ(images.size(), 7u) << images.dump(1).substr(0, 2000);
    EXPECT_EQ(images[0]["op"], "insert");
    EXPECT_EQ(images[0]["table"], "shipment");
    const std::vector<std::size_t> sizes{1000, 1000, 500};
    std::int64_t expectedId = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        const auto& image = images[i + 1];
        EXPECT_EQ(image["op"], "insert_rows");
        EXPECT_EQ(image["table"], i < 3 ? "unit" : "unit_event");
        ASSERT_EQ(image["rows"].size(), sizes[i % 3]);
        for (const auto& row : image["rows"])
            ASSERT_EQ(row.size(), image["columns"].size() + 1) << "[id, one value per column]";
        if (i == 3)
            expectedId = 0;
        // Ids follow each other, as the rows were written.
        for (const auto& row : image["rows"]) {
            if (expectedId != 0) {
                EXPECT_EQ(row[0].get<std::int64_t>(), expectedId + 1);
            }
            expectedId = row[0].get<std::int64_t>();
        }
    }

    // A unit's image holds what the unit row holds, column by column.
    const auto& unitImage = images[1];
    const auto& columns = unitImage["columns"];
    const auto& first = unitImage["rows"][0];
    const auto id = first[0].get<std::int64_t>();
    SQLite::Statement stored(ledger->db(), "SELECT * FROM unit WHERE id = ?");
    stored.bind(1, id);
    ASSERT_TRUE(stored.executeStep());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto name = columns[i].get<std::string>();
        const auto value = stored.getColumn(name.c_str());
        if (value.isNull())
            EXPECT_TRUE(first[i + 1].is_null()) << name;
        else if (value.isInteger())
            EXPECT_EQ(first[i + 1].get<std::int64_t>(), value.getInt64()) << name;
        else
            EXPECT_EQ(first[i + 1].get<std::string>(), value.getString()) << name;
    }
    // Every unit_event image row points at a unit of this import.
    EXPECT_EQ(images[4]["columns"][0], "unit_id");
    EXPECT_EQ(images[4]["rows"][0][1].get<std::int64_t>(), id);
}

TEST_F(ImportJournalTest, AGroupedImportVerifiesAndTamperingIsNamed)
{
    ImportCsv csv;
    for (int i = 0; i < 1200; ++i)
        csv.row();
    import(csv.text());
    const auto clean = LedgerVerifier(*ledger).verify();
    EXPECT_TRUE(clean.ok) << failures(clean);

    // Behind the application's back: one unit's model changes in the state.
    const auto id = count("SELECT id FROM unit WHERE serial = 'T-01100'");
    ledger->db().exec(fmt::format("UPDATE unit SET model = 'Antminer S9' WHERE id = {}", id));
    const auto result = LedgerVerifier(*ledger).verify();
    EXPECT_FALSE(result.ok);
    const auto text = failures(result);
    EXPECT_NE(text.find(fmt::format("unit #{}", id)), std::string::npos) << text;
    EXPECT_NE(text.find("model"), std::string::npos) << text;
    EXPECT_NE(text.find("Antminer S9"), std::string::npos) << text;
}

TEST_F(ImportJournalTest, AnEditedGroupedImageBreaksTheHash)
{
    ImportCsv csv;
    for (int i = 0; i < 3; ++i)
        csv.row();
    const auto summary = import(csv.text());
    // Behind the application's back, with the append-only guard put back afterwards.
    auto& db = ledger->db();
    const auto guard =
        db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'journal_no_update'").getString();
    db.exec("DROP TRIGGER journal_no_update");
    db.exec(fmt::format("UPDATE journal SET changes = replace(changes, '\"T-00002\"', "
                        "'\"T-09999\"') WHERE seq = {}",
                        summary.journalSeq));
    EXPECT_EQ(db.getChanges(), 1);
    db.exec(guard);
    const auto result = LedgerVerifier(*ledger).verify();
    EXPECT_FALSE(result.ok);
    EXPECT_NE(failures(result).find("hash does not match"), std::string::npos) << failures(result);
}

TEST_F(ImportJournalTest, BatchValuesRoundTripThroughTheJournal)
{
    // Quotes, backslashes, control characters and Cyrillic survive as JSON.
    const std::vector<std::string> columns{"name", "kind", "jurisdiction", "registration_no"};
    const auto ids = writeBatch({{std::string("ТОО \"Кавычки\" \\ back\tslash\n"),
                                  std::string("domestic"), std::string("KZ"), nullptr},
                                 {std::string("Control \x01 Ltd"), std::string("overseas"),
                                  std::string("SG"), std::string("202034567K")}},
                                columns);
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(ids[1], ids[0] + 1);
    const auto images = changesOf(Journal(ledger->db()).head().seq);
    ASSERT_EQ(images.size(), 1u);
    const auto& image = images[0];
    EXPECT_EQ(image["columns"], json(columns));
    EXPECT_EQ(image["rows"][0],
              json::parse(fmt::format(
                  R"([{},"ТОО \"Кавычки\" \\ back\tslash\n","domestic","KZ",null])", ids[0])));
    EXPECT_EQ(image["rows"][1][1], "Control \x01 Ltd");
    EXPECT_EQ(image["rows"][1][4], "202034567K");
    EXPECT_TRUE(LedgerVerifier(*ledger).verify().ok);
}

TEST_F(ImportJournalTest, AnotherWriteBetweenBatchRowsStartsANewImage)
{
    const auto seq =
        ledger->write(finance, Permission::RecordFinance, "recording test rows", "import",
                      [&](ChangeSet& changes) {
                          changes.setSummary("test rows");
                          ChangeSetBatch batch(changes, "entity", {"name", "kind", "jurisdiction"});
                          batch.insert(std::vector<SqlValue>{
                              std::string("A LLP"), std::string("domestic"), std::string("KZ")});
                          changes.insert("entity", {{"name", std::string("B LLP")},
                                                    {"kind", std::string("domestic")},
                                                    {"jurisdiction", std::string("KZ")}});
                          batch.insert(std::vector<SqlValue>{
                              std::string("C LLP"), std::string("domestic"), std::string("KZ")});
                          return changes.journalSeq();
                      });
    const auto images = changesOf(seq);
    ASSERT_EQ(images.size(), 3u);
    EXPECT_EQ(images[0]["rows"][0][1], "A LLP");
    EXPECT_EQ(images[1]["row"]["name"], "B LLP");
    EXPECT_EQ(images[2]["rows"][0][1], "C LLP");
    EXPECT_TRUE(LedgerVerifier(*ledger).verify().ok);
}

TEST_F(ImportJournalTest, TextThatIsNotUtf8IsRefusedAndNothingIsWritten)
{
    const auto before = state();
    EXPECT_THROW(
        writeBatch({{std::string("Bad \xC0 LLP"), std::string("domestic"), std::string("KZ")}},
                   {"name", "kind", "jurisdiction"}),
        std::invalid_argument);
    EXPECT_EQ(before, state());
    EXPECT_EQ(count("SELECT count(*) FROM entity WHERE name LIKE 'Bad%'"), 0);
}

} // namespace
} // namespace asicledger::testing
