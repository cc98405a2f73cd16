#include "PlainText.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace asicledger {

std::string trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string toLowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::string toUpperAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    });
    return out;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned int codePoint = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        const bool overlong = (length == 2 && codePoint < 0x80) ||
                              (length == 3 && codePoint < 0x800) ||
                              (length == 4 && codePoint < 0x10000);
        if (overlong || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)
            return i;
        i += length;
    }
    return std::nullopt;
}

std::optional<std::string> withLoneCrsAsLf(std::string_view text)
{
    auto cr = text.find('\r');
    while (cr != std::string_view::npos && cr + 1 < text.size() && text[cr + 1] == '\n')
        cr = text.find('\r', cr + 2);
    if (cr == std::string_view::npos)
        return std::nullopt;
    std::string normal(text);
    for (std::size_t i = cr; i < normal.size(); ++i) {
        if (normal[i] == '\r' && (i + 1 == normal.size() || normal[i + 1] != '\n'))
            normal[i] = '\n';
    }
    return normal;
}

std::string readableText(std::string_view message)
{
    constexpr std::size_t kLongestRun = 200;
    constexpr std::size_t kShownOfRun = 40;
    std::string out;
    out.reserve(std::min<std::size_t>(message.size(), 4096));
    std::size_t i = 0;
    while (i < message.size()) {
        const auto blank = message.find_first_of(" \n", i);
        const auto end = blank == std::string_view::npos ? message.size() : blank;
        auto run = message.substr(i, end - i);
        if (run.size() > kLongestRun) {
            auto cut = kShownOfRun;
            while (cut > 0 && (static_cast<unsigned char>(run[cut]) & 0xC0) == 0x80)
                --cut; // not inside a UTF-8 character
            out += readableText(run.substr(0, cut));
            out += fmt::format("... ({} bytes in all)", run.size());
        } else {
            for (const char c : run) {
                const auto byte = static_cast<unsigned char>(c);
                if (byte < 0x20 || byte == 0x7F)
                    out += fmt::format("\\x{:02X}", byte);
                else
                    out += c;
            }
        }
        if (end < message.size())
            out += message[end];
        i = end + 1;
    }
    return out;
}

} // namespace asicledger
