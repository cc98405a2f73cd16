#include "FleetCrypto.hpp"

#include "CryptoImport.hpp"
#include "CryptoVenues.hpp"
#include "DemoRandom.hpp"
#include "FleetPlan.hpp"
#include "Ledger.hpp"

#include <array>
#include <fmt/format.h>

namespace asicledger::bench {
namespace {

constexpr const char* kAifcVenue = "Astana International Exchange";
constexpr const char* kForeignVenue = "Lion City Exchange";

// Dollars per BTC, by year from 2019: roughly what the market paid.
constexpr std::array<std::int64_t, 8> kUsdPerBtc{8000,  15000, 45000, 25000,
                                                 30000, 60000, 95000, 90000};

std::string cents(std::int64_t minor)
{
    return fmt::format("{}.{:02}", minor / 100, minor % 100);
}

} // namespace

std::size_t FleetCrypto::record(Ledger& ledger, const Actor& admin, const Actor& finance,
                                const FleetPlan& plan, unsigned seed)
{
    CryptoVenues venues(ledger);
    venues.add(admin, kAifcVenue, true);
    venues.add(admin, kForeignVenue, false);
    std::size_t writes = 2;

    DemoRandom random(seed);
    CryptoImport importer(ledger);
    const auto& parties = plan.parties();
    const auto& domestic = plan.domestic();
    const auto& overseas = plan.overseas();
    std::int64_t txCounter = 0;
    for (int year = 2019; year <= 2026; ++year) {
        for (int month = 1; month <= 12; ++month) {
            if ((year == 2019 && month == 1) || (year == 2026 && month > 10))
                continue;
            const auto usdPerBtc = kUsdPerBtc[static_cast<std::size_t>(year - 2019)];
            const auto day = [&](int d) { return fmt::format("{}-{:02}-{:02}", year, month, d); };
            std::string mined = "entity,date,sats,payout_ref,pool\n";
            std::string transfers = "from,to,date,sats,txid\n";
            std::string conversions = "entity,venue,date,sats,amount,currency,fee,source\n";
            std::string remittances = "from,to,date,amount,currency,bank_ref\n";
            for (std::size_t i = 0; i < domestic.size(); ++i) {
                const auto& owner = parties[domestic[i]].name;
                const auto& partner = parties[overseas[i % overseas.size()]].name;
                std::int64_t minedSats = 0;
                for (int d = 1; d <= 28; d += 3) {
                    const auto sats = random.between(5'000'000, 50'000'000);
                    minedSats += sats;
                    mined += fmt::format("{},{},{},POOL-{}-{}{:02}-{:02},{}\n", owner, day(d), sats,
                                         i, year, month, d, i % 2 == 0 ? "ViaBTC" : "Foundry USA");
                }
                const auto sent = minedSats * 60 / 100;
                transfers += fmt::format("{},{},{},{},{:064x}\n", owner, partner, day(25), sent,
                                         ++txCounter);
                const auto gross = sent * usdPerBtc / 1'000'000; // cents
                const auto fee = gross / 1000;
                conversions += fmt::format("{},{},{},{},{},USD,{},{}\n", partner, kForeignVenue,
                                           day(26), sent, cents(gross), cents(fee), owner);
                const auto soldHome = minedSats * 20 / 100;
                conversions += fmt::format("{},{},{},{},{},USD,,\n", owner, kAifcVenue, day(26),
                                           soldHome, cents(soldHome * usdPerBtc / 1'000'000));
                remittances +=
                    fmt::format("{},{},{},{},USD,SWIFT-{}{:02}-{}\n", partner, owner, day(27),
                                cents((gross - fee) * 95 / 100), year, month, i);
            }
            importer.importCsv(finance, CryptoFlowKind::Mined, mined, false);
            importer.importCsv(finance, CryptoFlowKind::Transfer, transfers, false);
            importer.importCsv(finance, CryptoFlowKind::Conversion, conversions, false);
            importer.importCsv(finance, CryptoFlowKind::Remittance, remittances, false);
            writes += 4;
        }
    }
    return writes;
}

} // namespace asicledger::bench
