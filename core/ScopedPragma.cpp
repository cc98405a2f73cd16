#include "ScopedPragma.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

namespace asicledger {

ScopedPragma::ScopedPragma(SQLite::Database& db, std::string name, std::int64_t value)
    : m_db(db), m_name(std::move(name)),
      m_previous(db.execAndGet(fmt::format("PRAGMA {}", m_name)).getInt64())
{
    m_db.exec(fmt::format("PRAGMA {} = {}", m_name, value));
}

ScopedPragma::~ScopedPragma()
{
    try {
        m_db.exec(fmt::format("PRAGMA {} = {}", m_name, m_previous));
    } catch (const SQLite::Exception&) {
        // Only how the connection reads and caches: never a reason to fail the work it served.
    }
}

} // namespace asicledger
