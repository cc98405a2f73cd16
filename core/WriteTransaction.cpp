#include "WriteTransaction.hpp"

#include "LedgerError.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace asicledger {

WriteTransaction::WriteTransaction(SQLite::Database& db) : m_db(db)
{
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    for (;;) {
        try {
            m_db.exec("BEGIN IMMEDIATE");
            m_open = true;
            return;
        } catch (const SQLite::Exception& error) {
            const int code = error.getErrorCode() & 0xff;
            if (code != SQLITE_BUSY && code != SQLITE_LOCKED)
                throw;
            // The busy timeout has already been waited out; another round until the deadline.
            if (std::chrono::steady_clock::now() >= deadline)
                throw LedgerBusy();
        }
    }
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
