#pragma once

#include "LedgerError.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

// One spreadsheet row: the physical line of the file it starts on (1-based, as a text editor and,
// without multi-line cells, Excel count) and its cells.
struct CsvRecord
{
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// The file cannot be read as CSV at all; `line` says where.
class CsvError : public InvalidInput
{
public:
    CsvError(std::size_t line, const std::string& message);
    std::size_t line() const { return m_line; }

private:
    std::size_t m_line;
};

// Reads spreadsheet exports with libcsv (strict RFC 4180 quoting): UTF-8 with or without a BOM,
// comma, semicolon (Excel in Russian locales) or tab separated, CRLF or LF, quoted cells holding
// separators, quotes and line breaks. Rows whose cells are all empty are skipped. Refuses, with the
// line, bytes that are not UTF-8, NUL bytes and broken quoting.
class CsvReader
{
public:
    using RecordHandler = std::function<void(CsvRecord&& record)>;

    // Calls `onRecord` for the header and every row, in order. Returns the separator it used.
    static char read(std::string_view bytes, const RecordHandler& onRecord);
    // The whole file at once (small files: reference data, scanner dumps).
    static std::vector<CsvRecord> readAll(std::string_view bytes);
    // Reads a file from disk; throws InvalidInput when it cannot be opened.
    static std::string loadFile(const std::string& path);

    // The separator a header line uses: the most frequent of , ; and tab outside quotes.
    static char detectSeparator(std::string_view firstLine);
};

} // namespace asicledger
