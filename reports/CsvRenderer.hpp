#pragma once

#include "ReportDocument.hpp"

#include <ostream>
#include <string>

namespace asicledger {

// A report as a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Cyrillic correctly),
// RFC 4180 quoting and CRLF line ends. The header and summary come first as label,value rows, then
// each table under its title, separated by blank rows. A cell that a spreadsheet would take for a
// formula (= + - @ at its start) gets a leading apostrophe, unless it is a plain number: text
// typed by someone (an inspector's name) must never run as a formula on the reader's machine.
class CsvRenderer
{
public:
    static void render(const ReportDocument& document, std::ostream& out);
    // One cell, neutralised and quoted as needed.
    static std::string cell(const std::string& text);
};

} // namespace asicledger
