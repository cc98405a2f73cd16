// Dates as clerks type them (YYYY-MM-DD, DD.MM.YYYY) in every importer and on the command line.
#include "CalendarDate.hpp"
#include "FuzzInput.hpp"

using namespace asicledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = fuzz::bytesOf(data, size);
    const auto date = parseDate(text);
    bool refused = false;
    try {
        const auto required = requireDate(text, "the date");
        fuzz::require(date && required == *date, "requireDate and parseDate disagree");
    } catch (const InvalidInput&) {
        refused = true;
    }
    fuzz::require(refused == !date.has_value(), "requireDate refused a date parseDate reads");
    if (date) {
        fuzz::require(date->year() >= 1900 && date->year() <= 9999, "year out of range");
        // What the ledger stores reads back as the same day.
        const auto iso = isoDate(*date);
        fuzz::require(iso.size() == 10, "ISO date is not 10 characters");
        const auto again = parseDate(iso);
        fuzz::require(again && *again == *date, "ISO text does not read back");
        (void)daysBetween(Date(1900, 1, 1), *date);
    }
    return 0;
}
