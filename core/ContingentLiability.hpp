#pragma once

#include "CalendarDate.hpp"
#include "Money.hpp"

#include <string>
#include <vector>

namespace asicledger {

class Ledger;

// The contingent liability: what exiting every unit locked on `asOf` would cost on that day.
struct LiabilityRow
{
    std::string group; // entity or site name
    std::int64_t units = 0;
    Tiyn principal;
    Tiyn penalty;
    Tiyn total;
};

enum class LiabilityGrouping
{
    ByEntity,
    BySite
};

class ContingentLiability
{
public:
    explicit ContingentLiability(Ledger& ledger) : m_ledger(ledger) {}
    // Rows sorted by group name; throws MissingReferenceData if the base-rate table has a gap.
    std::vector<LiabilityRow> asOf(Date asOf, LiabilityGrouping grouping);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
