#include "CryptoLedger.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"

#include <fmt/format.h>

namespace asicledger {

std::string CryptoLedger::describe(const CryptoFlow& flow)
{
    switch (flow.kind) {
    case CryptoFlowKind::Mined:
        return fmt::format("{} mined by {} on {} (payout {}{})", describeBtc(flow.sats),
                           flow.entity.name, isoDate(flow.date), flow.reference,
                           flow.pool.empty() ? "" : ", pool " + flow.pool);
    case CryptoFlowKind::Transfer:
        return fmt::format("{} transferred from {} to {} on {} (txid {})", describeBtc(flow.sats),
                           flow.entity.name, flow.counterparty.name, isoDate(flow.date),
                           flow.reference);
    case CryptoFlowKind::Conversion:
        return fmt::format(
            "{} of {}{} sold by {} at {} on {} for {}{}", describeBtc(flow.sats),
            flow.counterparty.name,
            flow.counterparty.id == flow.entity.id ? "'s own coins" : "'s coins", flow.entity.name,
            flow.venue.name, isoDate(flow.date),
            formatFiat(flow.fiatMinor, flow.currency, flow.currencyDigits),
            flow.feeMinor ? ", fee " + formatFiat(flow.feeMinor, flow.currency, flow.currencyDigits)
                          : std::string());
    case CryptoFlowKind::Remittance:
        return fmt::format("{} remitted from {} to {} on {} (bank reference {})",
                           formatFiat(flow.fiatMinor, flow.currency, flow.currencyDigits),
                           flow.entity.name, flow.counterparty.name, isoDate(flow.date),
                           flow.reference);
    }
    return {};
}

void CryptoLedger::insert(ChangeSet& changes, CryptoFlow& flow)
{
    const std::string date = isoDate(flow.date);
    const std::int64_t seq = changes.journalSeq();
    switch (flow.kind) {
    case CryptoFlowKind::Mined:
        flow.id = changes.insert("crypto_mined", {{"entity_id", flow.entity.id},
                                                  {"mined_date", date},
                                                  {"sats", flow.sats.minor()},
                                                  {"pool", flow.pool},
                                                  {"payout_ref", flow.reference},
                                                  {"journal_seq", seq}});
        break;
    case CryptoFlowKind::Transfer:
        flow.id = changes.insert("crypto_transfer", {{"from_entity_id", flow.entity.id},
                                                     {"to_entity_id", flow.counterparty.id},
                                                     {"transfer_date", date},
                                                     {"sats", flow.sats.minor()},
                                                     {"txid", flow.reference},
                                                     {"journal_seq", seq}});
        break;
    case CryptoFlowKind::Conversion:
        flow.id = changes.insert("crypto_conversion",
                                 {{"entity_id", flow.entity.id},
                                  {"source_entity_id", flow.counterparty.id},
                                  {"venue_id", flow.venue.id},
                                  {"conversion_date", date},
                                  {"sats_sold", flow.sats.minor()},
                                  {"fiat_minor", flow.fiatMinor},
                                  {"currency", flow.currency},
                                  {"fee_minor", flow.feeMinor},
                                  {"aifc_at_conversion", std::int64_t{flow.venue.aifcLicensed}},
                                  {"journal_seq", seq}});
        break;
    case CryptoFlowKind::Remittance:
        flow.id = changes.insert("crypto_remittance", {{"from_entity_id", flow.entity.id},
                                                       {"to_entity_id", flow.counterparty.id},
                                                       {"remittance_date", date},
                                                       {"amount_minor", flow.fiatMinor},
                                                       {"currency", flow.currency},
                                                       {"bank_ref", flow.reference},
                                                       {"journal_seq", seq}});
        break;
    }
    flow.journalSeq = seq;
}

void CryptoLedger::refuse(const std::vector<CryptoProblem>& problems)
{
    std::string message;
    for (const auto& problem : problems)
        message += (message.empty() ? "" : "; ") + problem.message;
    message += ". Nothing was written.";
    switch (problems.front().kind) {
    case CryptoProblem::Kind::NotFound:
        throw NotFound(message);
    case CryptoProblem::Kind::Refused:
        throw Refusal(message);
    case CryptoProblem::Kind::Invalid:
        break;
    }
    throw InvalidInput(message);
}

template <class Input>
CryptoFlow CryptoLedger::record(const Actor& actor, const Input& input, CryptoFlowKind kind)
{
    constexpr std::string_view what = "recording crypto flows";
    AccessPolicy::require(actor, Permission::RecordFinance, what);
    // The checks read inside the write's transaction: nothing can be recorded between the check
    // that the coins are there and the write that spends them.
    return m_ledger.write(actor, Permission::RecordFinance, what,
                          fmt::format("crypto.{}", toText(kind)), [&](ChangeSet& changes) {
                              std::vector<CryptoProblem> problems;
                              CryptoRules rules(m_ledger, problems);
                              std::vector<CryptoFlow> flows;
                              if (auto flow = rules.check(input))
                                  flows.push_back(std::move(*flow));
                              if (problems.empty())
                                  rules.checkTogether(flows);
                              if (!problems.empty())
                                  refuse(problems);
                              auto& flow = flows.front();
                              insert(changes, flow);
                              changes.setSummary("recorded " + describe(flow));
                              return flow;
                          });
}

CryptoFlow CryptoLedger::recordMined(const Actor& actor, const NewMined& mined)
{
    return record(actor, mined, CryptoFlowKind::Mined);
}

CryptoFlow CryptoLedger::recordTransfer(const Actor& actor, const NewTransfer& transfer)
{
    return record(actor, transfer, CryptoFlowKind::Transfer);
}

CryptoFlow CryptoLedger::recordConversion(const Actor& actor, const NewConversion& conversion)
{
    return record(actor, conversion, CryptoFlowKind::Conversion);
}

CryptoFlow CryptoLedger::recordRemittance(const Actor& actor, const NewRemittance& remittance)
{
    return record(actor, remittance, CryptoFlowKind::Remittance);
}

} // namespace asicledger
