#pragma once

#include "CryptoRecord.hpp"
#include "CryptoRules.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace asicledger {

// The day-by-day balances that pending flows would change, checked over their whole history.
// Two kinds of balance: BTC a holder holds of one domestic entity's coins (a domestic entity's
// own coins; an overseas entity's coins per domestic entity that sent them), and the fiat an
// overseas entity has raised from one domestic entity's coins and not yet remitted, per currency.
// A balance counts every record dated on or before the day, so the order of records within a day
// does not matter. It must not go below zero on any day: not on the date of a new record, and not
// on any later day, so a back-dated record cannot take coins or proceeds a later record used.
class CryptoTimeline
{
public:
    explicit CryptoTimeline(SQLite::Database& db) : m_db(db) {}

    // A flow that is not in the ledger yet (checked on its own, names resolved).
    void add(const CryptoFlow& flow);
    // The domestic entities that had transferred BTC to `overseasId` on or before `date`, in the
    // ledger or among the pending transfers.
    std::vector<std::int64_t> sourcesOf(std::int64_t overseasId, const Date& date);
    // One problem per balance that would go below zero, on the line of each pending flow to blame.
    void check(std::vector<CryptoProblem>& problems);

private:
    struct Movement
    {
        Date date;
        std::int64_t delta = 0;
        const CryptoFlow* flow = nullptr;
    };
    struct Balance
    {
        bool fiat = false;
        const Entity* holder = nullptr;
        const Entity* source = nullptr;
        std::string currency;
        int digits = 2;
        std::vector<Movement> pending;
        bool debited = false;
    };
    using Key = std::tuple<bool, std::int64_t, std::int64_t, std::string>;

    void move(bool fiat, const Entity& holder, const Entity& source, const CryptoFlow& flow,
              std::int64_t delta);
    std::vector<std::pair<Date, std::int64_t>> recordedByDay(const Balance& balance);
    std::string recordedDebits(const Balance& balance, const Date& day);
    std::string amount(const Balance& balance, std::int64_t value) const;
    std::string holding(const Balance& balance, std::int64_t value, const Date& day) const;
    void checkBalance(const Balance& balance, std::vector<CryptoProblem>& problems);

    SQLite::Database& m_db;
    std::deque<CryptoFlow> m_flows; // stable addresses for Movement::flow
    std::map<Key, Balance> m_balances;
};

} // namespace asicledger
