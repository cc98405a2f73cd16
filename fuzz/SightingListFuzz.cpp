// The seen-serials file an inspector brings back: a scanner dump or a serial,finding CSV.
#include "FuzzInput.hpp"
#include "Serial.hpp"
#include "SightingList.hpp"

#include <algorithm>

using namespace asicledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto bytes = fuzz::bytesOf(data, size);
    const auto lines = fuzz::lineCount(bytes);
    try {
        const auto sightings = SightingList::parse(bytes);
        std::size_t previousLine = 0;
        for (const auto& sighting : sightings) {
            fuzz::require(sighting.lineNo > previousLine && sighting.lineNo <= lines,
                          "sighting lines out of order or outside the file");
            previousLine = sighting.lineNo;
            const auto serial = Serial::tryParse(sighting.serial);
            fuzz::require(serial && serial->text() == sighting.serial, "serial not in normal form");
        }
    } catch (const InspectionRefused& refused) {
        fuzz::require(!refused.problems().empty(), "refused without a problem");
        for (const auto& problem : refused.problems())
            fuzz::require(problem.line <= lines && !problem.message.empty(),
                          "problem without a line in the file or a message");
    } catch (const InvalidInput&) {
    }
    return 0;
}
