#pragma once

#include "ReportDocument.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace asicledger {

enum class ReportFormat
{
    Pdf,
    Html,
    Csv
};
std::optional<ReportFormat> parseReportFormat(std::string_view text);
std::string_view toText(ReportFormat format);

// Writes a report in a format to a file. The file appears whole or not at all: the report is
// written beside it under a temporary name and renamed at the end, so a failure halfway (a gap
// in the rate table, a full disk) never leaves a truncated report that looks complete. A
// device, pipe or fifo (-o /dev/stdout) is written into instead; a symlink keeps its place and
// the file it names is replaced.
class ReportWriter
{
public:
    static void write(const ReportDocument& document, ReportFormat format,
                      const std::filesystem::path& file);
};

} // namespace asicledger
