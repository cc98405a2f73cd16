#include "SerialArguments.hpp"

#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <fmt/format.h>
#include <fstream>

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
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        // A file saved by Excel or Notepad may start with a byte-order mark.
        if (first && line.starts_with("\xEF\xBB\xBF"))
            line.erase(0, 3);
        first = false;
        auto serial = trim(line);
        if (serial.empty() || serial.front() == '#')
            continue;
        serials.push_back(std::move(serial));
    }
    return serials;
}

} // namespace asicledger
