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

JournalHead CryptoFixture::head()
{
    return Journal(ledger->db()).head();
}

std::int64_t CryptoFixture::count(const std::string& table)
{
    return ledger->db().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

} // namespace asicledger::testing
