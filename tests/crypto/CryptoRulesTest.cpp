#include "CryptoFixture.hpp"
#include "LedgerError.hpp"
#include "LedgerVerifier.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace asicledger::testing {
namespace {

class CryptoRecording : public CryptoFixture
{};

TEST_F(CryptoRecording, EachStepIsRecordedAndJournalledAndVerifies)
{
    const auto start = head();
    const auto mined = mine(kKazakhHash, "2026-03-01", kBtc, " F2P-0001 ", "F2Pool");
    EXPECT_EQ(mined.reference, "F2P-0001"); // trimmed
    EXPECT_EQ(mined.entity.name, kKazakhHash);
    // A txid as a block explorer prints it, upper case: stored lower case.
    const auto moved =
        transfer(kKazakhHash, kPacific, "2026-03-02", 60'000'000, "ABCDEF" + txid(1).substr(6));
    EXPECT_EQ(moved.reference, "abcdef" + txid(1).substr(6));
    const auto sold =
        convert(kPacific, kSingaporeVenue, "2026-03-03", 50'000'000, "30 000.50", "usd", "30.00");
    EXPECT_EQ(sold.fiatMinor, 3'000'050);
    EXPECT_EQ(sold.feeMinor, 3'000);
    EXPECT_EQ(sold.currency, "USD");
    EXPECT_EQ(sold.counterparty.name, kKazakhHash) << "the only domestic entity that sent coins";
    const auto home = remit(kPacific, kKazakhHash, "2026-03-04", "29970.50", "USD", "SWIFT-1");
    EXPECT_EQ(home.fiatMinor, 2'997'050);

    EXPECT_EQ(head().seq, start.seq + 4) << "one journal entry per record";
    EXPECT_EQ(
        ledger->db().execAndGet("SELECT action FROM journal ORDER BY seq DESC LIMIT 1").getString(),
        "crypto.remittance");
    EXPECT_EQ(ledger->db().execAndGet("SELECT txid FROM crypto_transfer").getString(),
              "abcdef" + txid(1).substr(6));
    const auto verified = LedgerVerifier(*ledger).verify();
    EXPECT_TRUE(verified.ok) << (verified.failures.empty() ? "" : verified.failures.front());
}

TEST_F(CryptoRecording, ADomesticEntityConvertsOnlyAtAnAifcLicensedVenue)
{
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    const auto message = expectRefused<Refusal>(
        [&] { convert(kKazakhHash, kSingaporeVenue, "2026-03-02", 10'000'000, "6000", "USD"); },
        "legal only on venues licensed by the Astana International Financial Centre");
    EXPECT_NE(message.find(kSingaporeVenue), std::string::npos) << message;
    EXPECT_NE(message.find("Nothing was written"), std::string::npos) << message;

    const auto sold =
        convert(kKazakhHash, kAifcVenue, "2026-03-02", 10'000'000, "2 100 000.00", "KZT");
    EXPECT_EQ(sold.counterparty.name, kKazakhHash) << "a domestic seller sells its own coins";
    // An overseas entity may sell anywhere: the AIFC rule is about exchanging inside Kazakhstan.
    transfer(kKazakhHash, kPacific, "2026-03-03", 10'000'000, txid(1));
    convert(kPacific, kSingaporeVenue, "2026-03-04", 10'000'000, "6000", "USD");
}

TEST_F(CryptoRecording, NobodyGivesAwayMoreThanItHoldsOnTheDay)
{
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    // 1 BTC held on 2026-03-05; 1.5 BTC cannot leave.
    auto message = expectRefused<Refusal>(
        [&] { transfer(kKazakhHash, kPacific, "2026-03-05", 150'000'000, txid(1)); },
        "Kazakh Hash LLP holds 1.00000000 BTC on 2026-03-05");
    EXPECT_NE(message.find("overdraw it by 0.50000000 BTC"), std::string::npos) << message;
    // Before the payout it held nothing, whatever it holds later.
    expectRefused<Refusal>(
        [&] { transfer(kKazakhHash, kPacific, "2026-02-28", 10'000'000, txid(1)); },
        "Kazakh Hash LLP holds 0.00000000 BTC on 2026-02-28");
    // A record counts on its own day: the payout and the transfer may share a date.
    transfer(kKazakhHash, kPacific, "2026-03-01", 70'000'000, txid(1));

    // The overseas entity holds what it received, per domestic entity that sent it.
    expectRefused<Refusal>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-02", 70'000'001, "1", "USD"); },
        "Pacific Hash Pte Ltd holds 0.70000000 BTC of Kazakh Hash LLP's coins on 2026-03-02");
    convert(kPacific, kSingaporeVenue, "2026-03-02", 70'000'000, "42000", "USD");
    // A domestic seller's own sale counts against its own holding: 0.3 BTC left.
    expectRefused<Refusal>(
        [&] { convert(kKazakhHash, kAifcVenue, "2026-03-03", 30'000'001, "1", "KZT"); },
        "Kazakh Hash LLP holds 0.30000000 BTC on 2026-03-03");
}

TEST_F(CryptoRecording, ABackDatedRecordMustNotOverdrawALaterOne)
{
    // Kazakh Hash: +1.0 on 03-01, +0.5 on 03-20, -1.2 on 03-25: 0.3 BTC left from 03-25.
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    mine(kKazakhHash, "2026-03-20", 50'000'000, "P2");
    transfer(kKazakhHash, kPacific, "2026-03-25", 120'000'000, txid(1));
    // On 03-05 it holds 1.0 BTC, so 0.4 BTC fits that day; but 1.5 - 0.4 - 1.2 = -0.1 on 03-25.
    const auto message = expectRefused<Refusal>(
        [&] { transfer(kKazakhHash, kHarbour, "2026-03-05", 40'000'000, txid(2)); },
        "would leave Kazakh Hash LLP short by 0.10000000 BTC on 2026-03-25");
    EXPECT_NE(message.find("transfer " + txid(1).substr(0, 12)), std::string::npos)
        << "names the later record left uncovered: " << message;
    transfer(kKazakhHash, kHarbour, "2026-03-05", 30'000'000, txid(2)); // exactly what is spare

    // The same for an overseas holding: Pacific holds 1.2 BTC of Kazakh Hash's coins from 03-25
    // and sells 1.0 on 04-01; a back-dated sale of 0.3 on 03-26 leaves 04-01 short by 0.1.
    convert(kPacific, kSingaporeVenue, "2026-04-01", kBtc, "80000", "USD");
    expectRefused<Refusal>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-26", 30'000'000, "24000", "USD"); },
        "would leave Pacific Hash Pte Ltd's holding of Kazakh Hash LLP's coins short by "
        "0.10000000 BTC on 2026-04-01");

