#include "EntityRegistry.hpp"
#include "ExitDesk.hpp"
#include "InspectionDesk.hpp"
#include "JournalFixture.hpp"
#include "JournalQuery.hpp"
#include "RateBook.hpp"
#include "ShipmentImporter.hpp"
#include "UnitActions.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace asicledger {
namespace {

using testing::failureText;
using testing::namesAll;

// A ledger worked through the core's real write paths (import, unit actions, a two-person early
// exit, rate changes) verifies; raw edits afterwards are named against the entry that wrote them.
class WorkedLedger : public testing::JournalFixture
{
protected:
    void SetUp() override
    {
        JournalFixture::SetUp();
        const auto row = [](const std::string& serial, const std::string& start,
                            const std::string& declaration, const std::string& day) {
            return fmt::format("{},Bitmain,Antminer S19j Pro,104,3068,1980000.00,KZT,,Kazakh Hash "
                               "LLP,,Ekibastuz-1,{},{},{},air,{},{}\n",
                               serial, start, declaration, day, day, day);
        };
        importUnits(importHeader() + row("SN-OLD-1", "2020-06-02", "DECL/2020/1", "2020-06-01") +
                    row("SN-OLD-2", "2020-06-02", "DECL/2020/1", "2020-06-01") +
                    row("SN-NEW-1", "2024-02-29", "DECL/2024/7", "2024-02-28"));
        const Date day(2026, 11, 23);
        UnitActions actions(*ledger);
        actions.sell(finance, {"SN-OLD-1"}, "Altyn Mining LLP", day, "sold after unlock");
        actions.move(finance, {"SN-OLD-2"}, "Karagandy-2", day);
        actions.setStatus(finance, {"SN-NEW-1"}, UnitStatus::Stopped, day);
        actions.setBeneficialOwner(finance, {"SN-NEW-1"}, std::string("Pacific Hash Pte Ltd"), day);
        actions.addNote(finance, "SN-NEW-1", day, "hosted for Pacific Hash");
        ExitDesk(*ledger).record(finance, {"SN-NEW-1"}, day, "KZ-PAY-77");
        ExitDesk(*ledger).approve(manager, {"SN-NEW-1"}, "seen the bank statement");
        RateBook(*ledger).setBaseRate(admin, Date(2026, 12, 1), "16.50");
        InspectionDesk(*ledger).record(auditor,
                                       {"Ekibastuz-1",
                                        day,
                                        "State Revenue Committee",
                                        {"A. Serikbayev", "D. Omarova"},
                                        "ACT-2026-118"},
                                       "SN-NEW-1,present\nSN-OLD-2,present\nSN-GHOST-9,damaged\n");
    }
};

TEST_F(WorkedLedger, Verifies)
{
    const auto result = verify();
    EXPECT_TRUE(result.ok) << failureText(result);
    EXPECT_EQ(result.entriesChecked, head().seq);
}

TEST_F(WorkedLedger, EveryChangeOfAUnitIsListedBySerial)
{
    std::vector<std::string> actions;
    JournalFilter filter;
    filter.serial = "sn-new-1";
    JournalQuery(*ledger).forEach(filter, false, [&](const JournalEntry& entry) {
        actions.push_back(entry.action);
        return true;
    });
    ASSERT_EQ(actions.size(), 6u);
    EXPECT_EQ(actions.front(), "import");
    EXPECT_EQ(actions.back(), "exit.approve");
}

TEST_F(WorkedLedger, SaleUndoneByHandIsNamedWithTheSale)
{
    const auto unit = idOf("unit", "serial", "SN-OLD-1");
    const auto original = idOf("entity", "name", "Kazakh Hash LLP");
    tamper(fmt::format("UPDATE unit SET legal_owner_id = {} WHERE id = {}", original, unit));
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {fmt::format("unit #{} (serial SN-OLD-1)", unit), "legal_owner_id",
                                  fmt::format("is {} in the ledger", original), "sell by finance"}))
        << failureText(result);
}

TEST_F(WorkedLedger, ApprovalRemovedByHandIsNamed)
{
    tamper("UPDATE exit_payment SET approved_by = NULL, approval_note = NULL");
    tamper("UPDATE unit SET released_on = NULL WHERE serial = 'SN-NEW-1'");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"exit_payment #", "approved_by", "'manager' in the journal",
                                  "exit.approve by manager"}))
        << failureText(result);
}

TEST_F(WorkedLedger, InspectionFindingChangedByHandIsNamed)
{
    auto db = raw();
    const auto guard = db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = "
                                     "'inspection_sighting_no_update'")
                           .getString();
    db.exec("DROP TRIGGER inspection_sighting_no_update");
    db.exec("UPDATE inspection_sighting SET finding = 'present' WHERE serial = 'SN-GHOST-9'");
    db.exec(guard);
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(
        namesAll(result, {"inspection_sighting #", "(serial SN-GHOST-9)", "finding",
                          "'present' in the ledger", "'damaged' in the journal", "by auditor"}))
        << failureText(result);
}

} // namespace
} // namespace asicledger
