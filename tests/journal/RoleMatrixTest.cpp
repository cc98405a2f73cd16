#include "EntityRegistry.hpp"
#include "ExitDesk.hpp"
#include "InspectionDesk.hpp"
#include "JournalFixture.hpp"
#include "LedgerError.hpp"
#include "RateBook.hpp"
#include "ShipmentImporter.hpp"
#include "SiteRegistry.hpp"
#include "UnitActions.hpp"
#include "UserDirectory.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <gtest/gtest.h>

namespace asicledger {
namespace {

// Every write of the core against every role: the role that may do it succeeds; every other role
// is refused with PermissionDenied, told which role may, and nothing is written. The ledger
// verifies after each case, so every write is also shown to journal exactly what it stores.
class RoleMatrix : public testing::JournalFixture
{
protected:
    void SetUp() override
    {
        JournalFixture::SetUp();
        addUnits({"SN-LOCKED-1", "SN-LOCKED-2"}, "DECL-LOCKED", "2022-03-15");
        addUnits({"SN-FREE-1", "SN-FREE-2"}, "DECL-FREE", "2020-03-15"); // unlocked 2025-03-16
    }

    void TearDown() override
    {
        const auto result = verify();
        EXPECT_TRUE(result.ok) << testing::failureText(result);
        JournalFixture::TearDown();
    }

    // `words` is what the refusal must say about who may.
    void expectOnly(const std::vector<Role>& allowed, const std::string& words,
                    const std::function<void(const Actor&)>& write)
    {
        const auto may = [&](Role role) {
            return std::find(allowed.begin(), allowed.end(), role) != allowed.end();
        };
        const std::vector<const Actor*> everyone = {&admin, &finance, &auditor, &manager};
        for (const Actor* actor : everyone) {
            if (may(actor->role))
                continue;
            SCOPED_TRACE(fmt::format("as {}", toText(actor->role)));
            const auto before = head();
            try {
                write(*actor);
                ADD_FAILURE() << "was not refused";
            } catch (const PermissionDenied& refusal) {
                const std::string message = refusal.what();
                EXPECT_NE(message.find(words), std::string::npos) << message;
                EXPECT_NE(message.find("Nothing was written"), std::string::npos) << message;
            } catch (const std::exception& error) {
                ADD_FAILURE() << "refused, but not for the role: " << error.what();
            }
            EXPECT_EQ(head().text(), before.text()) << "a refused write changed the journal";
        }
        for (const Actor* actor : everyone) {
            if (!may(actor->role))
                continue;
            SCOPED_TRACE(fmt::format("as {}, who may", toText(actor->role)));
            const auto before = head();
            try {
                write(*actor);
                EXPECT_GT(head().seq, before.seq) << "the write left no journal entry";
            } catch (const PermissionDenied& refusal) {
                ADD_FAILURE() << "the allowed role was refused: " << refusal.what();
            } catch (const LedgerError& error) {
                ADD_FAILURE() << "the allowed role was refused for a domain reason the test "
                                 "did not arrange: "
                              << error.what();
            }
        }
    }

    void expectOnly(Role allowed, const std::function<void(const Actor&)>& write)
    {
        expectOnly({allowed}, fmt::format("the {} role", toText(allowed)), write);
    }

    Date today() const { return Date(2026, 11, 23); }
};

TEST_F(RoleMatrix, EntityAdd)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        EntityRegistry(*ledger).add(actor, {"Matrix Power LLP", "domestic", "KZ", ""});
    });
}

TEST_F(RoleMatrix, SiteAdd)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        SiteRegistry(*ledger).add(actor, "Aksu-4", "Pavlodar", "Kazakh Hash LLP");
    });
}

TEST_F(RoleMatrix, UserAdd)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        UserDirectory(*ledger).add(actor, "clerk", "finance", "clerk-password-1");
    });
}

TEST_F(RoleMatrix, UserDisable)
{
    expectOnly(Role::Admin,
               [&](const Actor& actor) { UserDirectory(*ledger).disable(actor, "manager2"); });
}

TEST_F(RoleMatrix, PasswordOfAnotherUser)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        UserDirectory(*ledger).setPassword(actor, "manager2", "reset-by-someone-1");
    });
}

