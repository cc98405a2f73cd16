#include "DemoLedger.hpp"

#include "Clock.hpp"
#include "ExitDesk.hpp"
#include "LedgerFixture.hpp"
#include "LedgerSetup.hpp"
#include "LedgerVerifier.hpp"
#include "PasswordHasher.hpp"
#include "UnitActions.hpp"
#include "UnitRegister.hpp"
#include "UserDirectory.hpp"

#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <gtest/gtest.h>
#include <set>

namespace asicledger {
namespace {

using testing::TemporaryFile;

std::int64_t count(Ledger& ledger, const std::string& sql)
{
    SQLite::Statement query(ledger.db(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

std::vector<std::string> column(Ledger& ledger, const std::string& sql)
{
    SQLite::Statement query(ledger.db(), sql);
    std::vector<std::string> values;
    while (query.executeStep())
        values.push_back(query.getColumn(0).getString());
    return values;
}

// A small demo (600 units) built once for the suite, on the fixture's fixed day.
class DemoLedgerTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        PasswordHasher::useMinimalCostForTests();
        s_file = new TemporaryFile();
        s_ledger = new Ledger(s_file->path(), s_clock, Ledger::OpenMode::CreateIfMissing);
        s_admin = LedgerSetup::initialise(*s_ledger, "admin", "admin-password");
        s_users = DemoLedger::build(*s_ledger, s_admin, {600, 20201});
    }
    static void TearDownTestSuite()
    {
        delete s_ledger;
        delete s_file;
    }

    Ledger& ledger() { return *s_ledger; }

    static inline FixedClock s_clock{Date(2026, 11, 23)};
    static inline TemporaryFile* s_file = nullptr;
    static inline Ledger* s_ledger = nullptr;
    static inline Actor s_admin;
    static inline std::vector<DemoUser> s_users;
};

TEST_F(DemoLedgerTest, HasTheRequestedUnitsUpToToday)
{
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM unit"), 600);
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM shipment WHERE arrival_date > '2026-11-23' "
                              "OR declaration_date > '2026-11-23' OR arrival_date < '2020-01-01'"),
              0);
    EXPECT_GE(count(ledger(), "SELECT count(*) FROM shipment"), 10);
}

TEST_F(DemoLedgerTest, OneUserPerRoleSignsInWithThePasswordItReturns)
{
    std::set<std::string> roles;
    for (const auto& user : s_users) {
        const auto actor = UserDirectory(ledger()).signIn(user.name, user.password);
        EXPECT_EQ(toText(actor.role), user.role);
        roles.insert(user.role);
    }
    EXPECT_EQ(roles, (std::set<std::string>{"finance", "auditor", "manager"}));
}

TEST_F(DemoLedgerTest, ShipsByEveryRouteWithKazakhDeclarationNumbers)
{
    const auto routes = column(ledger(), "SELECT DISTINCT route FROM shipment ORDER BY route");
    EXPECT_EQ(routes, (std::vector<std::string>{"air", "rail", "truck"}));
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM shipment WHERE declaration_no NOT GLOB "
                              "'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9]"
                              "[0-9][0-9]/[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"),
              0);
    // The DDMMYY part is the declaration date.
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM shipment WHERE substr(declaration_no, 10, 6) "
                              "<> substr(declaration_date, 9, 2) || substr(declaration_date, 6, 2) "
                              "|| substr(declaration_date, 3, 2)"),
              0);
}

TEST_F(DemoLedgerTest, TransitTimesAreThoseOfTheRouteButOne)
{
    const auto outside = count(
        ledger(), "SELECT count(*) FROM shipment WHERE CASE route WHEN 'air' THEN "
                  "julianday(arrival_date) - julianday(dispatch_date) NOT BETWEEN 3 AND 5 ELSE "
                  "julianday(arrival_date) - julianday(dispatch_date) NOT BETWEEN 14 AND 21 END");
    EXPECT_LE(outside, 1);
}

