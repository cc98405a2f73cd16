#pragma once

#include "CryptoRecord.hpp"
#include "CryptoVenues.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace asicledger {

class Ledger;

// What is wrong with one flow, and how a single typed record should be refused for it.
struct CryptoProblem
{
    enum class Kind
    {
        Invalid,  // cannot be understood (bad amount, bad txid...)
        NotFound, // names an entity or venue the ledger does not know
        Refused,  // a rule forbids it (AIFC, overdraw, duplicate, future date, direction...)
    };
    std::size_t line = 0; // 0 for a typed record
    std::string column;   // the field at fault ("txid", "amount"...), empty for the whole record
    std::string message;
    Kind kind = Kind::Invalid;
};

// The rules of domain.md "Crypto to fiat", in one place for the typed commands and the CSV
// imports: each flow is checked on its own (names, roles, amounts, dates, references), then all
// of them together against the ledger's timeline (nobody holds less than it gives away on any
// day, nothing is remitted that was not raised). Every problem is collected, so a clerk fixes a
// whole file in one go. Reads only; the caller writes when no problem was found, inside the same
// transaction, so nothing can slip in between the check and the write.
class CryptoRules
{
public:
    CryptoRules(Ledger& ledger, std::vector<CryptoProblem>& problems);

    // Each returns the flow with its names resolved and amounts in minor units, or nothing if
    // the flow had a problem (now in `problems`). `line` is 0 for a typed record.
    std::optional<CryptoFlow> check(const NewMined& input, std::size_t line = 0);
    std::optional<CryptoFlow> check(const NewTransfer& input, std::size_t line = 0);
    std::optional<CryptoFlow> check(const NewConversion& input, std::size_t line = 0);
    std::optional<CryptoFlow> check(const NewRemittance& input, std::size_t line = 0);

    // References unique within `flows`; then, if no problem at all has been found so far,
    // conversion sources resolved where they were left out, and the whole timeline of every
    // holding and every unremitted balance the flows touch.
    void checkTogether(std::vector<CryptoFlow>& flows);

    // Satoshi as a person writes them: a whole number, grouping blanks allowed.
    static std::optional<Satoshi> parseSatoshi(std::string_view text);
    // A txid in its stored form (lower case), or nothing if it is not 64 hex digits.
    static std::optional<std::string> normaliseTxid(std::string_view text);

private:
    void problem(std::size_t line, std::string column, CryptoProblem::Kind kind,
                 std::string message);
    const Entity* entity(std::size_t line, std::string_view column, std::string_view name,
                         std::string_view role);
    bool checkDate(std::size_t line, CryptoFlowKind kind, const Date& date);
    bool checkSats(std::size_t line, std::string_view column, Satoshi sats);
    bool checkReference(std::size_t line, CryptoFlowKind kind, std::string_view column,
                        std::string& reference);
    // Major units of `currency` into minor units, refusing finer precision than it has.
    std::optional<std::int64_t> fiat(std::size_t line, std::string_view column,
                                     std::string_view text, const std::string& currency, int digits,
                                     bool mayBeZero);
    bool currency(std::size_t line, std::string_view code, CryptoFlow& flow);
    void resolveSources(std::vector<CryptoFlow>& flows);

    Ledger& m_ledger;
    std::vector<CryptoProblem>& m_problems;
    Date m_today;
    std::unordered_map<std::string, std::optional<Entity>> m_entities;
    std::unordered_map<std::string, std::optional<Venue>> m_venues;
};

} // namespace asicledger
