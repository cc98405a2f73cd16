// Runs the golden files in tests/cli/golden against the real `asicledger` binary. Each file gets a
// fresh directory holding a copy of the preamble ledger (tests/cli/preamble.sh, built once and
// cached) and the files of tests/cli/data. See tests/cli/README.md for the format.
// ASICLEDGER_GOLDEN_UPDATE=1 rewrites the commands whose output differs (review the diff!).

#include "CachedLedger.hpp"
#include "GoldenFile.hpp"
#include "ShellCommand.hpp"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <iostream>

namespace asicledger::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kBinary = ASICLEDGER_CLI_BINARY;
const fs::path kTests = ASICLEDGER_CLI_TESTS;
const fs::path kCache = ASICLEDGER_CLI_CACHE;
constexpr auto kPassword = "golden-password";
constexpr auto kToday = "2026-11-23";

std::map<std::string, std::string> goldenEnvironment(const fs::path& directory)
{
    // Nothing inherited: the cases must not depend on who runs them or where.
    return {{"PATH", kBinary.parent_path().string() + ":" + (kTests / "bin").string() +
                         ":/usr/local/bin:/usr/bin:/bin"},
            {"HOME", directory.string()},
            {"ASICLEDGER_DB", "ledger.db"},
            {"ASICLEDGER_USER", "admin"},
            {"ASICLEDGER_PASSWORD", kPassword},
            {"ASICLEDGER_TODAY", kToday},
            {"TZ", "UTC"},
            {"LC_ALL", "C.UTF-8"}};
}

void copyDataFiles(const fs::path& directory)
{
    for (const auto& entry : fs::directory_iterator(kTests / "data"))
        fs::copy_file(entry.path(), directory / entry.path().filename());
}

// A new directory holding the data files (and nothing else).
fs::path newCaseDirectory()
{
    std::string pattern = (fs::temp_directory_path() / "asicledger-golden-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    const fs::path directory = pattern;
    copyDataFiles(directory);
    return directory;
}

// The preamble's ledger, built once per binary, preamble and data, and shared by every test
// process (ctest runs each case in its own): Argon2id sign-ins make it a few seconds' work.
fs::path preambleLedger()
{
    std::vector<fs::path> inputs{kTests / "preamble.sh"};
    for (const auto& entry : fs::directory_iterator(kTests / "data"))
        inputs.push_back(entry.path());
    std::sort(inputs.begin() + 1, inputs.end());
    return cachedLedger(kCache, cacheKey(kBinary, inputs), [](const fs::path& directory) {
        copyDataFiles(directory);
        auto environment = goldenEnvironment(directory);
        environment.erase("ASICLEDGER_USER");
        const auto result =
            runShell("sh '" + (kTests / "preamble.sh").string() + "'", directory, environment);
        if (result.exitCode != 0)
            throw std::runtime_error("the golden preamble failed (exit " +
                                     std::to_string(result.exitCode) + "):\n" + result.out +
                                     result.err);
        return directory / "ledger.db";
    });
}

// The file names (not paths), so ctest's test names stay short.
std::vector<std::string> goldenFiles()
{
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(kTests / "golden"))
        if (entry.path().extension() == ".test")
            files.push_back(entry.path().filename().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string block(const std::string& title, const std::string& text)
{
    return "--- " + title + "\n" + text;
}

class GoldenTest : public ::testing::TestWithParam<std::string>
{};

TEST_P(GoldenTest, OutputMatches)
{
    const auto path = kTests / "golden" / GetParam();
    auto golden = GoldenFile::read(path);
    const auto directory = newCaseDirectory();
    fs::copy_file(preambleLedger(), directory / "ledger.db");
    const auto environment = goldenEnvironment(directory);
    const bool update = std::getenv("ASICLEDGER_GOLDEN_UPDATE") != nullptr;
    bool rewritten = false;

    for (auto& step : golden.cases) {
        const auto result = runShell(step.command, directory, environment);
        const auto out = outputLines(result.out);
        const auto err = outputLines(result.err);
        const auto expectedErr = step.err.value_or(std::vector<std::string>{});
        const bool outOk = linesMatch(step.out, out);
        const bool errOk = linesMatch(expectedErr, err);
        if (update && (result.exitCode != step.exitCode || !outOk || !errOk)) {
            step.exitCode = result.exitCode;
            step.out = out;
            step.err = err.empty() ? std::nullopt : std::optional(err);
            rewritten = true;
            continue;
        }
        const auto where = GetParam() + ":" + std::to_string(step.line) + ": $ " + step.command;
        EXPECT_EQ(result.exitCode, step.exitCode)
            << where << "\n"
            << block("stdout", result.out) << block("stderr", result.err);
        EXPECT_TRUE(outOk) << where << "\n"
                           << block("expected stdout", joinLines(step.out))
                           << block("actual stdout", joinLines(out));
        EXPECT_TRUE(errOk) << where << "\n"
                           << block("expected stderr", joinLines(expectedErr))
                           << block("actual stderr", joinLines(err));
    }
    if (rewritten)
        golden.write(path);
    if (::testing::Test::HasFailure())
        std::cerr << "The case's directory is kept: " << directory << '\n';
    else
        fs::remove_all(directory);
}

INSTANTIATE_TEST_SUITE_P(Cli, GoldenTest, ::testing::ValuesIn(goldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             auto name = fs::path(info.param).stem().string();
                             std::replace_if(
                                 name.begin(), name.end(),
                                 [](char c) {
                                     return !std::isalnum(static_cast<unsigned char>(c));
                                 },
                                 '_');
                             return name;
                         });

} // namespace
} // namespace asicledger::testing
