#pragma once

#include "ReportDocument.hpp"

#include <filesystem>

namespace asicledger {

// A report as an A4 PDF (cairo + pango, DejaVu Sans, so Cyrillic and Kazakh names render): a
// header block, summary figures, tables that break across pages with their column header repeated,
// signature lines, and a footer on every page with "page N of M" and the journal fingerprint.
// Rows have a fixed height (long cells are cut with an ellipsis), so the pages are counted first
// from the row counts alone, then drawn while the rows stream from the ledger.
class PdfRenderer
{
public:
    static void render(const ReportDocument& document, const std::filesystem::path& file);
    // The pages `render` will produce, computed without drawing or reading any row.
    static int pageCount(const ReportDocument& document);
};

} // namespace asicledger
