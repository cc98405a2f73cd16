#include "WriteTransaction.hpp"

#include "BusyRetry.hpp"

namespace asicledger {

WriteTransaction::WriteTransaction(SQLite::Database& db) : m_db(db)
{
    // Each BEGIN IMMEDIATE waits out the busy timeout; another round until kWait has passed.
    retryWhileBusy(kWait, [this] { m_db.exec("BEGIN IMMEDIATE"); });
    m_open = true;
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    try {
        m_db.exec("ROLLBACK");
    } catch (...) {
        // SQLite has already rolled back (a failed COMMIT, an I/O error): nothing is left to undo.
    }
}

void WriteTransaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace asicledger
