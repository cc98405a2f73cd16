#pragma once

#include "Vocabulary.hpp"

#include <cstdint>
#include <string>

namespace asicledger {

// Who is acting: a signed-in user of the ledger and the role that bounds what they may do.
struct Actor
{
    std::int64_t userId = 0;
    std::string name;
    Role role = Role::Manager;
};

} // namespace asicledger
