#include "RowImages.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace asicledger {

void RowImages::forEach(std::string_view changes, const OnImage& onImage,
                        const OnProblem& onProblem)
{
    using nlohmann::json;
    try {
        // Each image is handed on as soon as it is complete and then dropped from the document.
        const auto root =
            json::parse(changes.begin(), changes.end(),
                        [&](int depth, json::parse_event_t event, json& parsed) {
                            if (event != json::parse_event_t::object_end || depth != 1)
                                return true;
                            try {
                                onImage(parsed);
                            } catch (const json::exception& error) {
                                onProblem(fmt::format("one of its row images cannot be read ({})",
                                                      error.what()));
                            } catch (const UnreadableImage& error) {
                                onProblem(fmt::format("one of its row images cannot be read ({})",
                                                      error.what()));
                            }
                            return false;
                        });
        if (!root.is_array())
            onProblem("its row images are not a list");
    } catch (const json::parse_error& error) {
        onProblem(fmt::format("its row images cannot be read ({})", error.what()));
    }
}

std::string RowImages::describe(const JournalEntry& entry)
{
    return fmt::format("journal entry {} ({} by {}, {})", entry.seq, entry.action, entry.userName,
                       entry.recordedAt);
}

} // namespace asicledger
