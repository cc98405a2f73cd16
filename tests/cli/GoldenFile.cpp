#include "GoldenFile.hpp"

#include <fstream>
#include <stdexcept>

namespace asicledger::testing {
namespace {

constexpr std::string_view kCommand = "$ ";
constexpr std::string_view kExit = ">>> exit ";
constexpr std::string_view kStderr = ">>>2";
constexpr std::string_view kAnyLines = "...";

void dropTrailingEmpty(std::vector<std::string>& lines)
{
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
}

[[noreturn]] void badFormat(const std::filesystem::path& path, std::size_t line,
                            const std::string& what)
{
    throw std::runtime_error(path.string() + ":" + std::to_string(line) + ": " + what);
}

} // namespace

std::vector<std::string> outputLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::string line;
    for (char c : text) {
        if (c == '\n') {
            lines.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    if (!line.empty())
        lines.push_back(line);
    dropTrailingEmpty(lines);
    return lines;
}

bool linesMatch(const std::vector<std::string>& expected, const std::vector<std::string>& actual)
{
    // match[i][j]: expected[i..] matches actual[j..].
    std::vector<std::vector<char>> match(expected.size() + 1,
                                         std::vector<char>(actual.size() + 1, 0));
    match[expected.size()][actual.size()] = 1;
    for (std::size_t i = expected.size(); i-- > 0;) {
        for (std::size_t j = actual.size() + 1; j-- > 0;) {
            if (expected[i] == kAnyLines)
                match[i][j] = match[i + 1][j] || (j < actual.size() && match[i][j + 1]);
            else
                match[i][j] = j < actual.size() && expected[i] == actual[j] && match[i + 1][j + 1];
        }
    }
    return match[0][0] != 0;
}

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string text;
    for (const auto& line : lines)
        text += line + '\n';
    return text;
}

GoldenFile GoldenFile::read(const std::filesystem::path& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);

    GoldenFile file;
    std::size_t i = 0;
    for (; i < lines.size() && !lines[i].starts_with(kCommand); ++i) {
        if (!lines[i].empty() && !lines[i].starts_with("#"))
            badFormat(path, i + 1, "before the first command only # comments may appear");
        file.description.push_back(lines[i]);
    }
    while (i < lines.size()) {
        GoldenCase golden;
        golden.line = i + 1;
        golden.command = lines[i].substr(kCommand.size());
        // A trailing backslash continues the command, as in the shell.
        while (golden.command.ends_with("\\") && ++i < lines.size())
            golden.command += "\n" + lines[i];
        if (++i >= lines.size() || !lines[i].starts_with(kExit))
            badFormat(path, i + 1, "a command must be followed by '>>> exit N'");
        golden.exitCode = std::stoi(lines[i].substr(kExit.size()));
        ++i;
        std::vector<std::string>* block = &golden.out;
        for (; i < lines.size() && !lines[i].starts_with(kCommand); ++i) {
            if (lines[i] == kStderr && block == &golden.out) {
                golden.err.emplace();
                block = &*golden.err;
                continue;
            }
            block->push_back(lines[i]);
        }
        dropTrailingEmpty(golden.out);
        if (golden.err)
            dropTrailingEmpty(*golden.err);
        file.cases.push_back(std::move(golden));
    }
    if (file.cases.empty())
        badFormat(path, lines.size(), "a golden file needs at least one command");
    return file;
}

void GoldenFile::write(const std::filesystem::path& path) const
{
    std::ofstream out(path);
    for (const auto& line : description)
        out << line << '\n';
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& golden = cases[i];
        out << kCommand << golden.command << '\n' << kExit << golden.exitCode << '\n';
        out << joinLines(golden.out);
        if (golden.err && !golden.err->empty())
            out << kStderr << '\n' << joinLines(*golden.err);
        if (i + 1 < cases.size())
            out << '\n';
    }
}

} // namespace asicledger::testing
