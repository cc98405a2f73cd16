#include "Serial.hpp"

#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <fmt/format.h>

namespace asicledger {
namespace {

// The serial as the message quotes it: a control byte (a NUL would cut the message short), and
// any non-ASCII byte when the text is not UTF-8, is shown as \xNN; Cyrillic stays readable.
std::string quoted(std::string_view text)
{
    const bool utf8 = !firstInvalidUtf8(text);
    std::string shown;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F || (byte >= 0x80 && !utf8))
            shown += fmt::format("\\x{:02X}", byte);
        else
            shown += c;
    }
    return shown;
}

} // namespace

std::optional<Serial> Serial::tryParse(std::string_view text, std::string* problem)
{
    const auto fail = [&](std::string why) -> std::optional<Serial> {
        if (problem)
            *problem = std::move(why);
        return std::nullopt;
    };
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return fail("the serial is empty");
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string normal(text.substr(first, last - first + 1));
    if (normal.size() > kMaxLength)
        return fail(fmt::format("the serial is {} characters long; serials have at most {}",
                                normal.size(), kMaxLength));
    for (char& c : normal) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                             c == '_' || c == '/' || c == '.';
        if (!allowed) {
            const auto shown =
                static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F
                    ? fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c))
                    : fmt::format("'{}'", c);
            return fail(fmt::format("the serial '{}' contains {}: serials use only Latin letters, "
                                    "digits and - _ / .",
                                    quoted(text.substr(first, last - first + 1)), shown));
        }
    }
    return Serial(std::move(normal), Checked{});
}

Serial::Serial(std::string_view text)
{
    std::string problem;
    auto parsed = tryParse(text, &problem);
    if (!parsed)
        throw InvalidInput(problem);
    m_text = std::move(parsed->m_text);
}

} // namespace asicledger
