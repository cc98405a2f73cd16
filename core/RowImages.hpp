#pragma once

#include "Journal.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace asicledger {

// A row image that is well-formed JSON but not something ChangeSet writes.
class UnreadableImage : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// One value of a row image: NULL, an integer or text, the only values ChangeSet writes. Anything
// else (a fraction, true, a list...) is kept as the JSON text it was written as, so a failure can
// show it.
struct ImageValue
{
    enum class Kind
    {
        Null,
        Integer,
        Text,
        Other
    };
    Kind kind = Kind::Null;
    std::int64_t integer = 0;
    std::string_view text; // Text: the characters, unescaped; Other: the JSON as written
};

// One write as the journal records it. The views live until the callback returns.
struct RowImage
{
    std::string_view op; // "insert" or "update" as ChangeSet writes them; anything else as found
    std::string_view table;
    std::int64_t id = 0;
    std::span<const std::string_view> columns;
    std::span<const ImageValue> after;  // insert: the row; update: the values written
    std::span<const ImageValue> before; // update: the values found, column for column
};

// The row images of a journal entry's `changes` (the format is described in ChangeSet.hpp), read
// one image at a time straight from the stored text: an import of a million units is one entry,
// and must become neither one document in memory nor a million small allocations.
class RowImages
{
public:
    using OnImage = std::function<void(const RowImage& image)>;
    using OnProblem = std::function<void(const std::string& problem)>;

    // Calls `onImage` for each write in order (a grouped image once per row). An image that is
    // not what ChangeSet writes, or that `onImage` cannot read (it throws UnreadableImage), goes
    // to `onProblem` and the reading goes on; text that is not JSON, or not a list of images,
    // goes to `onProblem` and ends the reading.
    static void forEach(std::string_view changes, const OnImage& onImage,
                        const OnProblem& onProblem);

    // "journal entry 42 (sell by finance, 2026-11-23T12:00:00Z)": how a failure names an entry.
    static std::string describe(const JournalEntry& entry);
    // How a value reads in a failure: 42, "text", null, or the JSON as written.
    static std::string shown(const ImageValue& value);
};

} // namespace asicledger
