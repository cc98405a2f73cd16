#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace asicledger::testing {

// One command of a golden file and what it must print and return.
struct GoldenCase
{
    std::size_t line = 0; // of the `$` line, for messages
    std::string command;  // handed to /bin/sh -c
    int exitCode = 0;
    std::vector<std::string> out;                // expected stdout lines
    std::optional<std::vector<std::string>> err; // expected stderr lines; none = must be empty
};

// A .test file (format in tests/cli/README.md): a description, then commands with their expected
// exit code, stdout and stderr, run in order against one ledger.
struct GoldenFile
{
    std::vector<std::string> description;
    std::vector<GoldenCase> cases;

    // Throws std::runtime_error naming the line that breaks the format.
    static GoldenFile read(const std::filesystem::path& path);
    void write(const std::filesystem::path& path) const;
};

// Output split into lines, trailing empty lines dropped.
std::vector<std::string> outputLines(const std::string& text);
// Whether `actual` matches `expected`, where an expected line "..." stands for any number of
// lines (none included).
bool linesMatch(const std::vector<std::string>& expected, const std::vector<std::string>& actual);
std::string joinLines(const std::vector<std::string>& lines);

} // namespace asicledger::testing
