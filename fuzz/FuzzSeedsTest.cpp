// Every fuzz target's seed corpus through the target's entry function, in the normal suite: the
// targets keep compiling, their seeds (and the inputs of past crashes, kept with the seeds) keep
// passing, without clang or libFuzzer. An invariant a target checks aborts this test.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#define ASICLEDGER_FUZZ_ENTRY(name)                                                                \
    extern "C" int asicledgerFuzz_##name(const std::uint8_t* data, std::size_t size);
ASICLEDGER_FUZZ_ENTRY(csv_reader)
ASICLEDGER_FUZZ_ENTRY(import_rows)
ASICLEDGER_FUZZ_ENTRY(crypto_import)
ASICLEDGER_FUZZ_ENTRY(sighting_list)
ASICLEDGER_FUZZ_ENTRY(date)
ASICLEDGER_FUZZ_ENTRY(serial)
ASICLEDGER_FUZZ_ENTRY(decimal)
#undef ASICLEDGER_FUZZ_ENTRY

namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const std::uint8_t*, std::size_t);

const fs::path kRoot = ASICLEDGER_SOURCE_DIR;

// fuzz/corpora.txt: the seed files and directories of each target.
std::vector<fs::path> seedFiles(const std::string& target)
{
    std::ifstream corpora(kRoot / "fuzz/corpora.txt");
    std::string line;
    std::vector<fs::path> files;
    while (std::getline(corpora, line)) {
        std::istringstream words(line);
        std::string name, place;
        if (!(words >> name) || name != target)
            continue;
        while (words >> place) {
            const auto path = kRoot / place;
            if (fs::is_regular_file(path))
                files.push_back(path);
            else if (fs::is_directory(path))
                for (const auto& entry : fs::recursive_directory_iterator(path))
                    if (entry.is_regular_file())
                        files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

void runSeeds(const std::string& target, Entry entry)
{
    const auto files = seedFiles(target);
    ASSERT_FALSE(files.empty()) << "fuzz/corpora.txt gives no seed files for " << target;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        EXPECT_EQ(entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
    }
    // The empty input, which libFuzzer always tries first.
    EXPECT_EQ(entry(nullptr, 0), 0);
}

} // namespace

TEST(FuzzSeeds, CsvReader)
{
    runSeeds("csv_reader", asicledgerFuzz_csv_reader);
}
TEST(FuzzSeeds, ImportRows)
{
    runSeeds("import_rows", asicledgerFuzz_import_rows);
}
TEST(FuzzSeeds, CryptoImport)
{
    runSeeds("crypto_import", asicledgerFuzz_crypto_import);
}
TEST(FuzzSeeds, SightingList)
{
    runSeeds("sighting_list", asicledgerFuzz_sighting_list);
}
TEST(FuzzSeeds, Date)
{
    runSeeds("date", asicledgerFuzz_date);
}
TEST(FuzzSeeds, Serial)
{
    runSeeds("serial", asicledgerFuzz_serial);
}
TEST(FuzzSeeds, Decimal)
{
    runSeeds("decimal", asicledgerFuzz_decimal);
}
