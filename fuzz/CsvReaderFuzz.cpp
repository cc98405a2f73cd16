// The CSV reader over arbitrary bytes: every spreadsheet import starts here.
#include "CsvReader.hpp"
#include "FuzzInput.hpp"

#include <algorithm>

using namespace asicledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto bytes = fuzz::bytesOf(data, size);
    const auto lines = fuzz::lineCount(bytes);
    std::size_t previousLine = 0;
    try {
        const char separator = CsvReader::read(bytes, [&](CsvRecord&& record) {
            // Line numbers are what a clerk is told to look at: within the file, in order.
            fuzz::require(record.line >= 1 && record.line <= lines, "record line outside the file");
            fuzz::require(record.line > previousLine, "record lines not increasing");
            previousLine = record.line;
            fuzz::require(std::any_of(record.fields.begin(), record.fields.end(),
                                      [](const std::string& field) { return !field.empty(); }),
                          "a blank row was passed on");
        });
        fuzz::require(separator == ',' || separator == ';' || separator == '\t',
                      "unknown separator");
    } catch (const CsvError& error) {
        fuzz::require(error.line() >= 1 && error.line() <= lines, "error line outside the file");
    } catch (const InvalidInput&) {
    }
    return 0;
}
