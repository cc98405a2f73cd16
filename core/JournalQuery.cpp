#include "JournalQuery.hpp"

#include "ChangeSet.hpp"
#include "Ledger.hpp"
#include "Serial.hpp"
#include "UnitRegister.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <vector>

namespace asicledger {

void JournalQuery::forEach(const JournalFilter& filter, bool withChanges,
                           const std::function<bool(const JournalEntry&)>& onEntry)
{
    std::string where;
    std::vector<SqlValue> args;
    const auto require = [&](const std::string& condition, SqlValue value) {
        where += (where.empty() ? " WHERE " : " AND ") + condition;
        args.push_back(std::move(value));
    };
    // Timestamps are YYYY-MM-DDTHH:MM:SSZ, so text order is time order and a bare day sorts
    // before every instant of that day.
    if (filter.since)
        require("recorded_at >= ?", isoDate(*filter.since));
    if (filter.user)
        require("user_name = ? COLLATE NOCASE", *filter.user);
    if (filter.serial) {
        // Every change to a unit writes one of its events, which names the journal entry.
        const auto unit = UnitRegister(m_ledger).require(Serial(*filter.serial));
        require("seq IN (SELECT journal_seq FROM unit_event WHERE unit_id = ?)", unit.id);
    }
    SQLite::Statement query(
        m_ledger.db(),
        fmt::format("SELECT seq, recorded_at, user_name, action, summary, reason, {}, prev_hash, "
                    "hash FROM journal{} ORDER BY seq",
                    withChanges ? "changes" : "''", where));
    for (std::size_t i = 0; i < args.size(); ++i)
        bindValue(query, static_cast<int>(i + 1), args[i]);
    while (query.executeStep()) {
        JournalEntry entry;
        entry.seq = query.getColumn(0).getInt64();
        entry.recordedAt = query.getColumn(1).getString();
        entry.userName = query.getColumn(2).getString();
        entry.action = query.getColumn(3).getString();
        entry.summary = query.getColumn(4).getString();
        entry.reason = query.getColumn(5).getString();
        entry.changes = query.getColumn(6).getString();
        entry.prevHash = query.getColumn(7).getString();
        entry.hash = query.getColumn(8).getString();
        if (!onEntry(entry))
            return;
    }
}

} // namespace asicledger
