#include "CsvReader.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

std::vector<std::vector<std::string>> cells(const std::vector<CsvRecord>& records)
{
    std::vector<std::vector<std::string>> out;
    for (const auto& record : records)
        out.push_back(record.fields);
    return out;
}

TEST(CsvReader, CommaLfWithQuotedSeparatorsQuotesAndNewlines)
{
    const auto records = CsvReader::readAll("serial,model,note\n"
                                            "A1,\"S19, Pro\",\"said \"\"ok\"\"\"\n"
                                            "A2,M30S,\"two\nlines\"\n"
                                            "A3,M50,last\n");
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(cells(records)[1], (std::vector<std::string>{"A1", "S19, Pro", "said \"ok\""}));
    EXPECT_EQ(cells(records)[2][2], "two\nlines");
    EXPECT_EQ(records[0].line, 1u);
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[2].line, 3u);
    EXPECT_EQ(records[3].line, 5u); // the cell before spans lines 3-4
}

TEST(CsvReader, SemicolonBomCrlfAsExcelInRussianLocaleWrites)
{
    std::vector<CsvRecord> records;
    const char separator =
        CsvReader::read("\xEF\xBB\xBFserial;value\r\nA1;1 234,50\r\n\r\nA2;7\r\n",
                        [&](CsvRecord&& r) { records.push_back(std::move(r)); });
    EXPECT_EQ(separator, ';');
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].fields[0], "serial"); // BOM stripped
    EXPECT_EQ(records[1].fields[1], "1 234,50");
    EXPECT_EQ(records[2].fields[0], "A2");
    EXPECT_EQ(records[2].line, 4u); // the blank line 3 is skipped but counted
}

TEST(CsvReader, SkipsRowsOfEmptyCellsAndReadsALastLineWithoutNewline)
{
    const auto records = CsvReader::readAll("a,b\n,\n;\n1,2");
    ASSERT_EQ(records.size(), 3u); // ";" is one non-empty cell in a comma file
    EXPECT_EQ(records[2].fields, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(records[2].line, 4u);
}

TEST(CsvReader, DetectsTheSeparatorFromTheHeader)
{
    EXPECT_EQ(CsvReader::detectSeparator("a;b;c"), ';');
    EXPECT_EQ(CsvReader::detectSeparator("a,b,c"), ',');
    EXPECT_EQ(CsvReader::detectSeparator("a\tb\tc"), '\t');
    EXPECT_EQ(CsvReader::detectSeparator("\"a;b\",c"), ',');
}

void expectError(std::string_view bytes, std::size_t line, const std::string& words)
{
    try {
        CsvReader::readAll(bytes);
        FAIL() << "expected CsvError for " << bytes;
    } catch (const CsvError& error) {
        EXPECT_EQ(error.line(), line) << error.what();
        EXPECT_NE(std::string(error.what()).find(words), std::string::npos) << error.what();
    }
}

TEST(CsvReader, RefusesWhatIsNotCsvNamingTheLine)
{
    expectError("a,b\n1,2\n3,\"4\n", 3, "never closed");
    expectError("a,b\n1,2\n3,4\"x\"\n", 3, "quote");
    expectError(std::string_view("a,b\n1,\0\n", 8), 2, "NUL");
    expectError("a,b\n1,2\n\xC0\xAF,3\n", 3, "UTF-8");
    expectError("a,b\n\xD0\xBF\xE0\xA4\n", 2, "UTF-8"); // truncated sequence
    expectError("\xFF\xFE"
                "a\0,\0",
                1, "UTF-16");
}

TEST(CsvReader, AcceptsCyrillicText)
{
    const auto records = CsvReader::readAll("name\n\"ТОО «Экибастуз Майнинг»\"\n");
    EXPECT_EQ(records[1].fields[0], "ТОО «Экибастуз Майнинг»");
}

} // namespace
} // namespace asicledger
