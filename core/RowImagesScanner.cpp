#include "RowImagesScanner.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <limits>

namespace asicledger {
namespace {

// Deeper than any image ChangeSet writes by far; keeps hostile text from exhausting the stack.
constexpr int kDeepestNesting = 256;

// Characters a string holds as they are: not its end, not an escape, not a control character.
constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 256; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

void appendUtf8(std::string& out, std::uint32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

} // namespace

std::string& RowImagesScanner::Arena::next()
{
    if (m_used == m_strings.size())
        m_strings.emplace_back();
    auto& text = m_strings[m_used++];
    text.clear();
    return text;
}

RowImagesScanner::RowImagesScanner(std::string_view text, const RowImages::OnImage& onImage,
                                   const RowImages::OnProblem& onProblem)
    : m_text(text), m_onImage(onImage), m_onProblem(onProblem)
{}

void RowImagesScanner::fail(std::string what) const
{
    throw SyntaxError{m_at, std::move(what)};
}

void RowImagesScanner::expected(char c) const
{
    fail(m_at < m_text.size() ? fmt::format("expected '{}'", c)
                              : fmt::format("the text ends where '{}' should be", c));
}

void RowImagesScanner::run()
{
    try {
        skipBlanks();
        if (m_at < m_text.size() && m_text[m_at] == '[') {
            ++m_at;
            if (!consume(']')) {
                do
                    readImage();
                while (consume(','));
                expect(']');
            }
        } else {
            skipValue();
            skipBlanks();
            if (m_at != m_text.size())
                fail("more text after the end");
            m_onProblem("its row images are not a list");
            return;
        }
        skipBlanks();
        if (m_at != m_text.size())
            fail("more text after the end of the list");
    } catch (const SyntaxError& error) {
        m_onProblem(fmt::format("its row images cannot be read (at character {}: {})", error.at + 1,
                                error.what));
    }
}

std::string_view RowImagesScanner::readString(Arena& arena)
{
    expect('"');
    const auto start = m_at;
    const auto size = m_text.size();
    const auto* const text = m_text.data();
    while (m_at < size && kPlain[static_cast<unsigned char>(text[m_at])])
        ++m_at;
    if (m_at < size && text[m_at] == '"')
        return m_text.substr(start, m_at++ - start);
    if (m_at < size && text[m_at] != '\\')
        fail("a control character inside a string");
    // Escapes: from here on, characters are copied.
    auto& out = arena.next();
    out.assign(m_text.substr(start, m_at - start));
    const auto hex4 = [&] {
        if (m_at + 4 > m_text.size())
            fail("a \\u escape is cut short");
        std::uint32_t code = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_at++];
            code <<= 4;
            if (isDigit(h))
                code |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                code |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                code |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                fail("a \\u escape that is not hexadecimal");
        }
        return code;
    };
    while (m_at < m_text.size()) {
        const char c = m_text[m_at++];
        if (c == '"')
            return out;
        if (static_cast<unsigned char>(c) < 0x20)
            fail("a control character inside a string");
        if (c != '\\') {
            out += c;
            continue;
        }
        if (m_at >= m_text.size())
            break;
        switch (const char e = m_text[m_at++]) {
        case '"':
        case '\\':
        case '/':
            out += e;
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            auto code = hex4();
            if (code >= 0xD800 && code <= 0xDBFF) {
                if (m_at + 2 > m_text.size() || m_text[m_at] != '\\' || m_text[m_at + 1] != 'u')
                    fail("half of a surrogate pair");
                m_at += 2;
                const auto low = hex4();
                if (low < 0xDC00 || low > 0xDFFF)
                    fail("half of a surrogate pair");
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else if (code >= 0xDC00 && code <= 0xDFFF) {
                fail("half of a surrogate pair");
            }
            appendUtf8(out, code);
            break;
        }
        default:
            fail("an unknown escape in a string");
        }
    }
    fail("the text ends inside a string");
}

