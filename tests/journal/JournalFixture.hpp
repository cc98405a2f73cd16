#pragma once

#include "LedgerFixture.hpp"
#include "LedgerVerifier.hpp"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <string>
#include <vector>

namespace asicledger::testing {

// The ledger fixture plus what the journal tests need: units written through Ledger::write and a
// ChangeSet (the way every writer of the core does), a second raw SQLite connection to tamper
// with the file as someone with the sqlite3 shell would, and verification helpers.
class JournalFixture : public LedgerFixture
{
protected:
    // One shipment of Kazakh Hash LLP with these units at Ekibastuz-1 (each with its "imported"
    // event), in one journal entry, exempt from `exemptionStart` (locked until five years on).
    // Returns the unit ids in the order of the serials.
    std::vector<std::int64_t> addUnits(const std::vector<std::string>& serials,
                                       const std::string& declarationNo = "50109010/150322/0001234",
                                       const std::string& exemptionStart = "2022-03-15");
    // A status change of one unit with its event, as UnitActions writes it.
    void setStatus(std::int64_t unitId, const std::string& status);

    std::int64_t idOf(const std::string& table, const std::string& column,
                      const std::string& value);
    JournalHead head();
    VerificationResult verify(const std::optional<JournalHead>& expected = std::nullopt);

    // A separate connection on the ledger file, with no triggers switched off and foreign keys
    // not enforced, as the sqlite3 shell opens it.
    SQLite::Database raw();
    // Runs SQL through a raw connection.
    void tamper(const std::string& sql);
    // Drops the journal's update guard, runs the SQL, and puts the guard back, as an attacker
    // who covers their tracks would.
    void tamperWithJournal(const std::string& sql);
};

// All failures, one a line, for assertion messages.
std::string failureText(const VerificationResult& result);
// True when one failure mentions every one of the words.
bool namesAll(const VerificationResult& result, const std::vector<std::string>& words);

} // namespace asicledger::testing
