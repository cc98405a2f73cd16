#pragma once

#include "CryptoRecord.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

class Ledger;

// Fiat raised from one line's coins in one currency over the period, and what is still owed home.
// opening + raised - fees - remitted = closing outstanding.
struct CryptoFiatLine
{
    std::string currency;
    int currencyDigits = 2;
    Satoshi satsSold; // in the period, for this currency
    std::int64_t openingOutstandingMinor = 0;
    std::int64_t raisedMinor = 0;   // gross proceeds in the period
    std::int64_t feesMinor = 0;     // venue fees in the period
    std::int64_t remittedMinor = 0; // in the period
    std::int64_t closingOutstandingMinor = 0;
    // Gross proceeds per whole BTC, in minor units: raised × 100 000 000 / sats sold, rounded
    // half away from zero once. None when nothing was sold in the period.
    std::optional<std::int64_t> averagePriceMinor;
    // The conversion whose net proceeds are the oldest not yet remitted (remittances take the
    // oldest proceeds first), and its age in days at the end of the period.
    std::optional<Date> oldestUnremitted;
    std::optional<long> oldestUnremittedDays;
};

// One domestic entity's coins in one place over the period. With no overseas entity, the
// domestic entity's own wallet: opening + mined - transferred (to every overseas entity) -
// converted (at AIFC venues) = closing. With one, what the overseas entity holds of the domestic
// entity's coins: opening + transferred (from it) - converted = closing. The fiat of the domestic
// entity's own line is raised at home: nothing is outstanding or remitted there.
struct CryptoPairLine
{
    Entity domestic;
    std::optional<Entity> overseas;
    Satoshi openingHeld;
    Satoshi mined;
    Satoshi transferred;
    Satoshi converted;
    Satoshi closingHeld;
    std::vector<CryptoFiatLine> fiat; // by currency code
};

// A record in the period that breaks a rule of domain.md, although the ledger accepted it (a
// venue's licence flag changed after the fact, or rows that did not come through the ledger).
struct CryptoRuleBreak
{
    CryptoFlowKind kind = CryptoFlowKind::Conversion;
    std::int64_t recordId = 0; // 0 when the break is a balance rather than one record
    Date date;
    std::string message;
    std::int64_t entityId = 0; // the parties involved, for filtering by entity
    std::int64_t counterpartyId = 0;
};

struct CryptoReconciliationResult
{
    std::optional<Date> from; // none: since the first record
    Date to;
    std::vector<CryptoPairLine> lines; // by domestic name; its own wallet first
    std::vector<CryptoRuleBreak> ruleBreaks;
};

// The crypto-to-fiat chain reconciled per domestic/overseas pair and period (issue 5): BTC mined,
// transferred, converted and held; fiat raised, remitted and outstanding by currency; average
// realised price; age of the oldest unremitted proceeds; rule breaks. Exact throughout.
class CryptoReconciliation
{
public:
    explicit CryptoReconciliation(Ledger& ledger) : m_ledger(ledger) {}

    // `to` defaults to today. `entity`, if given, keeps the lines where it is the domestic or the
    // overseas party. Throws InvalidInput (from after to) or NotFound (unknown entity).
    CryptoReconciliationResult compute(std::optional<Date> from, std::optional<Date> to,
                                       std::string_view entity = {});

private:
    Ledger& m_ledger;
};

} // namespace asicledger
