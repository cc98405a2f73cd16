#include "CryptoFixture.hpp"

#include <fmt/format.h>

namespace asicledger::testing {

void CryptoFixture::SetUp()
{
    LedgerFixture::SetUp();
    CryptoVenues venues(*ledger);
    venues.add(admin, kAifcVenue, true);
    venues.add(admin, kSingaporeVenue, false);
    venues.add(admin, kHongKongVenue, false);
    crypto = std::make_unique<CryptoLedger>(*ledger);
}

Date CryptoFixture::day(const char* iso)
{
    return *parseDate(iso);
}

std::string CryptoFixture::txid(int n)
{
    return fmt::format("{:064x}", n);
}

CryptoFlow CryptoFixture::mine(const std::string& entity, const char* date, std::int64_t sats,
                               const std::string& ref, const std::string& pool)
{
    return crypto->recordMined(finance, {entity, day(date), Satoshi(sats), ref, pool});
}

CryptoFlow CryptoFixture::transfer(const std::string& from, const std::string& to, const char* date,
                                   std::int64_t sats, const std::string& txid)
{
    return crypto->recordTransfer(finance, {from, to, day(date), Satoshi(sats), txid});
}

CryptoFlow CryptoFixture::convert(const std::string& entity, const std::string& venue,
                                  const char* date, std::int64_t sats, const std::string& amount,
                                  const std::string& currency, const std::string& fee,
                                  const std::string& source)
{
    return crypto->recordConversion(
        finance, {entity, venue, day(date), Satoshi(sats), amount, currency, fee, source});
}

CryptoFlow CryptoFixture::remit(const std::string& from, const std::string& to, const char* date,
                                const std::string& amount, const std::string& currency,
                                const std::string& ref)
{
    return crypto->recordRemittance(finance, {from, to, day(date), amount, currency, ref});
}

void CryptoFixture::recordQuarter()
{
    // Kazakh Hash mines 1.00 + 0.50 + 0.25 BTC; Altyn Mining 0.40 BTC.
    mine(kKazakhHash, "2026-01-10", 100'000'000, "KH-P1", "F2Pool");
    mine(kKazakhHash, "2026-02-10", 50'000'000, "KH-P2", "F2Pool");
    mine(kKazakhHash, "2026-03-10", 25'000'000, "KH-P3", "F2Pool");
    mine(kAltyn, "2026-02-15", 40'000'000, "AM-P1", "ViaBTC");
    // Kazakh Hash sends 0.80 to Pacific (SG) and 0.50 to Harbour (HK); Altyn 0.30 to Pacific.
    transfer(kKazakhHash, kPacific, "2026-01-15", 80'000'000, txid(1));
    transfer(kKazakhHash, kHarbour, "2026-02-20", 50'000'000, txid(2));
    transfer(kAltyn, kPacific, "2026-02-20", 30'000'000, txid(3));
    // Pacific sells Kazakh Hash's coins in three lots (partial conversions of the 0.80).
    convert(kPacific, kSingaporeVenue, "2026-01-20", 30'000'000, "31234.57", "USD", "31.23",
            kKazakhHash);
    convert(kPacific, kSingaporeVenue, "2026-02-05", 20'000'000, "26000.00", "SGD", "",
            kKazakhHash);
    convert(kPacific, kSingaporeVenue, "2026-03-01", 25'000'000, "23456.79", "USD", "23.46",
            kKazakhHash);
    // ... and some of Altyn's.
    convert(kPacific, kSingaporeVenue, "2026-03-02", 10'000'000, "9000.00", "USD", "9.00", kAltyn);
    // Harbour sells 0.40 of Kazakh Hash's 0.50 in Hong Kong.
    convert(kHarbour, kHongKongVenue, "2026-03-05", 40'000'000, "300000.00", "HKD", "150.00");
    // Kazakh Hash sells 0.10 BTC at home, on the AIFC venue.
    convert(kKazakhHash, kAifcVenue, "2026-03-15", 10'000'000, "3500000.00", "KZT", "3500.00");
    // Proceeds wired home.
    remit(kPacific, kKazakhHash, "2026-02-01", "20000.00", "USD", "R1");
    remit(kPacific, kKazakhHash, "2026-03-20", "30000.00", "USD", "R2");
    remit(kPacific, kKazakhHash, "2026-03-10", "26000.00", "SGD", "R3");
    remit(kHarbour, kKazakhHash, "2026-03-25", "100000.00", "HKD", "R4");
    remit(kPacific, kAltyn, "2026-03-05", "5000.00", "USD", "R5");
}

JournalHead CryptoFixture::head()
{
    return Journal(ledger->db()).head();
}

std::int64_t CryptoFixture::count(const std::string& table)
{
    return ledger->db().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

} // namespace asicledger::testing
