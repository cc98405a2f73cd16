#pragma once

#include "CalendarDate.hpp"
#include "Journal.hpp"

#include <functional>
#include <optional>
#include <string>

namespace asicledger {

class Ledger;

struct JournalFilter
{
    std::optional<Date> since;         // entries recorded on or after this UTC day
    std::optional<std::string> user;   // exact user name
    std::optional<std::string> serial; // entries whose row images touch this unit
};

// Reads journal entries for people: `asicledger journal`, the GUI's journal view.
class JournalQuery
{
public:
    explicit JournalQuery(Ledger& ledger) : m_ledger(ledger) {}
    // Entries in sequence order; `withChanges` false leaves JournalEntry::changes empty.
    void forEach(const JournalFilter& filter, bool withChanges,
                 const std::function<bool(const JournalEntry&)>& onEntry);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
