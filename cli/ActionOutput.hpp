#pragma once

#include "Output.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

class Session;

// What an action command did, in the output format asked for: the sentence for a person
// (table), or for a script a record of the action, its units and the journal entry that holds
// it (JSON object; "field,value" CSV with the serials joined by spaces).
void printActionDone(Session& session, std::string_view sentence, Json record,
                     const std::vector<std::string>& serials);

} // namespace asicledger
