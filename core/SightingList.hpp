#pragma once

#include "InspectionRecord.hpp"
#include "LedgerError.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

// A line of a seen-serials file that cannot be taken, and why.
struct SightingProblem
{
    std::size_t line = 0; // physical line of the file; 0 for the file as a whole
    std::string message;
};

// The inspection was refused because of its seen-serials file; nothing was written. `problems`
// lists every bad line.
class InspectionRefused : public InvalidInput
{
public:
    explicit InspectionRefused(std::vector<SightingProblem> problems);
    const std::vector<SightingProblem>& problems() const { return m_problems; }

private:
    std::vector<SightingProblem> m_problems;
};

// Reads the serials an inspector saw, in either form auditors bring back from a site:
// - a barcode scanner dump: one serial a line, every one found `present`;
// - a CSV `serial,finding` (with or without that header; comma, semicolon or tab separated).
// In both, blank lines and lines starting with '#' are ignored. Every bad line is reported by its
// line number: a malformed serial, an unknown finding, a serial listed twice.
class SightingList
{
public:
    // Sightings in file order, unit ids not yet resolved. Throws InspectionRefused.
    static std::vector<Sighting> parse(std::string_view bytes);
};

} // namespace asicledger