ImageValue RowImagesScanner::readNumber()
{
    const auto start = m_at;
    const bool negative = m_text[m_at] == '-';
    if (negative)
        ++m_at;
    if (m_at >= m_text.size() || !isDigit(m_text[m_at]))
        fail("a malformed number");
    // Magnitudes up to 2^63 fit; a negative number may use the last one.
    const std::uint64_t limit =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
    std::uint64_t magnitude = 0;
    bool fits = true;
    if (m_text[m_at] == '0') {
        ++m_at;
    } else {
        while (m_at < m_text.size() && isDigit(m_text[m_at])) {
            const auto digit = static_cast<std::uint64_t>(m_text[m_at++] - '0');
            if (magnitude > (limit - digit) / 10)
                fits = false;
            else
                magnitude = magnitude * 10 + digit;
        }
    }
    bool integral = true;
    if (m_at < m_text.size() && m_text[m_at] == '.') {
        integral = false;
        ++m_at;
        if (m_at >= m_text.size() || !isDigit(m_text[m_at]))
            fail("a malformed number");
        while (m_at < m_text.size() && isDigit(m_text[m_at]))
            ++m_at;
    }
    if (m_at < m_text.size() && (m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
        integral = false;
        ++m_at;
        if (m_at < m_text.size() && (m_text[m_at] == '+' || m_text[m_at] == '-'))
            ++m_at;
        if (m_at >= m_text.size() || !isDigit(m_text[m_at]))
            fail("a malformed number");
        while (m_at < m_text.size() && isDigit(m_text[m_at]))
            ++m_at;
    }
    ImageValue value;
    if (integral && fits) {
        value.kind = ImageValue::Kind::Integer;
        value.integer = negative ? static_cast<std::int64_t>(0 - magnitude)
                                 : static_cast<std::int64_t>(magnitude);
    } else {
        value.kind = ImageValue::Kind::Other;
        value.text = m_text.substr(start, m_at - start);
    }
    return value;
}

ImageValue RowImagesScanner::readValue(Arena& arena)
{
    skipBlanks();
    if (m_at >= m_text.size())
        fail("the text ends where a value should be");
    const char c = m_text[m_at];
    ImageValue value;
    if (c == '"') {
        value.kind = ImageValue::Kind::Text;
        value.text = readString(arena);
    } else if (c == '-' || isDigit(c)) {
        value = readNumber();
    } else if (m_text.compare(m_at, 4, "null") == 0) {
        m_at += 4;
    } else {
        const auto start = m_at;
        skipValue();
        value.kind = ImageValue::Kind::Other;
        value.text = m_text.substr(start, m_at - start);
    }
    return value;
}

void RowImagesScanner::skipValue(int depth)
{
    if (depth > kDeepestNesting)
        fail("lists or objects nested too deeply");
    skipBlanks();
    if (m_at >= m_text.size())
        fail("the text ends where a value should be");
    const char c = m_text[m_at];
    if (c == '{') {
        ++m_at;
        if (consume('}'))
            return;
        do {
            skipBlanks();
            readString(m_skipArena);
            m_skipArena.clear();
            expect(':');
            skipValue(depth + 1);
        } while (consume(','));
        expect('}');
    } else if (c == '[') {
        ++m_at;
        if (consume(']'))
            return;
        do
            skipValue(depth + 1);
        while (consume(','));
        expect(']');
    } else if (c == '"') {
        readString(m_skipArena);
        m_skipArena.clear();
    } else if (c == '-' || isDigit(c)) {
        readNumber();
    } else {
        for (const std::string_view word : {"null", "true", "false"}) {
            if (m_text.compare(m_at, word.size(), word) == 0) {
                m_at += word.size();
                return;
            }
        }
        fail("a value that is not JSON");
    }
}

void RowImagesScanner::readImage()
{
    m_imageArena.clear();
    m_op = {};
    m_table = {};
    m_hasOp = m_hasTable = m_hasId = m_hasColumns = m_rowsDone = false;
    m_row.present = m_before.present = m_after.present = false;
    m_rowsAt = std::string_view::npos;
    m_rowNumber = 0;
    m_problem.clear();
    skipBlanks();
    if (m_at >= m_text.size() || m_text[m_at] != '{') {
        const auto start = m_at;
        skipValue();
        m_onProblem(fmt::format("one of its row images cannot be read (it is {}, not an object)",
                                m_text.substr(start, std::min<std::size_t>(m_at - start, 40))));
        return;
    }
    ++m_at;
    if (!consume('}')) {
        do {
            skipBlanks();
            const auto key = readString(m_imageArena);
            expect(':');
            if (key == "op" || key == "table") {
                const auto value = readValue(m_imageArena);
                if (value.kind != ImageValue::Kind::Text)
                    problem(fmt::format("its {} is not text", key));
                (key == "op" ? m_op : m_table) = value.text;
                (key == "op" ? m_hasOp : m_hasTable) = true;
            } else if (key == "id") {
                m_id = readValue(m_imageArena);
                m_hasId = true;
            } else if (key == "row" || key == "before" || key == "after") {
                readFields(key == "row" ? m_row : key == "before" ? m_before : m_after, key);
            } else if (key == "columns") {
                readNames();
            } else if (key == "rows") {
                skipBlanks();
                if (m_problem.empty() && m_hasTable && m_hasColumns &&
                    (m_op == "insert_rows" || m_op == "update_rows")) {
                    readRows();
                    m_rowsDone = true;
                } else {
                    // Read once the rest of the image says what the rows are.
                    m_rowsAt = m_at;
                    skipValue();
                }
            } else {
                skipValue();
            }
        } while (consume(','));
        expect('}');
    }
    finishImage();
}

void RowImagesScanner::readFields(Fields& fields, std::string_view key)
{
    fields.present = true;
    fields.names.clear();
    fields.values.clear();
    skipBlanks();
    if (m_at >= m_text.size() || m_text[m_at] != '{') {
        problem(fmt::format("its {} is not an object of columns", key));
        skipValue();
        return;
    }
    ++m_at;
    if (consume('}'))
        return;
    do {
        skipBlanks();
        fields.names.push_back(readString(m_imageArena));
        expect(':');
        fields.values.push_back(readValue(m_imageArena));
    } while (consume(','));
    expect('}');
}

void RowImagesScanner::readNames()
{
    m_hasColumns = true;
    m_columns.clear();
    skipBlanks();
    if (m_at >= m_text.size() || m_text[m_at] != '[') {
        problem("its columns are not a list");
        skipValue();
        return;
    }
    ++m_at;
    if (consume(']'))
        return;
    do {
        const auto name = readValue(m_imageArena);
        if (name.kind != ImageValue::Kind::Text)
            problem("one of its columns is not a name");
        m_columns.push_back(name.text);
    } while (consume(','));
    expect(']');
}

void RowImagesScanner::readRows()
{
    skipBlanks();
    if (m_at >= m_text.size() || m_text[m_at] != '[') {
        m_onProblem(fmt::format("one of its row images cannot be read (the rows of {} are not a "
                                "list)",
                                m_table));
        skipValue();
        return;
    }
    ++m_at;
    if (consume(']'))
        return;
    do
        readRow();
    while (consume(','));
    expect(']');
}

void RowImagesScanner::readRow()
{
    m_rowArena.clear();
    m_values.clear();
    ++m_rowNumber;
    skipBlanks();
    const auto unreadable = [&](std::string_view why) {
        m_onProblem(fmt::format("one of its row images cannot be read (row {} of its {} of {} {})",
                                m_rowNumber, m_op, m_table, why));
    };
    if (m_at >= m_text.size() || m_text[m_at] != '[') {
        skipValue();
        unreadable("is not a list");
        return;
    }
    ++m_at;
    if (!consume(']')) {
        do
            m_values.push_back(readValue(m_rowArena));
        while (consume(','));
        expect(']');
    }
    const bool insert = m_op == "insert_rows";
    const auto width = m_columns.size();
    if (m_values.size() != 1 + (insert ? width : 2 * width)) {
        unreadable(fmt::format("has {} values where its {} columns need {}", m_values.size(), width,
                               1 + (insert ? width : 2 * width)));
        return;
    }
    if (m_values[0].kind != ImageValue::Kind::Integer) {
        unreadable("does not start with the row id");
        return;
    }
    RowImage image;
    image.op = insert ? "insert" : "update";
    image.table = m_table;
    image.id = m_values[0].integer;
    image.columns = m_columns;
    const std::span<const ImageValue> values(m_values);
    if (insert) {
        image.after = values.subspan(1, width);
    } else {
        image.before = values.subspan(1, width);
        image.after = values.subspan(1 + width, width);
    }
    emit(image);
}

void RowImagesScanner::finishImage()
{
    if (m_problem.empty()) {
        if (!m_hasOp)
            problem("it does not say what it did (no op)");
        else if (!m_hasTable)
            problem("it does not name its table");
    }
    const bool grouped = m_op == "insert_rows" || m_op == "update_rows";
    if (m_problem.empty() && grouped) {
        if (!m_hasColumns)
            problem(fmt::format("its {} of {} name no columns", m_op, m_table));
        else if (!m_rowsDone && m_rowsAt == std::string_view::npos)
            problem(fmt::format("its {} of {} have no rows", m_op, m_table));
    }
    if (m_problem.empty() && !grouped && (!m_hasId || m_id.kind != ImageValue::Kind::Integer))
        problem("it has no row id");
    if (m_problem.empty() && m_op == "insert" && !m_row.present)
        problem(fmt::format("its insert into {} #{} has no row", m_table, m_id.integer));
    if (m_problem.empty() && m_op == "update" && (!m_before.present || !m_after.present))
        problem(fmt::format("its update of {} #{} lacks the values before or after", m_table,
                            m_id.integer));
    if (!m_problem.empty()) {
        m_onProblem(fmt::format("one of its row images cannot be read ({})", m_problem));
        return;
    }
    if (grouped) {
        if (!m_rowsDone) {
            const auto resume = m_at;
            m_at = m_rowsAt;
            readRows();
            m_at = resume;
        }
        return;
    }
    RowImage image;
    image.op = m_op;
    image.table = m_table;
    image.id = m_id.integer;
    if (m_op == "insert") {
        image.columns = m_row.names;
        image.after = m_row.values;
    } else if (m_op == "update") {
        m_aligned.clear();
        for (std::size_t i = 0; i < m_after.names.size(); ++i) {
            std::size_t j = 0;
            while (j < m_before.names.size() && m_before.names[j] != m_after.names[i])
                ++j;
            if (j == m_before.names.size()) {
                m_onProblem(fmt::format("one of its row images cannot be read (its update of "
                                        "{} #{} has no value before for {})",
                                        m_table, m_id.integer, m_after.names[i]));
                return;
            }
            m_aligned.push_back(m_before.values[j]);
        }
        image.columns = m_after.names;
        image.after = m_after.values;
        image.before = m_aligned;
    }
    emit(image);
}

void RowImagesScanner::problem(std::string what)
{
    if (m_problem.empty())
        m_problem = std::move(what);
}

void RowImagesScanner::emit(const RowImage& image)
{
    try {
        m_onImage(image);
    } catch (const UnreadableImage& error) {
        m_onProblem(fmt::format("one of its row images cannot be read ({})", error.what()));
    }
}

} // namespace asicledger