TEST_F(DemoLedgerTest, ExemptAndVatPaidUnitsAtTheRateOfTheirDeclarationDate)
{
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE exemption_start IS NULL"), 0);
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE exemption_start IS NOT NULL"), 0);
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM unit u JOIN shipment s ON s.id = "
                              "u.shipment_id WHERE u.vat_rate_bp <> CASE WHEN s.declaration_date "
                              "< '2026-01-01' THEN 1200 ELSE 1600 END"),
              0);
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE vat_rate_bp = 1600"), 0);
    // Released a day or two after arrival.
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM unit u JOIN shipment s ON s.id = "
                              "u.shipment_id WHERE u.exemption_start IS NOT NULL AND "
                              "julianday(u.exemption_start) - julianday(s.arrival_date) NOT "
                              "BETWEEN 1 AND 2"),
              0);
}

TEST_F(DemoLedgerTest, CustomsValuesInTengeAndDollarsOfPlausibleSize)
{
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE customs_currency = 'USD' AND "
                              "fx_rate IS NOT NULL"),
              0);
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE customs_currency = 'KZT'"), 0);
    // From about 300 000 to 5 000 000 KZT a machine.
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM unit WHERE customs_value_tiyn NOT BETWEEN "
                              "30000000 AND 500000000"),
              0);
}

TEST_F(DemoLedgerTest, SomeUnitsAreHostedForTheOverseasCustomers)
{
    const auto hosted = count(ledger(), "SELECT count(*) FROM unit u JOIN entity e ON e.id = "
                                        "u.beneficial_owner_id WHERE e.kind = 'overseas'");
    EXPECT_GT(hosted, 0);
    EXPECT_LT(hosted, 600 / 2);
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM unit u JOIN entity e ON e.id = "
                              "u.legal_owner_id WHERE e.kind <> 'domestic'"),
              0);
}

TEST_F(DemoLedgerTest, EveryKindOfLaterEventHappened)
{
    const auto kinds = column(ledger(), "SELECT DISTINCT kind FROM unit_event ORDER BY kind");
    for (const auto* kind : {"imported", "sold", "moved", "exported", "status", "note",
                             "beneficial_owner", "exit_recorded", "exit_approved"})
        EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
    EXPECT_FALSE(ExitDesk(ledger()).pending().empty());
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE released_on IS NOT NULL"), 0);
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit WHERE status = 'faulty'"), 0);
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM inspection"), 2);
}

TEST_F(DemoLedgerTest, SalesMovesAndExportsOfExemptUnitsComeAfterUnlockOrRelease)
{
    EXPECT_EQ(count(ledger(), "SELECT count(*) FROM unit_event ev JOIN unit u ON u.id = "
                              "ev.unit_id WHERE ev.kind IN ('sold', 'moved', 'exported') AND "
                              "u.exemption_start IS NOT NULL AND ev.event_date < u.unlock_date "
                              "AND (u.released_on IS NULL OR ev.event_date < u.released_on)"),
              0);
    // Some of them are units whose 2020-2021 exemption ran out.
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit_event ev JOIN unit u ON u.id = "
                              "ev.unit_id WHERE ev.kind = 'sold' AND u.unlock_date <= "
                              "ev.event_date"),
              0);
}

TEST_F(DemoLedgerTest, ALockedDemoUnitIsStillRefusedASale)
{
    const auto locked = column(ledger(), "SELECT serial FROM unit WHERE unlock_date > "
                                         "'2026-11-23' AND released_on IS NULL AND status <> "
                                         "'exported' ORDER BY serial LIMIT 1");
    ASSERT_EQ(locked.size(), 1u);
    const auto finance = UserDirectory(ledger()).signIn("dana", "dana-demo-pass");
    EXPECT_THROW(
        UnitActions(ledger()).sell(finance, locked, "Astana Digital Assets LLP", s_clock.today()),
        UnitActionRefused);
}

