#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

// Blanks (space, tab, CR, LF) removed from both ends.
std::string trim(std::string_view text);
std::string toLowerAscii(std::string_view text);
std::string toUpperAscii(std::string_view text);
// Where the text is not valid UTF-8, the byte offset of the first bad byte.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);
// The text with every CR that stands alone (old Mac files, some scanner exports) turned into an
// LF, so lines are counted as an editor counts them; nullopt when there is none.
std::optional<std::string> withLoneCrsAsLf(std::string_view text);
// A message fit for a terminal or a dialog when it quotes a hostile file: control bytes (escape
// sequences, CR, bells) are shown as \xNN, and a run of more than 200 bytes without a blank (a
// 10 MB cell) is cut to its start and its length.
std::string readableText(std::string_view message);

} // namespace asicledger
