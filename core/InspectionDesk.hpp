#pragma once

#include "Actor.hpp"
#include "InspectionRecord.hpp"
#include "SightingList.hpp"

#include <string>
#include <string_view>

namespace asicledger {

class Ledger;

// Records regulatory inspections (domain.md, "Inspections"): the act's header and every serial the
// inspectors saw, with its finding. Auditors and administrators record them. All or nothing: a bad
// header or any bad line of the seen-serials file refuses the whole inspection. Recorded
// inspections are never changed; a correction is a new inspection with its own reference.
class InspectionDesk
{
public:
    explicit InspectionDesk(Ledger& ledger) : m_ledger(ledger) {}

    // `seen` is the scanner dump or `serial,finding` CSV (see SightingList). Throws
    // PermissionDenied, NotFound (site), InvalidInput (empty header fields), Refusal (a date after
    // today, a reference the authority has used already) or InspectionRefused (bad lines).
    InspectionRecord record(const Actor& actor, const NewInspection& inspection,
                            std::string_view seen);
    InspectionRecord recordFile(const Actor& actor, const NewInspection& inspection,
                                const std::string& seenPath);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
