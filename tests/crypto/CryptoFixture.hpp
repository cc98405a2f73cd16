#pragma once

#include "CryptoHoldings.hpp"
#include "CryptoLedger.hpp"
#include "CryptoReconciliation.hpp"
#include "CryptoVenues.hpp"
#include "Journal.hpp"
#include "LedgerFixture.hpp"

#include <functional>
#include <string>

namespace asicledger::testing {

// The ledger fixture plus venues and short ways to record each step of the crypto-to-fiat chain as
// finance. Venues: "Astana Digital Exchange" (AIFC-licensed), "Lion City Exchange" (Singapore)
// and "Victoria Harbour OTC" (Hong Kong), neither AIFC-licensed.
class CryptoFixture : public LedgerFixture
{
protected:
    static constexpr const char* kKazakhHash = "Kazakh Hash LLP";
    static constexpr const char* kAltyn = "Altyn Mining LLP";
    static constexpr const char* kPacific = "Pacific Hash Pte Ltd";
    static constexpr const char* kHarbour = "Harbour Digital Ltd";
    static constexpr const char* kAifcVenue = "Astana Digital Exchange";
    static constexpr const char* kSingaporeVenue = "Lion City Exchange";
    static constexpr const char* kHongKongVenue = "Victoria Harbour OTC";
    static constexpr std::int64_t kBtc = 100'000'000;

    void SetUp() override;

    static Date day(const char* iso);
    // A well-formed txid: n in 64 lower-case hex digits.
    static std::string txid(int n);

    CryptoFlow mine(const std::string& entity, const char* date, std::int64_t sats,
                    const std::string& ref, const std::string& pool = "");
    CryptoFlow transfer(const std::string& from, const std::string& to, const char* date,
                        std::int64_t sats, const std::string& txid);
    CryptoFlow convert(const std::string& entity, const std::string& venue, const char* date,
                       std::int64_t sats, const std::string& amount, const std::string& currency,
                       const std::string& fee = "", const std::string& source = "");
    CryptoFlow remit(const std::string& from, const std::string& to, const char* date,
                     const std::string& amount, const std::string& currency,
                     const std::string& ref);

    // The first quarter of 2026 for two domestic entities, two overseas ones, four currencies, a
    // sale at home and partial conversions (the figures are worked by hand in
    // CryptoReconciliationTest.cpp).
    void recordQuarter();

    JournalHead head();
    std::int64_t count(const std::string& table);
    // Runs `action`, expects it to throw `Error` with `fragment` in its message, and the journal
    // and the crypto tables to be exactly as before. Returns the message.
    template <class Error>
    std::string expectRefused(const std::function<void()>& action, const std::string& fragment);

    std::unique_ptr<CryptoLedger> crypto;
};

template <class Error>
std::string CryptoFixture::expectRefused(const std::function<void()>& action,
                                         const std::string& fragment)
{
    const auto before = head();
    const auto rows = count("crypto_mined") + count("crypto_transfer") +
                      count("crypto_conversion") + count("crypto_remittance") + count("venue");
    std::string message;
    try {
        action();
        ADD_FAILURE() << "expected a refusal mentioning '" << fragment << "'";
    } catch (const Error& error) {
        message = error.what();
        EXPECT_NE(message.find(fragment), std::string::npos) << message;
    }
    const auto after = head();
    EXPECT_EQ(after.seq, before.seq) << "a refusal must not journal anything";
    EXPECT_EQ(after.hash, before.hash);
    EXPECT_EQ(count("crypto_mined") + count("crypto_transfer") + count("crypto_conversion") +
                  count("crypto_remittance") + count("venue"),
              rows)
        << "a refusal must not write anything";
    return message;
}

} // namespace asicledger::testing
