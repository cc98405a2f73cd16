#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace asicledger {

// How a renderer shows a cell. Cells are given in a plain machine form ("1234567.89",
// "2026-11-20") so a CSV stays computable; PDF and HTML group the digits of numbers for reading.
enum class ColumnKind
{
    Text,
    Number, // integer or decimal, right-aligned, digits grouped
    Date
};

struct ReportColumn
{
    std::string title;
    ColumnKind kind = ColumnKind::Text;
    double width = 1.0; // share of the room left once every column has its sample's width
    std::string sample; // a typical widest cell ("2026-11-20"), so paged output fits it whole
};

using ReportRow = std::vector<std::string>;
using RowSink = std::function<void(const ReportRow&)>;

// A table whose rows are streamed from a core query when it is rendered, never held whole.
// `rowCount` is known up front (paged output numbers its pages before drawing them) and `rows`
// must send exactly that many rows. `totals`, when set, is asked for after the rows were sent,
// so it may add up what streamed past.
struct ReportTable
{
    std::string title;
    std::vector<ReportColumn> columns;
    std::int64_t rowCount = 0;
    std::function<void(const RowSink&)> rows;
    std::function<ReportRow()> totals;
    std::string emptyText = "None.";
};

struct ReportField
{
    std::string label;
    std::string value;
};

// One report as every format shows it: a header block, summary figures, tables, closing notes and
// signature lines, and a footer with the journal's fingerprint. Each report kind builds one of
// these from core queries; PdfRenderer, HtmlRenderer and CsvRenderer show it.
struct ReportDocument
{
    std::string title;    // "Inspection report"
    std::string subtitle; // "Ekibastuz-1, 2026-11-20"
    std::vector<ReportField> header;
    std::vector<ReportField> summary;
    std::vector<ReportTable> tables;
    std::vector<std::string> notes;
    std::vector<std::string> signatures; // one signature line each: "Inspector", "Auditor"
    std::string fingerprint;             // the journal head "SEQ:HASH" when the report was made
    std::string generated;               // "2026-11-23T12:00:00Z by auditor"
    bool landscape = false;              // for tables too wide for A4 portrait
};

// "1234567.89" -> "1 234 567.89"; anything that is not a plain number is returned as it is.
std::string groupDigits(const std::string& number);
// "1234567.89" for an amount in minor units with two decimals (tiyn -> tenge).
std::string plainTenge(std::int64_t tiyn);

} // namespace asicledger
