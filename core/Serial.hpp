#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

// A unit's serial number in the form the ledger compares and stores: surrounding blanks trimmed,
// letters upper-cased. Two serials are the same unit exactly when their normal forms are equal.
class Serial
{
public:
    // Throws InvalidInput saying what is wrong with the text.
    explicit Serial(std::string_view text);
    // Nothing, and the reason in `problem` when given, if the text is not a usable serial.
    static std::optional<Serial> tryParse(std::string_view text, std::string* problem = nullptr);

    const std::string& text() const { return m_text; }
    auto operator<=>(const Serial&) const = default;

    static constexpr std::size_t kMaxLength = 64;

private:
    struct Checked
    {};
    Serial(std::string normal, Checked) : m_text(std::move(normal)) {}
    std::string m_text;
};

} // namespace asicledger
