#pragma once

#include <SQLiteCpp/Database.h>
#include <chrono>

namespace asicledger {

// The write lock for one change to the ledger file (BEGIN IMMEDIATE), rolled back unless
// committed. Taking the lock before reading anything, rather than upgrading a read transaction,
// is what lets SQLite make a writer wait for another (an upgrade that finds a newer commit fails
// at once, whatever the busy timeout). Another program may hold the lock for a long time (an
// import of 100,000 units holds it for its whole run), so a writer waits up to kWait, asking
// again each time the connection's busy timeout runs out; after that it throws LedgerBusy, which
// tells the person what is going on instead of SQLite's "database is locked".
class WriteTransaction
{
public:
    static constexpr std::chrono::seconds kWait{60};

    explicit WriteTransaction(SQLite::Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    SQLite::Database& m_db;
    bool m_open = false;
};

} // namespace asicledger