    // And for proceeds: 80 000 USD raised on 04-01, 50 000 remitted on 04-10, 30 000 on 04-20.
    remit(kPacific, kKazakhHash, "2026-04-10", "50000", "USD", "W-1");
    remit(kPacific, kKazakhHash, "2026-04-20", "30000", "USD", "W-2");
    expectRefused<Refusal>(
        [&] { remit(kPacific, kKazakhHash, "2026-04-05", "0.01", "USD", "W-0"); },
        "short by 0.01 USD on 2026-04-20");
}

TEST_F(CryptoRecording, ARemittanceCannotExceedTheProceedsOfThatEntitysCoins)
{
    mine(kKazakhHash, "2026-03-01", 2 * kBtc, "P1");
    mine(kAltyn, "2026-03-01", kBtc, "A1");
    transfer(kKazakhHash, kPacific, "2026-03-02", 2 * kBtc, txid(1));
    transfer(kAltyn, kPacific, "2026-03-02", kBtc, txid(2));
    // 60 000.00 USD gross, 60.00 fee: 59 940.00 USD owed to Kazakh Hash.
    convert(kPacific, kSingaporeVenue, "2026-03-03", kBtc, "60000.00", "USD", "60.00", kKazakhHash);

    auto message = expectRefused<Refusal>(
        [&] { remit(kPacific, kKazakhHash, "2026-03-04", "59940.01", "USD", "W-1"); },
        "Pacific Hash Pte Ltd has 59 940.00 USD of unremitted proceeds from Kazakh Hash LLP's "
        "coins on 2026-03-04");
    EXPECT_NE(message.find("exceed them by 0.01 USD"), std::string::npos) << message;
    // No SGD was raised; the proceeds of Kazakh Hash's coins are not Altyn's; nor before the sale.
    expectRefused<Refusal>(
        [&] { remit(kPacific, kKazakhHash, "2026-03-04", "1.00", "SGD", "W-1"); },
        "0.00 SGD of unremitted proceeds");
    expectRefused<Refusal>([&] { remit(kPacific, kAltyn, "2026-03-04", "1.00", "USD", "W-1"); },
                           "0.00 USD of unremitted proceeds from Altyn Mining LLP's coins");
    expectRefused<Refusal>(
        [&] { remit(kPacific, kKazakhHash, "2026-03-02", "1.00", "USD", "W-1"); }, "on 2026-03-02");

    remit(kPacific, kKazakhHash, "2026-03-04", "59 940.00", "USD", "W-1");
    expectRefused<Refusal>(
        [&] { remit(kPacific, kKazakhHash, "2026-03-05", "0.01", "USD", "W-2"); },
        "has 0.00 USD of unremitted proceeds");
}

