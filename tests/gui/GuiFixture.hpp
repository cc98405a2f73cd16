#pragma once

#include "LedgerFixture.hpp"
#include "LedgerSession.hpp"
#include "UnitRecord.hpp"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace asicledger::testing {

// The LedgerFixture's ledger (2026-11-23, a user per role, two sites) opened by a LedgerSession
// with the same fixed clock, signed in as finance. Pages and dialogs under test use the session;
// the fixture's own connection checks what reached the file.
class GuiFixture : public LedgerFixture
{
protected:
    void SetUp() override;
    void TearDown() override;

    // Signs the session in as one of the fixture's users ("manager", "auditor"...).
    void signInAs(const std::string& name);
    // One import row: an S19 Pro declared (and exempt from) `declared`, dispatched 20 days and
    // arrived 3 days before, by rail. `tag` keeps declarations of different owners apart.
    static std::string unitRow(const std::string& serial, const std::string& declared,
                               const std::string& owner = "Kazakh Hash LLP",
                               const std::string& site = "Ekibastuz-1",
                               const std::string& beneficialOwner = "", bool exempt = true,
                               int tag = 1);
    // Imports rows built with importRow (a header is added) as finance, through the core.
    void importRows(const std::string& rows);
    std::optional<UnitRecord> unit(const std::string& serial);
    std::string journalHead();
    // Processes events until `done` or the timeout; false on timeout.
    static bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000);

    std::shared_ptr<FixedClock> sessionClock;
    std::unique_ptr<gui::LedgerSession> session;
};

} // namespace asicledger::testing
