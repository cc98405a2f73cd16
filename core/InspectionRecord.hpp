#pragma once

#include "CalendarDate.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

// What an inspector wrote against a serial they saw. Everything but `Present` is adverse: the
// inspection report lists it among the discrepancies.
enum class InspectionFinding
{
    Present,
    Damaged,
    TamperedLabel,
    PoweredOff,
    LabelUnreadable
};
// The stored form: "present", "tampered_label"...
std::string_view toText(InspectionFinding finding);
// For people: "tampered label".
std::string_view describe(InspectionFinding finding);
// Case-insensitive; blanks and hyphens may stand for the underscore ("tampered label").
std::optional<InspectionFinding> parseInspectionFinding(std::string_view text);
bool isAdverse(InspectionFinding finding);
// "present, damaged, tampered_label, powered_off, label_unreadable", for messages.
std::string knownInspectionFindings();

// What an auditor types when recording an inspection (the header of the act).
struct NewInspection
{
    std::string site;
    Date date;
    std::string authority;
    std::vector<std::string> inspectors;
    std::string reference;
};

// An inspection as the ledger holds it.
struct InspectionRecord
{
    std::int64_t id = 0;
    std::int64_t siteId = 0;
    std::string site;
    std::string siteRegion;
    std::string siteOperator; // the entity operating the site
    Date date;
    std::string authority;
    std::string inspectors; // names joined with "; "
    std::string reference;
    std::string recordedBy;
    std::int64_t journalSeq = 0;
    std::int64_t serialsSeen = 0;
};

// One serial seen during an inspection.
struct Sighting
{
    std::size_t lineNo = 0; // line of the file the auditor gave
    std::string serial;     // normalised
    std::optional<std::int64_t> unitId;
    InspectionFinding finding = InspectionFinding::Present;
};

} // namespace asicledger
