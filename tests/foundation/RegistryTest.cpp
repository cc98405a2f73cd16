#include "EntityRegistry.hpp"
#include "Journal.hpp"
#include "LedgerError.hpp"
#include "LedgerFixture.hpp"
#include "SiteRegistry.hpp"
#include "UserDirectory.hpp"

#include <gtest/gtest.h>

namespace asicledger {
namespace {

class Registry : public testing::LedgerFixture
{
protected:
    JournalHead head() { return Journal(ledger->db()).head(); }

    template <class Error, class Action>
    void expectRefusedAndNothingWritten(Action action, const std::string& words)
    {
        const auto before = head();
        try {
            action();
            FAIL() << "expected a refusal mentioning: " << words;
        } catch (const Error& error) {
            EXPECT_NE(std::string(error.what()).find(words), std::string::npos) << error.what();
        }
        EXPECT_EQ(head().seq, before.seq);
    }
};

TEST_F(Registry, EntitiesAreValidatedAndJournalled)
{
    EntityRegistry entities(*ledger);
    const auto before = head();
    const auto added = entities.add(admin, {"  Ekibastuz Power LLP ", "Domestic", "kz", "200140012345"});
    EXPECT_EQ(added.name, "Ekibastuz Power LLP");
    EXPECT_EQ(added.jurisdiction, "KZ");
    EXPECT_EQ(head().seq, before.seq + 1);
    EXPECT_EQ(entities.require("ekibastuz power llp").id, added.id);

    expectRefusedAndNothingWritten<InvalidInput>(
        [&] { entities.add(admin, {"Short BIN LLP", "domestic", "KZ", "12345"}); }, "12 digits");
    expectRefusedAndNothingWritten<InvalidInput>(
        [&] { entities.add(admin, {"Lion Pte", "domestic", "SG", ""}); }, "jurisdiction is KZ");
    expectRefusedAndNothingWritten<InvalidInput>(
        [&] { entities.add(admin, {"Steppe Ltd", "overseas", "KZ", ""}); }, "domestic");
    expectRefusedAndNothingWritten<InvalidInput>([&] { entities.add(admin, {"X", "offshore", "SG", ""}); },
                                                 "domestic (a Kazakh company) or overseas");
    expectRefusedAndNothingWritten<Refusal>(
        [&] { entities.add(admin, {"KAZAKH HASH llp", "domestic", "KZ", ""}); }, "already exists");
    expectRefusedAndNothingWritten<PermissionDenied>(
        [&] { entities.add(finance, {"Finance Made LLP", "domestic", "KZ", ""}); }, "admin role");
    expectRefusedAndNothingWritten<NotFound>([&] { entities.require("Nobody LLP"); }, "entity list");
}

TEST_F(Registry, SitesNeedAnExistingOperator)
{
    SiteRegistry sites(*ledger);
    const auto site = sites.add(admin, "Oskemen-3", "East Kazakhstan", "Altyn Mining LLP");
    EXPECT_EQ(site.operatorName, "Altyn Mining LLP");
    EXPECT_EQ(sites.list().size(), 3u);
    expectRefusedAndNothingWritten<NotFound>([&] { sites.add(admin, "Pavlodar-9", "Pavlodar", "Ghost LLP"); },
                                             "no entity named 'Ghost LLP'");
    expectRefusedAndNothingWritten<Refusal>([&] { sites.add(admin, "ekibastuz-1", "Pavlodar", "Kazakh Hash LLP"); },
                                            "already exists");
    expectRefusedAndNothingWritten<PermissionDenied>(
        [&] { sites.add(auditor, "Aksu-1", "Pavlodar", "Kazakh Hash LLP"); }, "admin role");
}

TEST_F(Registry, SignInGivesOneAnswerForEveryFailure)
{
    UserDirectory users(*ledger);
    std::string unknown, wrong;
    try {
        users.signIn("nobody", "whatever-password");
    } catch (const PermissionDenied& error) {
        unknown = error.what();
    }
    try {
        users.signIn("finance", "wrong-password");
    } catch (const PermissionDenied& error) {
        wrong = error.what();
    }
    EXPECT_FALSE(unknown.empty());
    EXPECT_EQ(unknown, wrong);
    EXPECT_EQ(users.signIn("FINANCE", "finance-password").role, Role::Finance);

    users.disable(admin, "finance2");
    EXPECT_THROW(users.signIn("finance2", "finance2-password"), PermissionDenied);
    EXPECT_THROW(users.disable(admin, "admin"), Refusal);
}

TEST_F(Registry, EveryoneMayChangeTheirOwnPasswordOnlyAdminsAnyone)
{
    UserDirectory users(*ledger);
    users.setPassword(auditor, "auditor", "a-new-secret-1");
    EXPECT_EQ(users.signIn("auditor", "a-new-secret-1").name, "auditor");
    expectRefusedAndNothingWritten<PermissionDenied>(
        [&] { users.setPassword(auditor, "finance", "hijacked-pass"); }, "admin role");
    expectRefusedAndNothingWritten<InvalidInput>([&] { users.setPassword(admin, "finance", "short"); },
                                                 "at least 8");
    users.setPassword(admin, "finance", "reset-by-admin");
    EXPECT_EQ(users.signIn("finance", "reset-by-admin").role, Role::Finance);
}

TEST_F(Registry, TheJournalNeverShowsAPasswordHash)
{
    const auto stored = ledger->db().execAndGet("SELECT password_hash FROM app_user WHERE name='finance'").getString();
    const auto leaked =
        ledger->db().execAndGet("SELECT count(*) FROM journal WHERE instr(changes, '" + stored.substr(30, 20) + "') > 0");
    EXPECT_EQ(leaked.getInt(), 0);
    EXPECT_GT(ledger->db().execAndGet("SELECT count(*) FROM journal WHERE changes LIKE '%sha256:%'").getInt(), 0);
}

} // namespace
} // namespace asicledger
