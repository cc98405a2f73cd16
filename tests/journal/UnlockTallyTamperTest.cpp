// The unlock tally (schema/005) is derived from the units by triggers and feeds the unlock
// schedule and the dashboard. Edited with the sqlite3 shell, or with a trigger dropped so later
// writes stop counting, it would show managers a false schedule: verify names the day, the site
// and the owner.

#include "JournalFixture.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

using testing::failureText;
using testing::namesAll;

class UnlockTallyTamper : public testing::JournalFixture
{
protected:
    void SetUp() override
    {
        JournalFixture::SetUp();
        addUnits({"SN-200", "SN-201", "SN-202"}); // unlock 2027-03-16, Ekibastuz-1
        ASSERT_TRUE(verify().ok) << failureText(verify());
    }
};

TEST_F(UnlockTallyTamper, TheTriggersKeepTheTallyEqualToTheUnits)
{
    auto db = raw();
    EXPECT_EQ(
        db.execAndGet("SELECT units FROM unlock_tally WHERE unlock_date = '2027-03-16'").getInt64(),
        3);
    setStatus(idOf("unit", "serial", "SN-201"), "exported");
    EXPECT_EQ(
        db.execAndGet("SELECT units FROM unlock_tally WHERE unlock_date = '2027-03-16'").getInt64(),
        2);
    EXPECT_TRUE(verify().ok) << failureText(verify());
}

TEST_F(UnlockTallyTamper, AChangedCountIsNamedWithItsDaySiteAndOwner)
{
    tamper("UPDATE unlock_tally SET units = units + 40");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"unlock tally", "2027-03-16", "Ekibastuz-1", "Kazakh Hash LLP",
                                  "43 units", "the units say 3 units"}))
        << failureText(result);
}

TEST_F(UnlockTallyTamper, ADeletedRowIsNamed)
{
    tamper("DELETE FROM unlock_tally");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"unlock tally has no row", "2027-03-16", "3 units"}))
        << failureText(result);
}

TEST_F(UnlockTallyTamper, AnInsertedRowIsNamed)
{
    tamper("INSERT INTO unlock_tally SELECT '2028-01-05', site_id, legal_owner_id, 900, 1, 1 "
           "FROM unlock_tally");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"900 units", "2028-01-05", "no held unit unlocks"}))
        << failureText(result);
}

TEST_F(UnlockTallyTamper, ADroppedTriggerIsNamedBeforeAnyWriteGoesUncounted)
{
    tamper("DROP TRIGGER unlock_tally_unit_update");
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(namesAll(result, {"unlock_tally_unit_update", "dropped or altered"}))
        << failureText(result);

    // A write made without it leaves the tally behind the units: named too.
    setStatus(idOf("unit", "serial", "SN-200"), "exported");
    EXPECT_TRUE(namesAll(
        verify(), {"the unlock tally for 2027-03-16", "says 3 units", "the units say 2 units"}))
        << failureText(verify());
}

TEST_F(UnlockTallyTamper, ADroppedTallyIsNamed)
{
    tamper("DROP TABLE unlock_tally");
    EXPECT_TRUE(namesAll(verify(), {"unlock tally", "has been dropped"})) << failureText(verify());
}

} // namespace
} // namespace asicledger
