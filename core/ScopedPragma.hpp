#pragma once

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <string>

namespace asicledger {

// One connection setting (an integer PRAGMA such as cache_size) changed for the length of one
// piece of work and put back afterwards, so the connection's other users keep what they had.
class ScopedPragma
{
public:
    ScopedPragma(SQLite::Database& db, std::string name, std::int64_t value);
    ~ScopedPragma();
    ScopedPragma(const ScopedPragma&) = delete;
    ScopedPragma& operator=(const ScopedPragma&) = delete;

private:
    SQLite::Database& m_db;
    std::string m_name;
    std::int64_t m_previous;
};

} // namespace asicledger
