#include "RowHistory.hpp"

#include "RowImages.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <set>

namespace asicledger {

void RowHistory::read()
{
    if (m_rows.empty())
        return;
    // First only the entries that mention one of the ids the way ChangeSet writes them; an entry
    // re-formatted by hand would escape that, so a row not found is looked for again in every
    // entry that names its table.
    std::vector<std::string> ids;
    for (const auto& [key, row] : m_rows) {
        ids.push_back(fmt::format("\"id\":{},", key.second)); // a per-row image
        ids.push_back(fmt::format("[{},", key.second));       // a row of a grouped image
    }
    readEntries("instr(changes, ?) > 0", ids);

    std::set<std::string> tables;
    for (auto& [key, row] : m_rows) {
        if (!row.inserted) {
            row = {};
            tables.insert("\"" + key.first + "\"");
        }
    }
    if (!tables.empty())
        readEntries("instr(changes, ?) > 0", {tables.begin(), tables.end()});
}

void RowHistory::readEntries(const std::string& condition, const std::vector<std::string>& args)
{
    std::string where;
    for (std::size_t i = 0; i < args.size(); ++i)
        where += (i ? " OR " : "") + condition;
    SQLite::Statement query(m_db, "SELECT seq, recorded_at, user_name, action, changes FROM "
                                  "journal WHERE " +
                                      where + " ORDER BY seq");
    for (std::size_t i = 0; i < args.size(); ++i)
        query.bind(static_cast<int>(i + 1), args[i]);
    while (query.executeStep()) {
        JournalEntry entry;
        entry.seq = query.getColumn(0).getInt64();
        entry.recordedAt = query.getColumn(1).getString();
        entry.userName = query.getColumn(2).getString();
        entry.action = query.getColumn(3).getString();
        const auto changes = query.getColumn(4);
        const std::string_view text(changes.getText(),
                                    static_cast<std::size_t>(changes.getBytes()));
        RowImages::forEach(
            text,
            [&](const RowImage& image) {
                const auto found = m_rows.find({std::string(image.table), image.id});
                if (found == m_rows.end())
                    return;
                const auto& shape = m_tables.at(found->first.first);
                auto& row = found->second;
                if (image.op == "insert") {
                    row.values = shape.insertedRow(image);
                    row.inserted = true;
                } else if (image.op == "update" && row.inserted) {
                    for (std::size_t i = 0; i < image.columns.size(); ++i) {
                        const auto& name = image.columns[i];
                        const auto index = shape.columnIndex(name);
                        if (index == std::string::npos)
                            continue;
                        const auto before = shape.expectedValue(index, image.before[i]);
                        if (before != row.values[index] && row.beforeProblem.empty())
                            row.beforeProblem = fmt::format(
                                "{}: it found {} with {} = {}, but the journal had left it at {} "
                                "— the row was changed behind the application's back before "
                                "that entry",
                                RowImages::describe(entry),
                                shape.label(found->first.second, row.values), name,
                                TableShape::shown(before), TableShape::shown(row.values[index]));
                        row.values[index] = shape.expectedValue(index, image.after[i]);
                    }
                } else {
                    return;
                }
                row.lastWriter = RowImages::describe(entry);
            },
            [](const std::string&) {}); // reported on the first reading
    }
}

} // namespace asicledger
