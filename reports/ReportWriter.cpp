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

namespace {

void render(const ReportDocument& document, ReportFormat format, const std::filesystem::path& into,
            const std::filesystem::path& named)
{
    if (format == ReportFormat::Pdf) {
        PdfRenderer::render(document, into);
        return;
    }
    // Large buffered writes: a 50,000-row register is a few megabytes. The buffer is declared
    // first so that it outlives the stream's final flush.
    std::vector<char> buffer(1 << 16);
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(into, std::ios::binary | std::ios::trunc);
    if (!out)
        throw LedgerError(fmt::format("cannot write the report to {}: check that the folder "
                                      "exists and that you may write there",
                                      named.string()));
    if (format == ReportFormat::Html)
        HtmlRenderer::render(document, out);
    else
        CsvRenderer::render(document, out);
    out.flush();
    if (!out)
        throw LedgerError(
            fmt::format("writing the report to {} failed (is the disk full?)", named.string()));
}

// A path that names something other than a document on disk: a terminal, a pipe, a fifo,
// /dev/stdout or /dev/fd/N. Such a path must be written into, never replaced by a rename.
bool isStream(const std::filesystem::path& file)
{
    std::error_code error;
    const auto status = std::filesystem::status(file, error); // follows symlinks
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return true;
    // /dev/stdout redirected to a regular file resolves to that file: renaming over it would
    // unlink what the shell holds open, so names of open descriptors are always written into.
    const auto absolute = std::filesystem::absolute(file, error).lexically_normal().string();
    return absolute.starts_with("/dev/") || absolute.starts_with("/proc/");
}

} // namespace

void ReportWriter::write(const ReportDocument& document, ReportFormat format,
                         const std::filesystem::path& file)
{
    if (isStream(file)) {
        render(document, format, file, file);
        return;
    }
    // A symlink to a report keeps pointing where it did: the file it names is replaced.
    std::error_code error;
    auto target = file;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(file, error))) {
        target = std::filesystem::weakly_canonical(file, error);
        if (error)
            target = file;
    }
    auto partial = target;
    partial += fmt::format(".partial-{}", ::getpid());
    try {
        render(document, format, partial, file);
        std::filesystem::rename(partial, target);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
}

} // namespace asicledger
