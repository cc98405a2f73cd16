#include "ReportWriter.hpp"

#include "CsvRenderer.hpp"
#include "HtmlRenderer.hpp"
#include "LedgerError.hpp"
#include "PdfRenderer.hpp"
#include "PlainText.hpp"

#include <fmt/format.h>
#include <fstream>
#include <unistd.h>
#include <vector>

namespace asicledger {

std::optional<ReportFormat> parseReportFormat(std::string_view text)
{
    const auto name = toLowerAscii(trim(text));
    if (name == "pdf")
        return ReportFormat::Pdf;
    if (name == "html" || name == "htm")
        return ReportFormat::Html;
    if (name == "csv")
        return ReportFormat::Csv;
    return std::nullopt;
}

std::string_view toText(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return "pdf";
    case ReportFormat::Html:
        return "html";
    case ReportFormat::Csv:
        return "csv";
    }
    return "pdf";
}

void ReportWriter::write(const ReportDocument& document, ReportFormat format,
                         const std::filesystem::path& file)
{
    auto partial = file;
    partial += fmt::format(".partial-{}", ::getpid());
    try {
        if (format == ReportFormat::Pdf) {
            PdfRenderer::render(document, partial);
        } else {
            // Large buffered writes: a 50,000-row register is a few megabytes. The buffer is
            // declared first so that it outlives the stream's final flush.
            std::vector<char> buffer(1 << 16);
            std::ofstream out;
            out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            out.open(partial, std::ios::binary | std::ios::trunc);
            if (!out)
                throw LedgerError(fmt::format("cannot write the report to {}: check that the "
                                              "folder exists and that you may write there",
                                              file.string()));
            if (format == ReportFormat::Html)
                HtmlRenderer::render(document, out);
            else
                CsvRenderer::render(document, out);
            out.flush();
            if (!out)
                throw LedgerError(fmt::format("writing the report to {} failed (is the disk full?)",
                                              file.string()));
        }
        std::filesystem::rename(partial, file);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
}

} // namespace asicledger