TEST_F(CryptoRecording, AnOverseasSellerNamesWhoseCoinsItSoldWhenItHoldsSeveral)
{
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    mine(kAltyn, "2026-03-01", kBtc, "A1");
    transfer(kKazakhHash, kPacific, "2026-03-02", kBtc, txid(1));
    // Only Kazakh Hash had sent coins by 03-03: the source is clear.
    EXPECT_EQ(convert(kPacific, kSingaporeVenue, "2026-03-03", 10'000'000, "6000", "USD")
                  .counterparty.name,
              kKazakhHash);
    transfer(kAltyn, kPacific, "2026-03-04", 50'000'000, txid(2));
    expectRefused<Refusal>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-05", 10'000'000, "6000", "USD"); },
        "had received BTC from Altyn Mining LLP and Kazakh Hash LLP by 2026-03-05: say whose "
        "coins were sold");
    // A date before Altyn's transfer is still unambiguous.
    EXPECT_EQ(convert(kPacific, kSingaporeVenue, "2026-03-03", 10'000'000, "6000", "USD")
                  .counterparty.name,
              kKazakhHash);
    // Pacific holds 1.3 BTC in all, but only 0.5 of Altyn's coins.
    expectRefused<Refusal>(
        [&] {
            convert(kPacific, kSingaporeVenue, "2026-03-05", 60'000'000, "36000", "USD", "",
                    kAltyn);
        },
        "holds 0.50000000 BTC of Altyn Mining LLP's coins on 2026-03-05");
    EXPECT_EQ(
        convert(kPacific, kSingaporeVenue, "2026-03-05", 50'000'000, "30000", "USD", "", kAltyn)
            .counterparty.name,
        kAltyn);
    // Harbour has received nothing at all.
    expectRefused<Refusal>(
        [&] { convert(kHarbour, kHongKongVenue, "2026-03-05", 1, "1", "HKD"); },
        "Harbour Digital Ltd had received no BTC from any domestic entity by 2026-03-05");
}

