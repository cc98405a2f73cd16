#include "InspectionRecord.hpp"

#include "PlainText.hpp"

#include <array>

namespace asicledger {
namespace {

constexpr std::array<std::string_view, 5> kStored{"present", "damaged", "tampered_label",
                                                  "powered_off", "label_unreadable"};
constexpr std::array<std::string_view, 5> kDescribed{"present", "damaged", "tampered label",
                                                     "powered off", "label unreadable"};

} // namespace

std::string_view toText(InspectionFinding finding)
{
    return kStored.at(static_cast<std::size_t>(finding));
}

std::string_view describe(InspectionFinding finding)
{
    return kDescribed.at(static_cast<std::size_t>(finding));
}

std::optional<InspectionFinding> parseInspectionFinding(std::string_view text)
{
    auto normal = toLowerAscii(trim(text));
    for (char& c : normal) {
        if (c == ' ' || c == '-')
            c = '_';
    }
    for (std::size_t i = 0; i < kStored.size(); ++i) {
        if (kStored[i] == normal)
            return static_cast<InspectionFinding>(i);
    }
    return std::nullopt;
}

bool isAdverse(InspectionFinding finding)
{
    return finding != InspectionFinding::Present;
}

std::string knownInspectionFindings()
{
    std::string names;
    for (const auto name : kStored)
        names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

} // namespace asicledger
