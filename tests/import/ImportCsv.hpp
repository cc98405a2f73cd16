#pragma once

#include <map>
#include <string>
#include <vector>

namespace asicledger::testing {

// Builds import files for tests: a header of the given columns, then rows whose cells default to
// an exempt S19 Pro of Kazakh Hash LLP at Ekibastuz-1 (as LedgerFixture::importRow) unless a test
// overrides them by canonical column name. Serials default to T-0001, T-0002, ...
class ImportCsv
{
public:
    using Cells = std::map<std::string, std::string>;

    explicit ImportCsv(std::vector<std::string> columns = canonical(), char separator = ',',
                       std::string newline = "\n")
        : m_columns(std::move(columns)), m_separator(separator), m_newline(std::move(newline))
    {}

    static std::vector<std::string> canonical()
    {
        return {"serial",         "manufacturer",     "model",    "hashrate_ths",
                "power_w",        "customs_value",    "currency", "fx_rate",
                "legal_owner",    "beneficial_owner", "site",     "exemption_start",
                "declaration_no", "declaration_date", "route",    "dispatch_date",
                "arrival_date"};
    }

    static Cells defaults()
    {
        return {{"manufacturer", "Bitmain"},
                {"model", "Antminer S19 Pro"},
                {"hashrate_ths", "110"},
                {"power_w", "3250"},
                {"customs_value", "1250000.00"},
                {"currency", "KZT"},
                {"fx_rate", ""},
                {"legal_owner", "Kazakh Hash LLP"},
                {"beneficial_owner", ""},
                {"site", "Ekibastuz-1"},
                {"exemption_start", "2022-03-15"},
                {"declaration_no", "50109010/150322/0001234"},
                {"declaration_date", "2022-03-14"},
                {"route", "rail"},
                {"dispatch_date", "2022-02-20"},
                {"arrival_date", "2022-03-10"},
                {"importer", ""},
                {"exemption_term_years", ""}};
    }

    // Writes `header` in the header row for `column` (an alias, another spelling).
    ImportCsv& rename(const std::string& column, const std::string& header)
    {
        m_headers[column] = header;
        return *this;
    }

    // Adds a row; returns the line it will be on (header is line 1; quoted line breaks count).
    std::size_t row(const Cells& overrides = {})
    {
        auto cells = defaults();
        cells["serial"] = "T-" + std::to_string(100000 + ++m_serials).substr(1);
        for (const auto& [column, value] : overrides)
            cells[column] = value;
        std::vector<std::string> line;
        for (const auto& column : m_columns)
            line.push_back(cells.count(column) ? cells[column] : std::string());
        return raw(line);
    }

    // Adds a row of exactly these cells.
    std::size_t raw(const std::vector<std::string>& cells)
    {
        const auto line = m_nextLine;
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += m_separator;
            text += quoted(cells[i]);
        }
        for (char c : text)
            m_nextLine += c == '\n';
        m_rows += text + m_newline;
        ++m_nextLine;
        return line;
    }

    std::string text() const
    {
        std::string header;
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            header +=
                (i ? std::string(1, m_separator) : "") +
                quoted(m_headers.count(m_columns[i]) ? m_headers.at(m_columns[i]) : m_columns[i]);
        return header + m_newline + m_rows;
    }

private:
    std::string quoted(const std::string& cell) const
    {
        const bool needs =
            cell.find_first_of(std::string("\"\n\r\t") + m_separator) != std::string::npos ||
            (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
        if (!needs)
            return cell;
        std::string out = "\"";
        for (char c : cell)
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    }

    std::vector<std::string> m_columns;
    std::map<std::string, std::string> m_headers;
    char m_separator;
    std::string m_newline;
    std::string m_rows;
    std::size_t m_nextLine = 2;
    int m_serials = 0;
};

} // namespace asicledger::testing
