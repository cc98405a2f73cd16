#include "CsvReader.hpp"

#include "PlainText.hpp"

#include <algorithm>
#include <csv.h>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <sstream>

namespace asicledger {
namespace {

struct ParseState
{
    const CsvReader::RecordHandler* onRecord = nullptr;
    std::size_t currentLine = 1; // the physical line being fed to libcsv
    std::size_t nextRecordLine = 1;
    CsvRecord record;
};

void onField(void* data, std::size_t length, void* context)
{
    auto& state = *static_cast<ParseState*>(context);
    std::string field(static_cast<const char*>(data), data ? length : 0);
    if (state.record.fields.empty()) {
        // A quoted first cell may span lines: the record began that many lines earlier.
        const auto breaks = static_cast<std::size_t>(std::count(field.begin(), field.end(), '\n'));
        state.record.line = state.currentLine - breaks;
    }
    state.record.fields.push_back(std::move(field));
}

void onRecordEnd(int, void* context)
{
    auto& state = *static_cast<ParseState*>(context);
    const bool blank = std::all_of(state.record.fields.begin(), state.record.fields.end(),
                                   [](const std::string& field) { return field.empty(); });
    if (!blank)
        (*state.onRecord)(std::move(state.record));
    state.record = CsvRecord{};
    state.nextRecordLine = state.currentLine + 1;
}

std::size_t lineOfOffset(std::string_view bytes, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

} // namespace

CsvError::CsvError(std::size_t line, const std::string& message)
    : InvalidInput(fmt::format("line {}: {}", line, message)), m_line(line)
{}

char CsvReader::detectSeparator(std::string_view firstLine)
{
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : firstLine) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return ';';
    if (tabs > commas && tabs > semicolons)
        return '\t';
    return ',';
}

char CsvReader::read(std::string_view bytes, const RecordHandler& handler)
{
    // A CR standing alone ends a line for libcsv; as an LF it ends one for the line count too.
    if (const auto normal = withLoneCrsAsLf(bytes))
        return read(*normal, handler);
    if (bytes.size() >= 2 &&
        ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        throw CsvError(1,
                       "the file is saved as UTF-16; save it as 'CSV UTF-8' and import it again");
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
        throw CsvError(lineOfOffset(bytes, nul),
                       "the line holds a NUL byte: this is not a text file; "
                       "export the sheet as CSV and import it again");
    if (const auto bad = firstInvalidUtf8(bytes))
        throw CsvError(
            lineOfOffset(bytes, *bad),
            "the line holds bytes that are not UTF-8 (perhaps Windows-1251): save the sheet "
            "as 'CSV UTF-8' and import it again");

    const char separator = detectSeparator(bytes.substr(0, bytes.find('\n')));
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        throw std::bad_alloc();
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser,
                                                             [](csv_parser* p) { csv_free(p); });
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
    // libcsv grows a field's buffer by this many bytes at a time (128 by default): a 10 MB cell
    // would be copied some 80,000 times, which is quadratic wherever realloc cannot grow in place.
    csv_set_blk_size(&parser, 256 * 1024);

    ParseState state;
    state.onRecord = &handler;
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        const auto newline = bytes.find('\n', offset);
        const auto end = newline == std::string_view::npos ? bytes.size() : newline + 1;
        const auto chunk = bytes.substr(offset, end - offset);
        if (csv_parse(&parser, chunk.data(), chunk.size(), onField, onRecordEnd, &state) !=
            chunk.size())
            throw CsvError(
                state.currentLine,
                "a quote is out of place (a cell with quotes must be wholly quoted, and a "
                "quote inside it doubled as \"\"): fix the cell and import again");
        offset = end;
        if (newline != std::string_view::npos)
            ++state.currentLine;
    }
    if (csv_fini(&parser, onField, onRecordEnd, &state) != 0)
        throw CsvError(state.record.line ? state.record.line : state.nextRecordLine,
                       "a quoted cell opened on this line or later is never closed: the file ends "
                       "inside quotes");
    return separator;
}

std::vector<CsvRecord> CsvReader::readAll(std::string_view bytes)
{
    std::vector<CsvRecord> records;
    read(bytes, [&](CsvRecord&& record) { records.push_back(std::move(record)); });
    return records;
}

std::string CsvReader::loadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InvalidInput(
            fmt::format("cannot open {}: check the path and that you may read it", path));
    std::ostringstream contents;
    contents << in.rdbuf();
    return std::move(contents).str();
}

} // namespace asicledger
