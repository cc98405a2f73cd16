#include "HtmlRenderer.hpp"

namespace asicledger {
namespace {

constexpr auto kStyle = R"(
:root { color: #1a1a1a; font: 10pt/1.35 "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
body { margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 18pt; margin: 0 0 2px; }
.subtitle { color: #555; margin: 0 0 12px; font-size: 11pt; }
dl.fields { display: grid; grid-template-columns: repeat(2, 1fr); gap: 6px 24px; margin: 0;
  padding: 10px 0; border-top: 1.5px solid #333; border-bottom: 1px solid #bbb; }
dl.fields div { break-inside: avoid; }
dt { color: #666; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; }
dd { margin: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 8px 28px; background: #f2f2f2; padding: 10px 12px;
  margin: 12px 0; }
.summary div { min-width: 120px; }
.summary .value { font-size: 13pt; font-weight: bold; }
.summary .label { color: #555; font-size: 8pt; }
h2 { font-size: 11.5pt; margin: 18px 0 6px; }
h2 .count { color: #666; font-weight: normal; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
thead { display: table-header-group; }
th { background: #e0e0e0; text-align: left; padding: 3px 5px; border-bottom: 1px solid #999; }
td { padding: 2px 5px; border-bottom: 1px solid #e6e6e6; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f7f7f7; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tfoot td { font-weight: bold; border-top: 1.5px solid #333; border-bottom: none; }
p.empty { color: #666; font-style: italic; }
.notes p { margin: 6px 0; }
.signatures { display: grid; grid-template-columns: repeat(2, 1fr); gap: 36px 48px;
  margin-top: 36px; break-inside: avoid; }
.signature { border-top: 1px solid #333; padding-top: 3px; font-size: 8.5pt; color: #444;
  margin-top: 28px; }
footer { margin-top: 28px; padding-top: 6px; border-top: 1px solid #bbb; color: #555;
  font-size: 8pt; }
footer code { font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
@page { size: A4 %ORIENTATION%; margin: 14mm 12mm 16mm; }
@media print {
  :root { font-size: 9pt; }
  body { margin: 0; max-width: none; padding: 0; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .summary { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th, tbody tr:nth-child(even) td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

const char* cellClass(ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Number:
        return " class=\"number\"";
    case ColumnKind::Date:
        return " class=\"date\"";
    case ColumnKind::Text:
        break;
    }
    return "";
}

void writeCells(std::ostream& out, const ReportTable& table, const ReportRow& row)
{
    out << "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
        const auto kind = i < table.columns.size() ? table.columns[i].kind : ColumnKind::Text;
        out << "<td" << cellClass(kind) << '>'
            << HtmlRenderer::escape(kind == ColumnKind::Number ? groupDigits(row[i]) : row[i])
            << "</td>";
    }
    out << "</tr>\n";
}

} // namespace

std::string HtmlRenderer::escape(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

void HtmlRenderer::render(const ReportDocument& document, std::ostream& out)
{
    std::string style = kStyle;
    style.replace(style.find("%ORIENTATION%"), 13, document.landscape ? "landscape" : "portrait");
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << escape(document.title)
        << (document.subtitle.empty() ? "" : " — " + escape(document.subtitle)) << "</title>\n"
        << "<style>" << style << "</style>\n</head>\n<body>\n<header>\n<h1>"
        << escape(document.title) << "</h1>\n";
    if (!document.subtitle.empty())
        out << "<p class=\"subtitle\">" << escape(document.subtitle) << "</p>\n";
    if (!document.header.empty()) {
        out << "<dl class=\"fields\">\n";
        for (const auto& field : document.header)
            out << "<div><dt>" << escape(field.label) << "</dt><dd>" << escape(field.value)
                << "</dd></div>\n";
        out << "</dl>\n";
    }
    out << "</header>\n";
    if (!document.summary.empty()) {
        out << "<section class=\"summary\">\n";
        for (const auto& field : document.summary)
            out << "<div><div class=\"value\">" << escape(groupDigits(field.value))
                << "</div><div class=\"label\">" << escape(field.label) << "</div></div>\n";
        out << "</section>\n";
    }
    for (const auto& table : document.tables) {
        out << "<section>\n<h2>" << escape(table.title) << " <span class=\"count\">("
            << groupDigits(std::to_string(table.rowCount)) << ")</span></h2>\n";
        if (table.rowCount == 0 && !table.totals) {
            out << "<p class=\"empty\">" << escape(table.emptyText) << "</p>\n</section>\n";
            if (table.rows)
                table.rows([](const ReportRow&) {});
            continue;
        }
        out << "<table>\n<thead><tr>";
        for (const auto& column : table.columns)
            out << "<th" << cellClass(column.kind) << '>' << escape(column.title) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        if (table.rows)
            table.rows([&](const ReportRow& row) { writeCells(out, table, row); });
        out << "</tbody>\n";
        if (table.totals) {
            out << "<tfoot>";
            writeCells(out, table, table.totals());
            out << "</tfoot>\n";
        }
        out << "</table>\n</section>\n";
    }
    if (!document.notes.empty()) {
        out << "<section class=\"notes\">\n";
        for (const auto& note : document.notes)
            out << "<p>" << escape(note) << "</p>\n";
        out << "</section>\n";
    }
    if (!document.signatures.empty()) {
        out << "<section class=\"signatures\">\n";
        for (const auto& signature : document.signatures)
            out << "<div class=\"signature\">" << escape(signature)
                << " — name, signature, date</div>\n";
        out << "</section>\n";
    }
    out << "<footer>";
    if (!document.fingerprint.empty())
        out << "Journal fingerprint: <code>" << escape(document.fingerprint) << "</code><br>";
    if (!document.generated.empty())
        out << "Generated " << escape(document.generated);
    out << "</footer>\n</body>\n</html>\n";
}

} // namespace asicledger
