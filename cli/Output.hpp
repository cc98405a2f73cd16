#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

using Json = nlohmann::ordered_json;

enum class OutputFormat
{
    Table,
    Csv,
    Json
};
std::optional<OutputFormat> parseOutputFormat(std::string_view text);

// How a value is shown. Rows carry JSON values (money as integer tiyn); each format renders them.
enum class CellKind
{
    Text,   // a string (or null)
    Number, // an integer, right-aligned in tables
    Money,  // integer tiyn: "1 234 567.89" in tables, "1234567.89" in CSV, tiyn in JSON
    Flag    // a boolean: "yes" / "no"
};

struct OutputColumn
{
    std::string key;    // JSON key (snake_case; money keys end in _tiyn)
    std::string header; // table header, saying the unit ("Customs value, KZT")
    CellKind kind = CellKind::Text;
    bool inTable = true; // tables leave out columns a person rarely reads; CSV and JSON keep all
};

// Writes rows as they come, so a list of a hundred thousand units never sits in memory. Tables
// measure their columns on the first rows and keep those widths; CSV follows RFC 4180 and defuses
// spreadsheet formulas; JSON is an array of objects.
class RowWriter
{
public:
    RowWriter(std::ostream& out, OutputFormat format, std::vector<OutputColumn> columns);
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    void add(const Json& row);
    // Ends the output (the table's last rows, the JSON array's bracket).
    void finish();
    std::size_t count() const { return m_count; }

private:
    void flushTable();
    void writeTableLine(const std::vector<std::string>& cells);
    std::vector<std::string> tableCells(const Json& row) const;

    std::ostream& m_out;
    OutputFormat m_format;
    std::vector<OutputColumn> m_columns;
    std::vector<Json> m_pending; // table rows held back to measure widths
    std::vector<std::size_t> m_widths;
    bool m_widthsFixed = false;
    std::size_t m_count = 0;
};

// One record (a unit, an import summary) as "Label: value" lines (null reads "none"),
// "field,value" CSV or a JSON object. `record` may hold more keys than `fields` (nested lists):
// JSON prints them all.
void writeRecord(std::ostream& out, OutputFormat format, const std::vector<OutputColumn>& fields,
                 const Json& record);

void writeJson(std::ostream& out, const Json& value);

// The text of a cell in a table, and in CSV (before quoting).
std::string tableText(const Json& value, CellKind kind);
std::string csvText(const Json& value, CellKind kind);
// A CSV field: quoted when needed (RFC 4180), and a leading = + - @ neutralised with a single
// quote unless the cell is a plain negative number, so a spreadsheet never runs it as a formula.
std::string csvField(std::string_view text);
// Display width of UTF-8 text in a terminal (code points; enough for Latin and Cyrillic).
std::size_t displayWidth(std::string_view text);

} // namespace asicledger
