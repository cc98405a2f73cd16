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

} // namespace asicledger