TEST_F(DemoLedgerTest, VerifiesAgainstItsJournal)
{
    const auto result = LedgerVerifier(ledger()).verify();
    EXPECT_TRUE(result.ok) << (result.failures.empty() ? "" : result.failures.front());
    EXPECT_GT(result.entriesChecked, 30);
}

TEST_F(DemoLedgerTest, ReportsExerciseCyrillicNames)
{
    EXPECT_GT(count(ledger(), "SELECT count(*) FROM unit u JOIN entity e ON e.id = "
                              "u.legal_owner_id WHERE e.name LIKE '%«%'"),
              0);
}

TEST(DemoLedgerBuild, TheSameSeedBuildsTheSameLedgerAndAnotherSeedAnother)
{
    PasswordHasher::useMinimalCostForTests();
    FixedClock clock(Date(2026, 11, 23));
    const auto serials = [&](unsigned seed) {
        TemporaryFile file;
        Ledger ledger(file.path(), clock, Ledger::OpenMode::CreateIfMissing);
        const auto admin = LedgerSetup::initialise(ledger, "admin", "admin-password");
        DemoLedger::build(ledger, admin, {200, seed});
        return column(ledger, "SELECT serial || '|' || legal_owner_id || '|' || site_id || '|' || "
                              "customs_value_tiyn || '|' || status FROM unit ORDER BY id");
    };
    const auto first = serials(7);
    EXPECT_EQ(first.size(), 200u);
    EXPECT_EQ(first, serials(7));
    EXPECT_NE(first, serials(8));
}

TEST(DemoLedgerBuild, RefusesALedgerThatIsNotNew)
{
    PasswordHasher::useMinimalCostForTests();
    FixedClock clock(Date(2026, 11, 23));
    TemporaryFile file;
    Ledger ledger(file.path(), clock, Ledger::OpenMode::CreateIfMissing);
    const auto admin = LedgerSetup::initialise(ledger, "admin", "admin-password");
    DemoLedger::build(ledger, admin, {100, 1});
    const auto journal = count(ledger, "SELECT count(*) FROM journal");
    EXPECT_THROW(DemoLedger::build(ledger, admin, {100, 1}), Refusal);
    EXPECT_EQ(count(ledger, "SELECT count(*) FROM journal"), journal);
}

TEST(DemoLedgerBuild, OnlyAnAdministratorBuildsIt)
{
    PasswordHasher::useMinimalCostForTests();
    FixedClock clock(Date(2026, 11, 23));
    TemporaryFile file;
    Ledger ledger(file.path(), clock, Ledger::OpenMode::CreateIfMissing);
    const auto admin = LedgerSetup::initialise(ledger, "admin", "admin-password");
    UserDirectory(ledger).add(admin, "clerk", "finance", "clerk-password");
    const auto clerk = UserDirectory(ledger).signIn("clerk", "clerk-password");
    EXPECT_THROW(DemoLedger::build(ledger, clerk, {100, 1}), PermissionDenied);
    EXPECT_EQ(count(ledger, "SELECT count(*) FROM entity"), 0);
}

TEST(DemoLedgerBuild, FullSizeTakesSeconds)
{
    PasswordHasher::useMinimalCostForTests();
    FixedClock clock(Date(2026, 11, 23));
    TemporaryFile file;
    Ledger ledger(file.path(), clock, Ledger::OpenMode::CreateIfMissing);
    const auto admin = LedgerSetup::initialise(ledger, "admin", "admin-password");
    const auto started = std::chrono::steady_clock::now();
    DemoLedger::build(ledger, admin, {});
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(count(ledger, "SELECT count(*) FROM unit"), 20000);
    // Generous for a loaded CI machine; on a quiet one it is a few seconds.
    EXPECT_LT(took, std::chrono::seconds(60));
}

} // namespace
} // namespace asicledger