TEST_F(CryptoRecording, ReferencesAreUniqueWhateverTheirCaseAndBlanks)
{
    mine(kKazakhHash, "2026-03-01", kBtc, "F2P-0001");
    expectRefused<Refusal>([&] { mine(kKazakhHash, "2026-03-02", kBtc, " f2p-0001 "); },
                           "payout reference f2p-0001 is already recorded (the payout to Kazakh "
                           "Hash LLP on 2026-03-01)");
    transfer(kKazakhHash, kPacific, "2026-03-02", 50'000'000, txid(0xbeef));
    auto upper = txid(0xbeef);
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    ASSERT_NE(upper, txid(0xbeef));
    expectRefused<Refusal>(
        [&] { transfer(kKazakhHash, kPacific, "2026-03-03", 1, "  " + upper + " "); },
        "txid " + txid(0xbeef) + " is already recorded");
    convert(kPacific, kSingaporeVenue, "2026-03-03", 50'000'000, "30000", "USD");
    remit(kPacific, kKazakhHash, "2026-03-04", "1000", "USD", "SWIFT/001");
    expectRefused<Refusal>(
        [&] { remit(kPacific, kKazakhHash, "2026-03-05", "1000", "USD", "swift/001"); },
        "bank reference swift/001 is already recorded");
}

TEST_F(CryptoRecording, NothingIsDatedAfterToday)
{
    // The fixture's today is 2026-11-23.
    expectRefused<Refusal>([&] { mine(kKazakhHash, "2026-11-24", kBtc, "P1"); },
                           "dated 2026-11-24, after today (2026-11-23)");
    mine(kKazakhHash, "2026-11-23", kBtc, "P1");
    expectRefused<Refusal>([&] { transfer(kKazakhHash, kPacific, "2026-12-01", 1, txid(1)); },
                           "after today");
    transfer(kKazakhHash, kPacific, "2026-11-23", kBtc, txid(1));
    expectRefused<Refusal>([&] { convert(kPacific, kSingaporeVenue, "2027-01-01", 1, "1", "USD"); },
                           "after today");
    convert(kPacific, kSingaporeVenue, "2026-11-23", kBtc, "1000", "USD");
    expectRefused<Refusal>([&] { remit(kPacific, kKazakhHash, "2026-11-24", "1", "USD", "W"); },
                           "after today");
}

TEST_F(CryptoRecording, FlowsGoOnlyTheWayTheChainRuns)
{
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    expectRefused<Refusal>([&] { transfer(kPacific, kKazakhHash, "2026-03-02", 1, txid(1)); },
                           "the sender Pacific Hash Pte Ltd (overseas, SG) is not domestic");
    expectRefused<Refusal>([&] { transfer(kKazakhHash, kAltyn, "2026-03-02", 1, txid(1)); },
                           "the recipient Altyn Mining LLP (domestic, KZ) is not overseas");
    transfer(kKazakhHash, kPacific, "2026-03-02", kBtc, txid(1));
    convert(kPacific, kSingaporeVenue, "2026-03-03", kBtc, "1000", "USD");
    expectRefused<Refusal>([&] { remit(kKazakhHash, kPacific, "2026-03-04", "1", "USD", "W"); },
                           "the sender Kazakh Hash LLP (domestic, KZ) is not overseas");
    expectRefused<Refusal>([&] { remit(kPacific, kHarbour, "2026-03-04", "1", "USD", "W"); },
                           "the recipient Harbour Digital Ltd (overseas, HK) is not domestic");
}

