#pragma once

#include "RowImages.hpp"

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

// Reads the JSON of a journal entry's row images straight from the stored text, without building
// a document: keys and values are views into the text (only strings with escapes are copied), and
// the same few vectors are reused from row to row. Knows exactly the image kinds of ChangeSet.hpp;
// any other JSON is skipped over correctly and reported, never guessed at.
class RowImagesScanner
{
public:
    RowImagesScanner(std::string_view text, const RowImages::OnImage& onImage,
                     const RowImages::OnProblem& onProblem);
    void run();

private:
    // Unescaped copies of strings that had escapes; cleared, not freed, between uses.
    class Arena
    {
    public:
        std::string& next();
        void clear() { m_used = 0; }

    private:
        std::deque<std::string> m_strings; // a deque keeps earlier strings where they are
        std::size_t m_used = 0;
    };
    struct SyntaxError
    {
        std::size_t at;
        std::string what;
    };
    // A row object ({"column": value, ...}) of a per-row image.
    struct Fields
    {
        bool present = false;
        std::vector<std::string_view> names;
        std::vector<ImageValue> values;
    };

    [[noreturn]] void fail(std::string what) const;
    // The few calls made for every token, inline: ChangeSet writes no blanks inside an image.
    void skipBlanks()
    {
        while (m_at < m_text.size() && isBlank(m_text[m_at]))
            ++m_at;
    }
    bool consume(char c)
    {
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        skipBlanks();
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    void expect(char c)
    {
        if (!consume(c))
            expected(c);
    }
    [[noreturn]] void expected(char c) const;
    static bool isBlank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    std::string_view readString(Arena& arena);
    ImageValue readValue(Arena& arena);
    ImageValue readNumber();
    void skipValue(int depth = 0);
    void readImage();
    void readFields(Fields& fields, std::string_view key);
    void readNames();
    void readRows();
    void readRow();
    void finishImage();
    void emit(const RowImage& image);
    void problem(std::string what);

    std::string_view m_text;
    std::size_t m_at = 0;
    const RowImages::OnImage& m_onImage;
    const RowImages::OnProblem& m_onProblem;

    // The image being read.
    Arena m_imageArena; // its keys and names
    Arena m_rowArena;   // the values of one row
    Arena m_skipArena;  // strings of values skipped over
    std::string_view m_op;
    std::string_view m_table;
    bool m_hasOp = false;
    bool m_hasTable = false;
    bool m_hasId = false;
    ImageValue m_id;
    Fields m_row, m_before, m_after;
    bool m_hasColumns = false;
    std::vector<std::string_view> m_columns;
    std::size_t m_rowsAt = std::string_view::npos; // where "rows" starts, if read after the rest
    bool m_rowsDone = false;
    std::size_t m_rowNumber = 0;
    std::string m_problem; // the first thing wrong with the image, if any
    std::vector<ImageValue> m_values;
    std::vector<ImageValue> m_aligned; // an update's `before`, in the order of its `after`
};

} // namespace asicledger
