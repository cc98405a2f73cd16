#pragma once

#include "Output.hpp"
#include "UnitRecord.hpp"
#include "UnitRegister.hpp"

#include <vector>

namespace asicledger {

// How a unit reads in lists and on its own page: JSON rows (snake_case keys, money in tiyn) and
// the columns that show them.
class UnitView
{
public:
    // One line of `units`: identity, both owners, site, lock dates and state on `today`.
    static Json row(const UnitRecord& unit, Date today);
    static const std::vector<OutputColumn>& rowColumns();

    // Everything `unit show` says, history excluded.
    static Json details(const UnitRecord& unit, Date today);
    static const std::vector<OutputColumn>& detailFields();

    static Json event(const UnitEvent& event);
    static const std::vector<OutputColumn>& eventColumns();
};

} // namespace asicledger