TEST_F(CryptoRecording, EachPartyPlaysItsRole)
{
    expectRefused<Refusal>([&] { mine(kPacific, "2026-03-01", kBtc, "P1"); },
                           "mined BTC is credited to a domestic entity");
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    mine(kAltyn, "2026-03-01", kBtc, "A1");
    transfer(kKazakhHash, kPacific, "2026-03-02", kBtc, txid(1));
    expectRefused<Refusal>(
        [&] { convert(kKazakhHash, kAifcVenue, "2026-03-03", 1, "1", "KZT", "", kAltyn); },
        "sells only its own coins");
    expectRefused<Refusal>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "1", "USD", "", kHarbour); },
        "Harbour Digital Ltd (overseas, HK) is not domestic");
    expectRefused<NotFound>([&] { mine("Nobody LLP", "2026-03-01", kBtc, "P9"); },
                            "there is no entity named 'Nobody LLP'");
    expectRefused<NotFound>([&] { convert(kPacific, "Mt Gox", "2026-03-03", 1, "1", "USD"); },
                            "there is no venue named 'Mt Gox'");

    // Finance records; nobody else does, and an administrator keeps the venues.
    expectRefused<PermissionDenied>(
        [&] {
            crypto->recordMined(manager, {kKazakhHash, day("2026-03-01"), Satoshi(1), "P2", ""});
        },
        "recording crypto flows needs the finance role");
    expectRefused<PermissionDenied>(
        [&] {
            crypto->recordMined(admin, {kKazakhHash, day("2026-03-01"), Satoshi(1), "P2", ""});
        },
        "needs the finance role");
    expectRefused<PermissionDenied>([&] { CryptoVenues(*ledger).add(finance, "OKX", false); },
                                    "adding a venue needs the admin role");
}

TEST_F(CryptoRecording, AmountsAreExactInTheirOwnUnits)
{
    mine(kKazakhHash, "2026-03-01", kBtc, "P1");
    expectRefused<InvalidInput>([&] { mine(kKazakhHash, "2026-03-01", 0, "P2"); },
                                "give a positive whole number of satoshi");
    expectRefused<InvalidInput>(
        [&] { transfer(kKazakhHash, kPacific, "2026-03-02", 1, txid(1).substr(1)); },
        "is not a Bitcoin transaction id");
    expectRefused<InvalidInput>(
        [&] { transfer(kKazakhHash, kPacific, "2026-03-02", 1, "g" + txid(1).substr(1)); },
        "64 hexadecimal digits");
    transfer(kKazakhHash, kPacific, "2026-03-02", kBtc, txid(1));
    expectRefused<InvalidInput>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "76543.215", "USD"); },
        "amount 76543.215 has more decimals than USD has (2)");
    expectRefused<InvalidInput>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "12000.5", "JPY"); },
        "more decimals than JPY has (0)");
    expectRefused<InvalidInput>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "100", "USD", "100.01"); },
        "the fee 100.01 USD is larger than the proceeds 100.00 USD");
    expectRefused<InvalidInput>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "-5", "USD"); }, "negative");
    expectRefused<InvalidInput>(
        [&] { convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "5", "XBT"); },
        "currency 'XBT' is not one the ledger knows");
    EXPECT_EQ(convert(kPacific, kSingaporeVenue, "2026-03-03", 1, "12000", "JPY").fiatMinor, 12000);
    EXPECT_EQ(CryptoRules::parseSatoshi("12 345"), Satoshi(12345));
    EXPECT_FALSE(CryptoRules::parseSatoshi("0.5"));
    EXPECT_FALSE(CryptoRules::parseSatoshi("1e8"));
}

TEST_F(CryptoRecording, VenuesAreReferenceDataWithALicenceFlag)
{
    CryptoVenues venues(*ledger);
    expectRefused<Refusal>([&] { venues.add(admin, "lion city exchange", true); },
                           "a venue named 'Lion City Exchange' already exists");
    const auto start = head();
    const auto venue = venues.setAifcLicensed(admin, kSingaporeVenue, true);
    EXPECT_TRUE(venue.aifcLicensed);
    EXPECT_EQ(head().seq, start.seq + 1);
    EXPECT_TRUE(venues.require("LION CITY EXCHANGE").aifcLicensed);
    expectRefused<PermissionDenied>(
        [&] { venues.setAifcLicensed(finance, kSingaporeVenue, false); }, "needs the admin role");
    ASSERT_EQ(venues.list().size(), 3u);
    EXPECT_EQ(venues.list().front().name, kAifcVenue);
    EXPECT_TRUE(LedgerVerifier(*ledger).verify().ok);
}

} // namespace
} // namespace asicledger::testing
