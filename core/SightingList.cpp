#include "SightingList.hpp"

#include "CsvReader.hpp"
#include "PlainText.hpp"
#include "Serial.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace asicledger {
namespace {

constexpr std::size_t kProblemsInMessage = 5;

std::string refusalMessage(const std::vector<SightingProblem>& problems)
{
    auto message = fmt::format("the seen-serials file has {} problem{}; nothing was recorded:",
                               problems.size(), problems.size() == 1 ? "" : "s");
    for (std::size_t i = 0; i < problems.size() && i < kProblemsInMessage; ++i) {
        const auto& problem = problems[i];
        message += problem.line ? fmt::format("\n- line {}: {}", problem.line, problem.message)
                                : "\n- " + problem.message;
    }
    if (problems.size() > kProblemsInMessage)
        message += fmt::format("\n- ... and {} more", problems.size() - kProblemsInMessage);
    return message;
}

bool isOneOf(std::string_view cell, std::initializer_list<std::string_view> names)
{
    const auto normal = toLowerAscii(trim(cell));
    return std::find(names.begin(), names.end(), normal) != names.end();
}

bool isSerialHeader(std::string_view cell)
{
    return isOneOf(
        cell, {"serial", "sn", "s/n", "serial number", "serial_number", "serial no", "serial_no"});
}

bool isFindingHeader(std::string_view cell)
{
    return isOneOf(cell, {"finding", "findings", "result", "condition"});
}

bool isComment(std::string_view line)
{
    const auto text = trim(line);
    return !text.empty() && text.front() == '#';
}

// Collects sightings and problems, refusing duplicates against the first line of each serial.
class Collector
{
public:
    void add(std::size_t line, std::string_view serialText, std::string_view findingText)
    {
        std::string why;
        const auto serial = Serial::tryParse(serialText, &why);
        if (!serial) {
            problems.push_back({line, why});
            return;
        }
        auto finding = InspectionFinding::Present;
        if (!trim(findingText).empty()) {
            const auto parsed = parseInspectionFinding(findingText);
            if (!parsed) {
                problems.push_back({line, fmt::format("unknown finding '{}' for {}: use one of {}",
                                                      trim(findingText), serial->text(),
                                                      knownInspectionFindings())});
                return;
            }
            finding = *parsed;
        }
        const auto [first, inserted] = m_firstLine.emplace(serial->text(), line);
        if (!inserted) {
            problems.push_back({line, fmt::format("serial {} is listed again (first on line {}): "
                                                  "keep one line per unit",
                                                  serial->text(), first->second)});
            return;
        }
        sightings.push_back({line, serial->text(), std::nullopt, finding});
    }

    std::vector<Sighting> sightings;
    std::vector<SightingProblem> problems;

private:
    std::map<std::string, std::size_t, std::less<>> m_firstLine;
};

void readScannerDump(std::string_view bytes, Collector& collector)
{
    std::size_t line = 0;
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        ++line;
        const auto newline = bytes.find('\n', offset);
        const auto end = newline == std::string_view::npos ? bytes.size() : newline;
        const auto text = bytes.substr(offset, end - offset);
        offset = end + 1;
        if (trim(text).empty() || isComment(text))
            continue;
        collector.add(line, text, {});
    }
}

