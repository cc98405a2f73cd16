#include "CsvRenderer.hpp"

namespace asicledger {
namespace {

bool isPlainNumber(const std::string& text)
{
    std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
    bool digits = false;
    bool point = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9')
            digits = true;
        else if (text[i] == '.' && !point && digits)
            point = true;
        else
            return false;
    }
    return digits && text.back() != '.';
}

void writeRow(std::ostream& out, const std::vector<std::string>& cells)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out << ',';
        out << CsvRenderer::cell(cells[i]);
    }
    out << "\r\n";
}

} // namespace

std::string CsvRenderer::cell(const std::string& text)
{
    std::string value = text;
    if (!value.empty()) {
        const char first = value[0];
        const bool formulaLike = first == '=' || first == '+' || first == '-' || first == '@' ||
                                 first == '\t' || first == '\r';
        if (formulaLike && !isPlainNumber(value))
            value.insert(value.begin(), '\'');
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void CsvRenderer::render(const ReportDocument& document, std::ostream& out)
{
    out << "\xEF\xBB\xBF";
    writeRow(out, {document.title, document.subtitle});
    for (const auto& field : document.header)
        writeRow(out, {field.label, field.value});
    if (!document.summary.empty()) {
        out << "\r\n";
        for (const auto& field : document.summary)
            writeRow(out, {field.label, field.value});
    }
    for (const auto& table : document.tables) {
        out << "\r\n";
        writeRow(out, {table.title});
        ReportRow header;
        for (const auto& column : table.columns)
            header.push_back(column.title);
        writeRow(out, header);
        if (table.rows)
            table.rows([&](const ReportRow& row) { writeRow(out, row); });
        if (table.totals)
            writeRow(out, table.totals());
    }
    if (!document.notes.empty()) {
        out << "\r\n";
        for (const auto& note : document.notes)
            writeRow(out, {note});
    }
    out << "\r\n";
    if (!document.fingerprint.empty())
        writeRow(out, {"Journal fingerprint", document.fingerprint});
    if (!document.generated.empty())
        writeRow(out, {"Generated", document.generated});
}

} // namespace asicledger