TEST_F(RoleMatrix, EveryoneSetsTheirOwnPassword)
{
    for (const Actor* actor : {&admin, &finance, &auditor, &manager}) {
        const auto before = head();
        UserDirectory(*ledger).setPassword(*actor, actor->name, "my-own-password-2");
        EXPECT_EQ(head().seq, before.seq + 1) << actor->name;
    }
}

TEST_F(RoleMatrix, Import)
{
    const auto csv =
        "serial,manufacturer,model,hashrate_ths,power_w,customs_value,currency,fx_rate,"
        "legal_owner,beneficial_owner,site,exemption_start,declaration_no,declaration_date,"
        "route,dispatch_date,arrival_date\n"
        "SN-IMP-1,Bitmain,Antminer S21,200,3500,2400000.00,KZT,,Kazakh Hash LLP,,Ekibastuz-1,"
        "2026-10-05,50109010/041026/0009999,2026-10-04,rail,2026-09-15,2026-10-02\n";
    expectOnly(Role::Finance, [&](const Actor& actor) {
        ShipmentImporter(*ledger).importCsv(actor, csv, /*dryRun=*/false);
    });
}

TEST_F(RoleMatrix, Sell)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        UnitActions(*ledger).sell(actor, {"SN-FREE-1"}, "Altyn Mining LLP", today());
    });
}

TEST_F(RoleMatrix, Move)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        UnitActions(*ledger).move(actor, {"SN-FREE-1"}, "Karagandy-2", today());
    });
}

TEST_F(RoleMatrix, Export)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        UnitActions(*ledger).exportUnits(actor, {"SN-FREE-2"}, today());
    });
}

TEST_F(RoleMatrix, StatusChange)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        UnitActions(*ledger).setStatus(actor, {"SN-LOCKED-1"}, UnitStatus::Stopped, today());
    });
}

TEST_F(RoleMatrix, BeneficialOwner)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        UnitActions(*ledger).setBeneficialOwner(actor, {"SN-LOCKED-1"},
                                                std::string("Pacific Hash Pte Ltd"), today());
    });
}

TEST_F(RoleMatrix, Note)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        UnitActions(*ledger).addNote(actor, "SN-LOCKED-1", today(), "fan replaced on site");
    });
}

TEST_F(RoleMatrix, ExitRecord)
{
    expectOnly(Role::Finance, [&](const Actor& actor) {
        ExitDesk(*ledger).record(actor, {"SN-LOCKED-2"}, today(), "KZ-PAY-0001");
    });
}

TEST_F(RoleMatrix, ExitApprove)
{
    ExitDesk(*ledger).record(finance, {"SN-LOCKED-2"}, today(), "KZ-PAY-0002");
    expectOnly(Role::Manager, [&](const Actor& actor) {
        ExitDesk(*ledger).approve(actor, {"SN-LOCKED-2"}, "checked against the bank statement");
    });
}

TEST_F(RoleMatrix, Inspection)
{
    expectOnly({Role::Auditor, Role::Admin}, "the auditor or admin role", [&](const Actor& actor) {
        NewInspection inspection{"Ekibastuz-1",
                                 today(),
                                 "State Revenue Committee",
                                 {"A. Serikbayev"},
                                 "ACT-" + actor.name};
        InspectionDesk(*ledger).record(actor, inspection, "SN-LOCKED-1\nSN-FREE-2\n");
    });
}

TEST_F(RoleMatrix, BaseRate)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        RateBook(*ledger).setBaseRate(actor, Date(2026, 12, 1), "16.50", "test");
    });
}

TEST_F(RoleMatrix, ConfirmBaseRates)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        RateBook(*ledger).confirmBaseRates(actor, std::nullopt);
    });
}

TEST_F(RoleMatrix, VatRate)
{
    expectOnly(Role::Admin, [&](const Actor& actor) {
        RateBook(*ledger).setVatRate(actor, Date(2027, 1, 1), "16.00");
    });
}

TEST_F(RoleMatrix, ExitPolicy)
{
    ExitPolicyTerms terms;
    terms.effectiveFrom = Date(2027, 1, 1);
    terms.multiplierNum = 3;
    terms.multiplierDen = 2;
    expectOnly(Role::Admin,
               [&](const Actor& actor) { RateBook(*ledger).setExitPolicy(actor, terms); });
}

} // namespace
} // namespace asicledger
