#pragma once

#include "Journal.hpp"

#include <functional>
#include <nlohmann/json_fwd.hpp>
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

// The row images of a journal entry's `changes` (see ChangeSet), read one image at a time: an
// import of a million units is one entry, and must not become one document in memory.
class RowImages
{
public:
    using OnImage = std::function<void(const nlohmann::json& image)>;
    using OnProblem = std::function<void(const std::string& problem)>;

    // Calls `onImage` for each image in order. An image `onImage` cannot read (it throws a JSON
    // error or UnreadableImage), or text that is not a list of images, goes to `onProblem`.
    static void forEach(std::string_view changes, const OnImage& onImage,
                        const OnProblem& onProblem);

    // "journal entry 42 (sell by finance, 2026-11-23T12:00:00Z)": how a failure names an entry.
    static std::string describe(const JournalEntry& entry);
};

} // namespace asicledger
