#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <memory>
#include <sqlite3.h>
#include <string>

namespace asicledger {

// A statement for scans of millions of rows: read straight from SQLite, without a Column object
// per value.
using RawStatement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

inline RawStatement prepareRaw(SQLite::Database& db, const std::string& sql)
{
    sqlite3_stmt* statement = nullptr;
    const auto code = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &statement, nullptr);
    RawStatement result(statement, &sqlite3_finalize);
    if (code != SQLITE_OK)
        throw SQLite::Exception(db.getHandle(), code);
    return result;
}

// True while there is a row; throws on an error.
inline bool stepRaw(SQLite::Database& db, sqlite3_stmt* statement)
{
    const auto code = sqlite3_step(statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE)
        throw SQLite::Exception(db.getHandle(), code);
    return false;
}

// Holds the connection's mutex for a stretch of a scan: every sqlite3_column_* call takes it
// again, and taking a mutex one already holds costs far less than a lock and unlock per value.
class ConnectionHeld
{
public:
    explicit ConnectionHeld(SQLite::Database& db) : m_mutex(sqlite3_db_mutex(db.getHandle()))
    {
        if (m_mutex)
            sqlite3_mutex_enter(m_mutex);
    }
    ~ConnectionHeld()
    {
        if (m_mutex)
            sqlite3_mutex_leave(m_mutex);
    }
    ConnectionHeld(const ConnectionHeld&) = delete;
    ConnectionHeld& operator=(const ConnectionHeld&) = delete;

private:
    sqlite3_mutex* m_mutex;
};

} // namespace asicledger