void readCsv(std::string_view bytes, std::string_view firstLine, Collector& collector)
{
    // Comment lines become a lone separator: a row of empty cells, which the reader skips, so line
    // numbers stay those of the file and the separator is still detected from the first line.
    const char separator = CsvReader::detectSeparator(firstLine);
    std::string text;
    text.reserve(bytes.size());
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        const auto newline = bytes.find('\n', offset);
        const auto end = newline == std::string_view::npos ? bytes.size() : newline + 1;
        const auto line = bytes.substr(offset, end - offset);
        if (isComment(line) || (text.empty() && trim(line).empty()))
            text += std::string(1, separator) + (newline == std::string_view::npos ? "" : "\n");
        else
            text += line;
        offset = end;
    }

    bool first = true;
    std::size_t serialColumn = 0;
    std::optional<std::size_t> findingColumn = 1;
    bool named = false; // a header named the columns: other columns are the auditor's notes
    CsvReader::read(text, [&](CsvRecord&& record) {
        if (first) {
            first = false;
            const auto serialHeader =
                std::find_if(record.fields.begin(), record.fields.end(), isSerialHeader);
            if (serialHeader != record.fields.end()) {
                named = true;
                serialColumn = static_cast<std::size_t>(serialHeader - record.fields.begin());
                const auto findingHeader =
                    std::find_if(record.fields.begin(), record.fields.end(), isFindingHeader);
                findingColumn =
                    findingHeader == record.fields.end()
                        ? std::nullopt
                        : std::optional<std::size_t>(findingHeader - record.fields.begin());
                return;
            }
        }
        if (!named) {
            const auto cells = std::count_if(record.fields.begin(), record.fields.end(),
                                             [](const auto& cell) { return !trim(cell).empty(); });
            if (record.fields.size() > 2 && cells > 2) {
                collector.problems.push_back(
                    {record.line,
                     fmt::format("{} cells where two are expected (serial, finding): check the "
                                 "separator, or add the header line 'serial,finding'",
                                 cells)});
                return;
            }
        }
        const auto cell = [&](std::optional<std::size_t> column) -> std::string_view {
            return column && *column < record.fields.size() ? record.fields[*column]
                                                            : std::string_view{};
        };
        collector.add(record.line, cell(serialColumn), cell(findingColumn));
    });
}

} // namespace

InspectionRefused::InspectionRefused(std::vector<SightingProblem> problems)
    : InvalidInput(refusalMessage(problems)), m_problems(std::move(problems))
{}

std::vector<Sighting> SightingList::parse(std::string_view bytes)
{
    Collector collector;
    try {
        if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                  (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
            throw CsvError(1, "the file is saved as UTF-16; save it as UTF-8 and record again");
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
            bytes.remove_prefix(3);
        // A scanner that ends lines with a lone CR: its lines counted as an editor counts them.
        const auto normal = withLoneCrsAsLf(bytes);
        if (normal)
            bytes = *normal;
        const auto lineOf = [&](std::size_t offset) {
            return 1 + static_cast<std::size_t>(
                           std::count(bytes.begin(), bytes.begin() + offset, '\n'));
        };
        if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
            throw CsvError(lineOf(nul), "the line holds a NUL byte: this is not a text file");
        if (const auto bad = firstInvalidUtf8(bytes))
            throw CsvError(lineOf(*bad), "the line holds bytes that are not UTF-8: save the file "
                                         "as UTF-8 and record again");

        // The first line that says something decides the form: a scanner never writes separators.
        std::string_view firstLine;
        for (std::size_t offset = 0; offset < bytes.size();) {
            const auto newline = bytes.find('\n', offset);
            const auto end = newline == std::string_view::npos ? bytes.size() : newline;
            const auto line = bytes.substr(offset, end - offset);
            offset = end + 1;
            if (!trim(line).empty() && !isComment(line)) {
                firstLine = line;
                break;
            }
        }
        if (firstLine.find_first_of(",;\t") != std::string_view::npos)
            readCsv(bytes, firstLine, collector);
        else
            readScannerDump(bytes, collector);
    } catch (const CsvError& error) {
        // The problem carries the line itself; drop the "line N: " the reader's message starts
        // with.
        std::string message = error.what();
        const auto prefix = fmt::format("line {}: ", error.line());
        if (message.starts_with(prefix))
            message.erase(0, prefix.size());
        collector.problems.push_back({error.line(), message});
    }
    if (collector.problems.empty() && collector.sightings.empty())
        collector.problems.push_back(
            {1, "the file lists no serials: give the scanner dump or the CSV of serials seen"});
    if (!collector.problems.empty()) {
        std::stable_sort(collector.problems.begin(), collector.problems.end(),
                         [](const auto& a, const auto& b) { return a.line < b.line; });
        throw InspectionRefused(std::move(collector.problems));
    }
    return std::move(collector.sightings);
}

} // namespace asicledger
