#include "Output.hpp"

#include "Money.hpp"

#include <algorithm>
#include <ostream>

namespace asicledger {
namespace {

// Rows a table reads before it fixes its column widths; longer values later simply stick out.
constexpr std::size_t kRowsToMeasure = 1000;

std::string plainDecimal(std::int64_t minor)
{
    const bool negative = minor < 0;
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    auto text = std::to_string(magnitude / 100);
    const auto cents = magnitude % 100;
    text += cents < 10 ? ".0" + std::to_string(cents) : "." + std::to_string(cents);
    return negative ? "-" + text : text;
}

std::string scalarText(const Json& value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return value.get<std::string>();
    return value.dump();
}

bool isPlainNegativeNumber(std::string_view text)
{
    if (text.size() < 2 || text[0] != '-')
        return false;
    bool digits = false;
    bool point = false;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !point && digits && i + 1 < text.size()) {
            point = true;
        } else {
            return false;
        }
    }
    return digits;
}

std::string rtrim(std::string text)
{
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

} // namespace

std::optional<OutputFormat> parseOutputFormat(std::string_view text)
{
    if (text == "table")
        return OutputFormat::Table;
    if (text == "csv")
        return OutputFormat::Csv;
    if (text == "json")
        return OutputFormat::Json;
    return std::nullopt;
}

std::size_t displayWidth(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string tableText(const Json& value, CellKind kind)
{
    if (value.is_null())
        return {};
    switch (kind) {
    case CellKind::Money:
        return value.is_number_integer() ? formatTenge(Tiyn(value.get<std::int64_t>()))
                                         : scalarText(value);
    case CellKind::Flag:
        return value.is_boolean() ? (value.get<bool>() ? "yes" : "no") : scalarText(value);
    case CellKind::Text:
    case CellKind::Number:
        break;
    }
    return scalarText(value);
}

std::string csvText(const Json& value, CellKind kind)
{
    if (value.is_null())
        return {};
    if (kind == CellKind::Money && value.is_number_integer())
        return plainDecimal(value.get<std::int64_t>());
    if (value.is_boolean())
        return value.get<bool>() ? "yes" : "no";
    return scalarText(value);
}

std::string csvField(std::string_view text)
{
    std::string cell(text);
    const bool formulaLike =
        !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                          cell[0] == '\t' || cell[0] == '\r');
    if (formulaLike && !isPlainNegativeNumber(cell))
        cell.insert(cell.begin(), '\'');
    if (cell.empty())
        return cell;
    if (cell.find_first_of(",\"\r\n") == std::string::npos && cell.front() != ' ' &&
        cell.back() != ' ')
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void writeJson(std::ostream& out, const Json& value)
{
    out << value.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

RowWriter::RowWriter(std::ostream& out, OutputFormat format, std::vector<OutputColumn> columns)
    : m_out(out), m_format(format), m_columns(std::move(columns))
{
    if (m_format == OutputFormat::Table) {
        std::erase_if(m_columns, [](const OutputColumn& column) { return !column.inTable; });
        for (const auto& column : m_columns)
            m_widths.push_back(displayWidth(column.header));
    } else if (m_format == OutputFormat::Csv) {
        std::string header;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            auto key = m_columns[i].key;
            // CSV shows money in tenge, so its header says so.
            if (m_columns[i].kind == CellKind::Money && key.ends_with("_tiyn"))
                key = key.substr(0, key.size() - 5) + "_kzt";
            header += (i ? "," : "") + csvField(key);
        }
        m_out << header << '\n';
    }
}

std::vector<std::string> RowWriter::tableCells(const Json& row) const
{
    std::vector<std::string> cells;
    for (const auto& column : m_columns)
        cells.push_back(
            tableText(row.contains(column.key) ? row[column.key] : Json(), column.kind));
    return cells;
}

void RowWriter::writeTableLine(const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto width = displayWidth(cells[i]);
        const auto pad = width < m_widths[i] ? m_widths[i] - width : 0;
        const bool right =
            m_columns[i].kind == CellKind::Number || m_columns[i].kind == CellKind::Money;
        if (i)
            line += "  ";
        line += right ? std::string(pad, ' ') + cells[i] : cells[i] + std::string(pad, ' ');
    }
    m_out << rtrim(line) << '\n';
}

void RowWriter::flushTable()
{
    if (!m_widthsFixed) {
        for (const auto& row : m_pending) {
            const auto cells = tableCells(row);
            for (std::size_t i = 0; i < cells.size(); ++i)
                m_widths[i] = std::max(m_widths[i], displayWidth(cells[i]));
        }
        std::vector<std::string> headers, rules;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            headers.push_back(m_columns[i].header);
            rules.push_back(std::string(m_widths[i], '-'));
        }
        writeTableLine(headers);
        writeTableLine(rules);
        m_widthsFixed = true;
    }
    for (const auto& row : m_pending)
        writeTableLine(tableCells(row));
    m_pending.clear();
}

void RowWriter::add(const Json& row)
{
    ++m_count;
    switch (m_format) {
    case OutputFormat::Table:
        m_pending.push_back(row);
        if (m_widthsFixed || m_pending.size() >= kRowsToMeasure)
            flushTable();
        break;
    case OutputFormat::Csv: {
        std::string line;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            const auto& column = m_columns[i];
            line +=
                (i ? "," : "") +
                csvField(csvText(row.contains(column.key) ? row[column.key] : Json(), column.kind));
        }
        m_out << line << '\n';
        break;
    }
    case OutputFormat::Json:
        m_out << (m_count == 1 ? "[\n  " : ",\n  ")
              << row.dump(-1, ' ', false, Json::error_handler_t::replace);
        break;
    }
}

void RowWriter::finish()
{
    switch (m_format) {
    case OutputFormat::Table:
        flushTable();
        if (m_count == 0)
            m_out << "(none)\n";
        break;
    case OutputFormat::Csv:
        break;
    case OutputFormat::Json:
        m_out << (m_count == 0 ? "[]\n" : "\n]\n");
        break;
    }
    m_out.flush();
}

void writeRecord(std::ostream& out, OutputFormat format, const std::vector<OutputColumn>& fields,
                 const Json& record)
{
    if (format == OutputFormat::Json) {
        writeJson(out, record);
        return;
    }
    if (format == OutputFormat::Csv) {
        out << "field,value\n";
        for (const auto& field : fields) {
            const auto value = record.contains(field.key) ? record[field.key] : Json();
            auto key = field.key;
            if (field.kind == CellKind::Money && key.ends_with("_tiyn"))
                key = key.substr(0, key.size() - 5) + "_kzt";
            out << csvField(key) << ',' << csvField(csvText(value, field.kind)) << '\n';
        }
        return;
    }
    std::size_t width = 0;
    for (const auto& field : fields) {
        if (field.inTable)
            width = std::max(width, displayWidth(field.header));
    }
    for (const auto& field : fields) {
        if (!field.inTable)
            continue;
        const auto value = record.contains(field.key) ? record[field.key] : Json();
        const auto pad = width - displayWidth(field.header);
        // On a record's page an empty field reads as a gap; "none" says there is nothing.
        const auto text = value.is_null() ? std::string("none") : tableText(value, field.kind);
        out << rtrim(field.header + ":" + std::string(pad + 2, ' ') + text) << '\n';
    }
}

} // namespace asicledger
