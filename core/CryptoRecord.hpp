#pragma once

#include "CalendarDate.hpp"
#include "EntityRegistry.hpp"
#include "Money.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

// The four steps of the crypto-to-fiat chain (domain.md, "Crypto to fiat").
enum class CryptoFlowKind
{
    Mined,      // pool payout to a domestic entity
    Transfer,   // domestic -> overseas, on chain
    Conversion, // BTC sold for fiat at a venue
    Remittance, // fiat wired overseas -> domestic
};
// "mined", "transfer", "conversion", "remittance".
std::string_view toText(CryptoFlowKind kind);
// Also accepts the command-line words "convert" and "remit".
std::optional<CryptoFlowKind> parseCryptoFlowKind(std::string_view text);

// A place that buys BTC for fiat. Only AIFC-licensed venues are lawful for a domestic entity.
struct Venue
{
    std::int64_t id = 0;
    std::string name;
    bool aifcLicensed = false;
};

// What finance staff type for each step. Amounts of fiat stay text until the currency is known,
// because the currency decides how many decimals are allowed ("76543.21" USD, "12000" JPY).
struct NewMined
{
    std::string entity;
    Date date;
    Satoshi sats;
    std::string payoutRef;
    std::string pool;
};

struct NewTransfer
{
    std::string from;
    std::string to;
    Date date;
    Satoshi sats;
    std::string txid;
};

struct NewConversion
{
    std::string entity; // the seller
    std::string venue;
    Date date;
    Satoshi satsSold;
    std::string amount; // gross proceeds, major units
    std::string currency;
    std::string fee; // major units; empty means none
    // Whose coins were sold: the domestic entity that transferred them to an overseas seller.
    // May be left empty when the seller has received coins from one domestic entity only.
    std::string source;
};

struct NewRemittance
{
    std::string from;
    std::string to;
    Date date;
    std::string amount; // major units
    std::string currency;
    std::string bankRef;
};

// One step as the ledger holds it (or will, once checked and written).
struct CryptoFlow
{
    CryptoFlowKind kind = CryptoFlowKind::Mined;
    std::int64_t id = 0;  // 0 until written
    std::size_t line = 0; // line of the import file it came from; 0 when typed
    Date date;
    Entity entity;              // mined: credited; transfer, remittance: sender; conversion: seller
    Entity counterparty;        // transfer, remittance: recipient; conversion: whose coins (source)
    Venue venue;                // conversion only
    Satoshi sats;               // mined, transfer, conversion
    std::int64_t fiatMinor = 0; // conversion: gross proceeds; remittance: amount
    std::int64_t feeMinor = 0;  // conversion
    std::string currency;
    int currencyDigits = 2;
    std::string reference; // payout ref, txid (lower case) or bank reference
    std::string pool;      // mined
    std::int64_t journalSeq = 0;

    // What the seller keeps after the venue's fee: what an overseas seller owes home.
    std::int64_t netMinor() const { return fiatMinor - feeMinor; }
};

// "1 234.50 USD", for messages.
std::string formatFiat(std::int64_t minor, std::string_view currency, int digits);
// "0.50000000 BTC", for messages.
std::string describeBtc(Satoshi sats);

} // namespace asicledger
