#include "CryptoFixture.hpp"
#include "LedgerError.hpp"
#include "LedgerVerifier.hpp"

#include <gtest/gtest.h>

namespace asicledger::testing {
namespace {

// The first quarter of 2026 as CryptoFixture::recordQuarter records it.
class CryptoReconciling : public CryptoFixture
{
protected:
    void SetUp() override
    {
        CryptoFixture::SetUp();
        recordQuarter();
    }

    static const CryptoPairLine& line(const CryptoReconciliationResult& result,
                                      const std::string& domestic, const std::string& overseas)
    {
        for (const auto& line : result.lines) {
            if (line.domestic.name == domestic &&
                (overseas.empty() ? !line.overseas
                                  : line.overseas && line.overseas->name == overseas))
                return line;
        }
        throw std::runtime_error("no line " + domestic + " / " + overseas);
    }
    static const CryptoFiatLine& fiat(const CryptoPairLine& line, const std::string& currency)
    {
        for (const auto& fiat : line.fiat) {
            if (fiat.currency == currency)
                return fiat;
        }
        throw std::runtime_error("no " + currency + " on the line");
    }
};

TEST_F(CryptoReconciling, TheWholeQuarterByHand)
{
    const auto result = CryptoReconciliation(*ledger).compute(std::nullopt, day("2026-03-31"));
    EXPECT_TRUE(result.ruleBreaks.empty());
    // Lines by domestic name, its own wallet first: Altyn, Altyn/Pacific, Kazakh Hash,
    // Kazakh Hash/Harbour, Kazakh Hash/Pacific.
    ASSERT_EQ(result.lines.size(), 5u);
    EXPECT_EQ(result.lines[0].domestic.name, kAltyn);
    EXPECT_FALSE(result.lines[0].overseas);
    EXPECT_EQ(result.lines[3].overseas->name, kHarbour);

    // Kazakh Hash's own wallet: mined 100 + 50 + 25 = 175 M sats; transferred 80 + 50 = 130 M;
    // sold 10 M at home; held 175 - 130 - 10 = 35 M.
    const auto& own = line(result, kKazakhHash, "");
    EXPECT_EQ(own.openingHeld, Satoshi(0));
    EXPECT_EQ(own.mined, Satoshi(175'000'000));
    EXPECT_EQ(own.transferred, Satoshi(130'000'000));
    EXPECT_EQ(own.converted, Satoshi(10'000'000));
    EXPECT_EQ(own.closingHeld, Satoshi(35'000'000));
    // KZT 3 500 000.00 for 0.1 BTC: 350 000 000 tiyn × 10^8 / 10^7 = 3 500 000 000 tiyn per BTC
    // (35 000 000.00 KZT). Raised at home: nothing outstanding.
    const auto& kzt = fiat(own, "KZT");
    EXPECT_EQ(kzt.raisedMinor, 350'000'000);
    EXPECT_EQ(kzt.feesMinor, 350'000);
    EXPECT_EQ(kzt.averagePriceMinor, 3'500'000'000);
    EXPECT_EQ(kzt.closingOutstandingMinor, 0);
    EXPECT_FALSE(kzt.oldestUnremitted);

    // Pacific's holding of Kazakh Hash's coins: 80 M in; 30 + 20 + 25 = 75 M sold; 5 M held.
    const auto& pacific = line(result, kKazakhHash, kPacific);
    EXPECT_EQ(pacific.transferred, Satoshi(80'000'000));
    EXPECT_EQ(pacific.converted, Satoshi(75'000'000));
    EXPECT_EQ(pacific.closingHeld, Satoshi(5'000'000));
    EXPECT_EQ(pacific.mined, Satoshi(0));
    // USD: raised 3 123 457 + 2 345 679 = 5 469 136 cents; fees 3 123 + 2 346 = 5 469;
    // remitted 2 000 000 + 3 000 000 = 5 000 000; outstanding 5 469 136 - 5 469 - 5 000 000
    // = 463 667 cents (4 636.67 USD).
    const auto& usd = fiat(pacific, "USD");
    EXPECT_EQ(usd.satsSold, Satoshi(55'000'000));
    EXPECT_EQ(usd.raisedMinor, 5'469'136);
    EXPECT_EQ(usd.feesMinor, 5'469);
    EXPECT_EQ(usd.remittedMinor, 5'000'000);
    EXPECT_EQ(usd.openingOutstandingMinor, 0);
    EXPECT_EQ(usd.closingOutstandingMinor, 463'667);
    // Average price: 5 469 136 × 10^8 / 55 000 000 = 546 913 600 / 55 = 9 943 883.636...
    // -> 9 943 884 cents (99 438.84 USD per BTC), half away from zero.
    EXPECT_EQ(usd.averagePriceMinor, 9'943'884);
    // FIFO: lots 01-20 net 3 120 334 and 03-01 net 2 343 333. The 5 000 000 remitted clear the
    // first lot and 1 879 666 of the second: the oldest unremitted is 03-01, 30 days before 03-31.
    EXPECT_EQ(usd.oldestUnremitted, day("2026-03-01"));
    EXPECT_EQ(usd.oldestUnremittedDays, 30);
    // SGD: 26 000.00 raised, no fee, all remitted: 2 600 000 × 10^8 / 20 000 000 = 13 000 000
    // cents (130 000.00 SGD per BTC); nothing outstanding, so no age.
    const auto& sgd = fiat(pacific, "SGD");
    EXPECT_EQ(sgd.raisedMinor, 2'600'000);
    EXPECT_EQ(sgd.remittedMinor, 2'600'000);
    EXPECT_EQ(sgd.closingOutstandingMinor, 0);
    EXPECT_EQ(sgd.averagePriceMinor, 13'000'000);
    EXPECT_FALSE(sgd.oldestUnremitted);

    // Harbour: 50 M in, 40 M sold, 10 M held. HKD 30 000 000 raised, 15 000 fee, 10 000 000
    // remitted: 19 985 000 outstanding. Price 30 000 000 × 10^8 / 40 000 000 = 75 000 000 cents
    // (750 000.00 HKD per BTC). Oldest unremitted: 03-05, 26 days before 03-31.
    const auto& harbour = line(result, kKazakhHash, kHarbour);
    EXPECT_EQ(harbour.closingHeld, Satoshi(10'000'000));
    const auto& hkd = fiat(harbour, "HKD");
    EXPECT_EQ(hkd.closingOutstandingMinor, 19'985'000);
    EXPECT_EQ(hkd.averagePriceMinor, 75'000'000);
    EXPECT_EQ(hkd.oldestUnremittedDays, 26);

    // Altyn: mined 40 M, sent 30 M, holds 10 M; Pacific holds 30 - 10 = 20 M of Altyn's coins.
    // USD 900 000 raised, 900 fee, 500 000 remitted: 399 100 outstanding since 03-02 (29 days).
    EXPECT_EQ(line(result, kAltyn, "").closingHeld, Satoshi(10'000'000));
    const auto& altynPacific = line(result, kAltyn, kPacific);
    EXPECT_EQ(altynPacific.closingHeld, Satoshi(20'000'000));
    const auto& altynUsd = fiat(altynPacific, "USD");
    EXPECT_EQ(altynUsd.closingOutstandingMinor, 399'100);
    EXPECT_EQ(altynUsd.averagePriceMinor, 9'000'000);
    EXPECT_EQ(altynUsd.oldestUnremittedDays, 29);
}

TEST_F(CryptoReconciling, APeriodOpensWithWhatWasHeldAndOwedBeforeIt)
{
    const auto result =
        CryptoReconciliation(*ledger).compute(day("2026-03-01"), day("2026-03-31"), kKazakhHash);
    // Kazakh Hash only: its own wallet and its two overseas lines.
    ASSERT_EQ(result.lines.size(), 3u);
    // Own wallet: opening 100 + 50 - 80 - 50 = 20 M; mined 25 M, sold 10 M: closing 35 M.
    const auto& own = line(result, kKazakhHash, "");
    EXPECT_EQ(own.openingHeld, Satoshi(20'000'000));
    EXPECT_EQ(own.mined, Satoshi(25'000'000));
    EXPECT_EQ(own.transferred, Satoshi(0));
    EXPECT_EQ(own.closingHeld, Satoshi(35'000'000));
    // Pacific: opening 80 - 30 - 20 = 30 M; sold 25 M: closing 5 M.
    const auto& pacific = line(result, kKazakhHash, kPacific);
    EXPECT_EQ(pacific.openingHeld, Satoshi(30'000'000));
    EXPECT_EQ(pacific.converted, Satoshi(25'000'000));
    EXPECT_EQ(pacific.closingHeld, Satoshi(5'000'000));
    // USD owed at the start: 3 120 334 net from January - 2 000 000 remitted = 1 120 334.
    // March: + 2 345 679 - 2 346 - 3 000 000 = 463 667 at the end, as over the whole quarter.
    const auto& usd = fiat(pacific, "USD");
    EXPECT_EQ(usd.openingOutstandingMinor, 1'120'334);
    EXPECT_EQ(usd.raisedMinor, 2'345'679);
    EXPECT_EQ(usd.remittedMinor, 3'000'000);
    EXPECT_EQ(usd.closingOutstandingMinor, 463'667);
    // March's price only: 2 345 679 × 10^8 / 25 000 000 = 9 382 716 cents (93 827.16 USD).
    EXPECT_EQ(usd.averagePriceMinor, 9'382'716);
    // SGD: all 26 000.00 owed at the start, all remitted in March, nothing sold in March.
    const auto& sgd = fiat(pacific, "SGD");
    EXPECT_EQ(sgd.openingOutstandingMinor, 2'600'000);
    EXPECT_EQ(sgd.closingOutstandingMinor, 0);
    EXPECT_FALSE(sgd.averagePriceMinor);
}

TEST_F(CryptoReconciling, TheAgeOfUnremittedProceedsIsCountedToThePeriodEnd)
{
    // On 02-28: USD lot 01-20 (3 120 334) less 2 000 000 remitted on 02-01 is still open, 39 days.
    auto result = CryptoReconciliation(*ledger).compute(std::nullopt, day("2026-02-28"), kPacific);
    const auto& usd = fiat(line(result, kKazakhHash, kPacific), "USD");
    EXPECT_EQ(usd.closingOutstandingMinor, 1'120'334);
    EXPECT_EQ(usd.oldestUnremitted, day("2026-01-20"));
    EXPECT_EQ(usd.oldestUnremittedDays, 39);
    // Pacific's lines only: Kazakh Hash's (Altyn's transfer of 02-20 makes a second).
    ASSERT_EQ(result.lines.size(), 2u);
    for (const auto& line : result.lines)
        EXPECT_EQ(line.overseas->name, kPacific);

    // Today (2026-11-23) by default: 03-01 lot, 267 days old.
    result = CryptoReconciliation(*ledger).compute(std::nullopt, std::nullopt);
    EXPECT_EQ(result.to, day("2026-11-23"));
    EXPECT_EQ(fiat(line(result, kKazakhHash, kPacific), "USD").oldestUnremittedDays, 267);
}

TEST_F(CryptoReconciling, BalancesAsOfAPastDay)
{
    CryptoHoldings holdings(*ledger);
    // 2026-02-10: Kazakh Hash 100 + 50 (that day's payout counts) - 80 = 70 M; Pacific holds
    // 80 - 30 - 20 = 30 M of Kazakh Hash's coins. Altyn has mined nothing yet; Harbour has nothing.
    auto rows = holdings.asOf(day("2026-02-10"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].holder.name, kKazakhHash);
    EXPECT_EQ(rows[0].held, Satoshi(70'000'000));
    EXPECT_EQ(rows[1].holder.name, kPacific);
    EXPECT_EQ(rows[1].source.name, kKazakhHash);
    EXPECT_EQ(rows[1].held, Satoshi(30'000'000));
    EXPECT_EQ(holdings.heldBy(rows[0].holder.id, day("2026-02-09")), Satoshi(20'000'000));
    // Today: Kazakh Hash 35 M, Altyn 10 M, Pacific 5 M + 20 M, Harbour 10 M.
    EXPECT_EQ(holdings.heldBy(rows[1].holder.id, day("2026-11-23")), Satoshi(25'000'000));
    rows = holdings.asOf(day("2026-11-23"));
    ASSERT_EQ(rows.size(), 5u);
    // Unremitted: Pacific owes Altyn 399 100 USD cents, Kazakh Hash 463 667 USD and 0 SGD;
    // Harbour owes Kazakh Hash 19 985 000 HKD cents.
    const auto owed = holdings.unremittedAsOf(day("2026-11-23"));
    ASSERT_EQ(owed.size(), 4u);
    EXPECT_EQ(owed[0].overseas.name, kHarbour);
    EXPECT_EQ(owed[0].outstandingMinor, 19'985'000);
    EXPECT_EQ(owed[1].domestic.name, kAltyn);
    EXPECT_EQ(owed[1].outstandingMinor, 399'100);
    EXPECT_EQ(owed[2].currency, "SGD");
    EXPECT_EQ(owed[2].outstandingMinor, 0);
    EXPECT_EQ(owed[3].outstandingMinor, 463'667);
}

TEST_F(CryptoReconciling, ADomesticSaleAtAVenueThatLostItsAifcFlagIsARuleBreak)
{
    // The conversion of 03-15 was lawful as recorded; then the venue turns out not to be licensed.
    CryptoVenues(*ledger).setAifcLicensed(admin, kAifcVenue, false);
    const auto result = CryptoReconciliation(*ledger).compute(std::nullopt, day("2026-03-31"));
    ASSERT_EQ(result.ruleBreaks.size(), 1u);
    const auto& ruleBreak = result.ruleBreaks.front();
    EXPECT_EQ(ruleBreak.kind, CryptoFlowKind::Conversion);
    EXPECT_EQ(ruleBreak.date, day("2026-03-15"));
    EXPECT_NE(ruleBreak.message.find("Kazakh Hash LLP (domestic) sold 0.10000000 BTC at Astana "
                                     "Digital Exchange, which is not marked AIFC-licensed (it was "
                                     "when the conversion was recorded)"),
              std::string::npos)
        << ruleBreak.message;
    // Overseas sales at non-AIFC venues are lawful and not flagged; outside the period, nothing.
    EXPECT_TRUE(CryptoReconciliation(*ledger)
                    .compute(day("2026-03-16"), day("2026-03-31"))
                    .ruleBreaks.empty());
    EXPECT_TRUE(CryptoReconciliation(*ledger)
                    .compute(std::nullopt, day("2026-03-31"), kAltyn)
                    .ruleBreaks.empty());
    // And the new rule holds from now on.
    expectRefused<Refusal>([&] { convert(kKazakhHash, kAifcVenue, "2026-03-16", 1, "350", "KZT"); },
                           "AIFC");
    EXPECT_TRUE(LedgerVerifier(*ledger).verify().ok);
}

TEST_F(CryptoReconciling, ABadPeriodOrEntityIsRefused)
{
    EXPECT_THROW(CryptoReconciliation(*ledger).compute(day("2026-03-02"), day("2026-03-01")),
                 InvalidInput);
    EXPECT_THROW(CryptoReconciliation(*ledger).compute(std::nullopt, std::nullopt, "Nobody LLP"),
                 NotFound);
}

} // namespace
} // namespace asicledger::testing
