#include "RowImages.hpp"

#include "RowImagesScanner.hpp"

#include <fmt/format.h>

namespace asicledger {

void RowImages::forEach(std::string_view changes, const OnImage& onImage,
                        const OnProblem& onProblem)
{
    RowImagesScanner(changes, onImage, onProblem).run();
}

std::string RowImages::describe(const JournalEntry& entry)
{
    return fmt::format("journal entry {} ({} by {}, {})", entry.seq, entry.action, entry.userName,
                       entry.recordedAt);
}

std::string RowImages::shown(const ImageValue& value)
{
    switch (value.kind) {
    case ImageValue::Kind::Null:
        return "null";
    case ImageValue::Kind::Integer:
        return std::to_string(value.integer);
    case ImageValue::Kind::Text:
        return fmt::format("\"{}\"", value.text);
    case ImageValue::Kind::Other:
        break;
    }
    return std::string(value.text);
}

} // namespace asicledger
