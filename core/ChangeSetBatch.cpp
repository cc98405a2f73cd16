#include "ChangeSetBatch.hpp"

#include "PlainText.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace asicledger {
namespace {

std::string insertSql(const std::string& table, const std::vector<std::string>& columns)
{
    std::string names;
    std::string marks;
    for (const auto& column : columns) {
        names += (names.empty() ? "" : ",") + column;
        marks += marks.empty() ? "?" : ",?";
    }
    return fmt::format("INSERT INTO {}({}) VALUES({})", table, names, marks);
}

void appendInteger(std::string& json, std::int64_t value)
{
    const fmt::format_int text(value);
    json.append(text.data(), text.size());
}

} // namespace

void appendJsonString(std::string& json, std::string_view text)
{
    static constexpr char kHexDigits[] = "0123456789abcdef";
    json += '"';
    bool wide = false; // any byte beyond ASCII: then the whole text must be valid UTF-8
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        wide = wide || c >= 0x80;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        json.append(text.data() + plain, i - plain);
        plain = i + 1;
        json += '\\';
        switch (c) {
        case '"':
        case '\\':
            json += static_cast<char>(c);
            break;
        case '\n':
            json += 'n';
            break;
        case '\r':
            json += 'r';
            break;
        case '\t':
            json += 't';
            break;
        case '\b':
            json += 'b';
            break;
        case '\f':
            json += 'f';
            break;
        default:
            json += "u00";
            json += kHexDigits[c >> 4];
            json += kHexDigits[c & 0xF];
        }
    }
    json.append(text.data() + plain, text.size() - plain);
    json += '"';
    if (wide && firstInvalidUtf8(text))
        throw std::invalid_argument("a value to journal is not UTF-8 text");
}

ChangeSetBatch::ChangeSetBatch(ChangeSet& changes, std::string table,
                               std::vector<std::string> columns)
    : m_changes(changes), m_insert(changes.m_db, insertSql(table, columns))
{
    m_imageStart = R"({"op":"insert_rows","table":)";
    appendJsonString(m_imageStart, table);
    m_imageStart += R"(,"columns":[)";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i)
            m_imageStart += ',';
        appendJsonString(m_imageStart, columns[i]);
        m_secret.push_back(ChangeSet::isSecret(columns[i]));
    }
    m_imageStart += R"(],"rows":[)";
}

ChangeSetBatch::~ChangeSetBatch()
{
    // The change set outlives the batch: it must not be left pointing at it.
    if (m_changes.m_openBatch == this)
        m_changes.closeBatchImage();
}

std::int64_t ChangeSetBatch::insert(std::span<const SqlValue> values)
{
    if (values.size() != m_secret.size())
        throw std::logic_error(fmt::format("a batch of {} columns was given {} values",
                                           m_secret.size(), values.size()));
    m_insert.reset();
    for (std::size_t i = 0; i < values.size(); ++i)
        bindValue(m_insert, static_cast<int>(i + 1), values[i]);
    m_insert.exec();
    const auto id = m_changes.m_db.getLastInsertRowid();

    auto& json = m_changes.m_images;
    if (m_changes.m_openBatch != this || m_changes.m_openBatchRows == ChangeSet::kRowsPerImage) {
        m_changes.closeBatchImage();
        m_changes.beginImage();
        json += m_imageStart;
        m_changes.m_openBatch = this;
    } else {
        json += ',';
    }
    ++m_changes.m_openBatchRows;
    json += '[';
    appendInteger(json, id);
    for (std::size_t i = 0; i < values.size(); ++i) {
        json += ',';
        appendValue(i, values[i]);
    }
    json += ']';
    return id;
}

void ChangeSetBatch::appendValue(std::size_t column, const SqlValue& value)
{
    auto& json = m_changes.m_images;
    if (const auto* number = std::get_if<std::int64_t>(&value))
        appendInteger(json, *number);
    else if (const auto* text = std::get_if<std::string>(&value))
        appendJsonString(json, m_secret[column] ? ChangeSet::secretImage(*text) : *text);
    else
        json += "null";
}

} // namespace asicledger
