#include "RateBook.hpp"

#include "ActionsFixture.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "LedgerVerifier.hpp"
#include "UnitActions.hpp"

#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>

namespace asicledger::testing {
namespace {

using ::testing::HasSubstr;

class RateBookTest : public ActionsFixture
{
protected:
    void SetUp() override
    {
        ActionsFixture::SetUp();
        // Principal 150 000 000 tiyn; 2022-03-02 .. 2022-03-31 = 30 days at 13.50%: penalty
        // 2 080 479 (see ExitDeskTest.QuoteInsideOneBaseRatePeriod).
        addUnit({.serial = "Q1", .exemptionStart = "2022-03-01", .customsTiyn = 1'250'000'000});
        book.emplace(*ledger);
    }

    Tiyn penalty(const std::string& date = "2022-03-31")
    {
        return ExitDesk(*ledger).quote(unit("Q1"), day(date)).penalty;
    }

    std::int64_t unconfirmed()
    {
        return ledger->db()
            .execAndGet("SELECT count(*) FROM base_rate WHERE confirmed = 0")
            .getInt64();
    }

    std::optional<RateBook> book; // needs the ledger SetUp opens
};

TEST_F(RateBookTest, OnlyAnAdministratorChangesTheTables)
{
    const auto before = journalEntries();
    for (const auto* actor : {&finance, &auditor, &manager}) {
        EXPECT_THROW(book->setBaseRate(*actor, day("2022-03-01"), "20.00"), PermissionDenied);
        EXPECT_THROW(book->confirmBaseRates(*actor, std::nullopt), PermissionDenied);
        EXPECT_THROW(book->setVatRate(*actor, day("2027-01-01"), "20"), PermissionDenied);
        EXPECT_THROW(book->setExitPolicy(*actor, ExitPolicyTerms{day("2022-03-01")}),
                     PermissionDenied);
    }
    EXPECT_EQ(journalEntries(), before);
    EXPECT_EQ(penalty(), Tiyn(2'080'479));
}

// A new row from 2022-03-01 at 20.00% covers all 30 days:
//   150 000 000 × 1.25 × 0.20 × 30 / 365 = 1 125 000 000 / 365 = 3 082 191.78... -> 3 082 192
TEST_F(RateBookTest, NewBaseRateChangesLaterQuotes)
{
    book->setBaseRate(admin, day("2022-03-01"), "20.00", "test row");
    EXPECT_EQ(penalty(), Tiyn(3'082'192));
    // Correcting the same date updates the row instead of adding one:
    // 19.50% -> 150 000 000 × 1.25 × 0.195 × 30 / 365 = 1 096 875 000 / 365 = 3 005 136.98 -> 3 005
    // 137
    book->setBaseRate(admin, day("2022-03-01"), "19,50");
    EXPECT_EQ(penalty(), Tiyn(3'005'137));
    EXPECT_EQ(ledger->db()
                  .execAndGet("SELECT count(*) FROM base_rate WHERE effective_from = '2022-03-01'")
                  .getInt64(),
              1);
}

TEST_F(RateBookTest, BaseRatesAreValidated)
{
    const auto before = journalEntries();
    EXPECT_THROW(book->setBaseRate(admin, day("2022-03-01"), "-1"), InvalidInput);
    EXPECT_THROW(book->setBaseRate(admin, day("2022-03-01"), "100.01"), InvalidInput);
    EXPECT_THROW(book->setBaseRate(admin, day("2022-03-01"), "12.345"), InvalidInput);
    EXPECT_THROW(book->setBaseRate(admin, day("2022-03-01"), "twelve"), InvalidInput);
    EXPECT_THROW(book->setVatRate(admin, day("2027-01-01"), "101"), InvalidInput);
    EXPECT_EQ(journalEntries(), before);
    EXPECT_NO_THROW(book->setBaseRate(admin, day("2030-01-01"), "100"));
    EXPECT_NO_THROW(book->setBaseRate(admin, day("2030-02-01"), "0"));
}

// The shipped table has 25 unconfirmed rows.
TEST_F(RateBookTest, ConfirmingMarksRowsOnce)
{
    ASSERT_EQ(unconfirmed(), 25);
    // Typed by an administrator: confirmed, whether corrected or new.
    book->setBaseRate(admin, day("2022-02-24"), "13.50");
    book->setBaseRate(admin, day("2022-03-01"), "13.50");
    EXPECT_EQ(unconfirmed(), 24);
    EXPECT_EQ(penalty(), Tiyn(2'080'479)); // same rate, same quote

    EXPECT_EQ(book->confirmBaseRates(admin, day("2018-10-16")), 1u);
    EXPECT_EQ(book->confirmBaseRates(admin, day("2018-10-16")), 0u);
    EXPECT_THROW(book->confirmBaseRates(admin, day("2018-10-17")), NotFound);
    const auto before = journalEntries();
    EXPECT_EQ(book->confirmBaseRates(admin, std::nullopt), 23u);
    EXPECT_EQ(journalEntries(), before + 1);
    EXPECT_EQ(book->confirmBaseRates(admin, std::nullopt), 0u);
    EXPECT_EQ(journalEntries(), before + 1);
    EXPECT_EQ(unconfirmed(), 0);
}

// From 2022-03-16 the penalty is 2 × base rate / 360 a day:
//   2022-03-02 .. 03-15: 14 days × 1.25 × 0.135 / 365 -> 150 000 000 × 0.06472602739...
//   2022-03-16 .. 03-31: 16 days × 2 × 0.135 / 360    -> 150 000 000 × 0.012
//   exactly 150 000 000 × (23.625/3650 + 0.012) = 970 890.41... + 1 800 000 = 2 770 890.41...
//   -> 2 770 890
TEST_F(RateBookTest, ExitPolicyIsDataWithItsOwnDate)
{
    ExitPolicyTerms terms;
    terms.effectiveFrom = day("2022-03-16");
    terms.multiplierNum = 2;
    terms.multiplierDen = 1;
    terms.dayCount = 360;
    book->setExitPolicy(admin, terms);
    EXPECT_EQ(penalty(), Tiyn(2'770'890));

    terms.dayCount = 400;
    EXPECT_THROW(book->setExitPolicy(admin, terms), InvalidInput);
    terms.dayCount = 365;
    terms.multiplierNum = 0;
    EXPECT_THROW(book->setExitPolicy(admin, terms), InvalidInput);
    // Correcting the same date replaces the terms: back to 1.25 / 365 gives the original quote.
    terms.multiplierNum = 125;
    terms.multiplierDen = 100;
    book->setExitPolicy(admin, terms);
    EXPECT_EQ(penalty(), Tiyn(2'080'479));
    EXPECT_EQ(ledger->db().execAndGet("SELECT count(*) FROM exit_policy").getInt64(), 2);
}

TEST_F(RateBookTest, VatRateRowsAreAddedOrCorrected)
{
    book->setVatRate(admin, day("2027-01-01"), "18");
    book->setVatRate(admin, day("2027-01-01"), "17.5");
    SQLite::Statement query(ledger->db(),
                            "SELECT count(*), max(rate_bp) FROM vat_rate WHERE effective_from = "
                            "'2027-01-01'");
    ASSERT_TRUE(query.executeStep());
    EXPECT_EQ(query.getColumn(0).getInt64(), 1);
    EXPECT_EQ(query.getColumn(1).getInt64(), 1750);
}

} // namespace
} // namespace asicledger::testing

namespace asicledger::testing {
namespace {

// Every write of the actions goes through a ChangeSet, so `verify` finds each row the journal
// describes, and notices one changed behind its back.
TEST_F(ActionsFixture, VerifyReplaysEveryAction)
{
    addUnits({{.serial = "V1", .exemptionStart = "2021-03-15"},
              {.serial = "V2", .exemptionStart = "2022-03-15"},
              {.serial = "V3", .exemptionStart = "2021-03-15"}});
    UnitActions actions(*ledger);
    actions.sell(finance, {"V1"}, "Altyn Mining LLP", day("2026-04-01"));
    actions.move(finance, {"V1"}, "Karagandy-2", day("2026-04-02"));
    actions.setStatus(finance, {"V2"}, UnitStatus::Stopped, day("2026-05-01"));
    actions.setBeneficialOwner(finance, {"V2"}, "Harbour Digital Ltd", day("2026-05-02"));
    actions.addNote(finance, "V2", day("2026-05-03"), "fan replaced");
    actions.exportUnits(finance, {"V3"}, day("2026-06-01"));
    ExitDesk desk(*ledger);
    desk.record(finance, {"V2"}, day("2026-11-20"), "KZ-PAY-V2");
    desk.approve(manager, {"V2"}, "ok");
    RateBook book(*ledger);
    book.setBaseRate(admin, day("2026-12-01"), "17.00");
    book.setBaseRate(admin, day("2025-10-13"), "18.00");
    book.confirmBaseRates(admin, std::nullopt);
    book.setVatRate(admin, day("2027-01-01"), "16");
    ExitPolicyTerms terms;
    terms.effectiveFrom = day("2027-01-01");
    book.setExitPolicy(admin, terms);

    const auto result = LedgerVerifier(*ledger).verify();
    EXPECT_TRUE(result.ok) << (result.failures.empty() ? "" : result.failures.front());

    ledger->db().exec("UPDATE exit_payment SET total_tiyn = total_tiyn + 100, "
                      "penalty_tiyn = penalty_tiyn + 100");
    EXPECT_FALSE(LedgerVerifier(*ledger).verify().ok);
}

} // namespace
} // namespace asicledger::testing
