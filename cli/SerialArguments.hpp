#pragma once

#include <CLI/App.hpp>
#include <memory>
#include <string>
#include <vector>

namespace asicledger {

// The serials a bulk command names: on the command line, and from --serials-file (one serial a
// line, as a barcode scanner or a spreadsheet column gives them) because clerks paste thousands.
class SerialArguments
{
public:
    // Adds the SERIAL... positional and --serials-file to `command`.
    static std::shared_ptr<SerialArguments> addTo(CLI::App* command);

    // Both sources, in order; blank lines and lines starting with '#' in the file are skipped.
    // Throws InvalidInput when the file cannot be read, or naming FILE:LINE for every line that
    // holds no serial (bad bytes, characters no serial has, a serial listed twice): a clerk
    // fixes the file by its line numbers. Whether the units exist is the core's job.
    std::vector<std::string> serials() const;

private:
    std::vector<std::string> m_serials;
    std::string m_file;
};

} // namespace asicledger
