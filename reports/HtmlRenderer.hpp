#pragma once

#include "ReportDocument.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace asicledger {

// A report as one self-contained, printable HTML file: styles inline, no scripts, no external
// resources; on paper A4 with the table headers repeated on every page. Every text is escaped, so
// whatever someone typed (an authority's name with <script> in it) shows as text.
class HtmlRenderer
{
public:
    static void render(const ReportDocument& document, std::ostream& out);
    static std::string escape(std::string_view text);
};

} // namespace asicledger
