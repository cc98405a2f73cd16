#include "SerialArguments.hpp"

#include "LedgerError.hpp"
#include "PlainText.hpp"
#include "Serial.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <map>
#include <sstream>

namespace asicledger {

std::shared_ptr<SerialArguments> SerialArguments::addTo(CLI::App* command)
{
    auto arguments = std::make_shared<SerialArguments>();
    command->add_option("serials", arguments->m_serials, "Serial numbers of the units");
    command->add_option("--serials-file", arguments->m_file,
                        "A file with one serial a line (blank lines and # comments skipped)");
    return arguments;
}

std::vector<std::string> SerialArguments::serials() const
{
    auto serials = m_serials;
    if (m_file.empty())
        return serials;
    std::ifstream in(m_file, std::ios::binary);
    if (!in)
        throw InvalidInput(
            fmt::format("the serials file {} cannot be read: check the name", m_file));
    std::ostringstream contents;
    contents << in.rdbuf();
    const auto raw = std::move(contents).str();
    const auto normal = withLoneCrsAsLf(raw);
    std::string_view bytes = normal ? *normal : raw;

    const auto refuse = [&](std::size_t line, const std::string& why) {
        return InvalidInput(fmt::format("{}:{}: {}; nothing was changed", m_file, line, why));
    };
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        throw refuse(1, "the file is saved as UTF-16: save it as UTF-8 (one serial a line)");
    // A file saved by Excel or Notepad may start with a byte-order mark.
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    const auto lineOf = [&](std::size_t offset) {
        return 1 +
               static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
    };
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
        throw refuse(lineOf(nul), "the line holds a NUL byte: this is not a text file");
    if (const auto bad = firstInvalidUtf8(bytes))
        throw refuse(lineOf(*bad), "the line holds bytes that are not UTF-8: save the file as "
                                   "UTF-8 (one serial a line)");

    std::vector<std::string> problems;
    std::map<std::string, std::size_t, std::less<>> firstLine;
    std::size_t lineNo = 0;
    std::size_t listed = 0;
    for (std::size_t offset = 0; offset < bytes.size();) {
        ++lineNo;
        const auto newline = bytes.find('\n', offset);
        const auto end = newline == std::string_view::npos ? bytes.size() : newline;
        const auto text = trim(bytes.substr(offset, end - offset));
        offset = end + 1;
        if (text.empty() || text.front() == '#')
            continue;
        ++listed;
        std::string why;
        const auto serial = Serial::tryParse(text, &why);
        if (!serial) {
            problems.push_back(fmt::format("{}:{}: {}", m_file, lineNo, why));
            continue;
        }
        const auto [first, inserted] = firstLine.emplace(serial->text(), lineNo);
        if (!inserted) {
            problems.push_back(fmt::format("{}:{}: serial {} is listed again (first on line {}): "
                                           "keep one line per unit",
                                           m_file, lineNo, serial->text(), first->second));
            continue;
        }
        serials.push_back(text);
    }
    if (listed == 0)
        throw refuse(1, "the serials file lists no serials: one serial a line");
    if (!problems.empty())
        throw InvalidInput(fmt::format("{}\n{} line{} of {} name no unit; nothing was changed",
                                       fmt::join(problems, "\n"), problems.size(),
                                       problems.size() == 1 ? "" : "s", m_file));
    return serials;
}

} // namespace asicledger
