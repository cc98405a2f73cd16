#include "RowHistory.hpp"

#include "RowImages.hpp"

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
    Journal(m_db).forEachEntry(
        [&](const JournalEntry& entry, std::string_view changes) {
            RowImages::forEach(
                changes, [&](const RowImage& image) { rebuild(entry, image); },
                [](const std::string&) {}); // reported on the first reading
        },
        where, args);
}

void RowHistory::rebuild(const JournalEntry& entry, const RowImage& image)
{
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
                    "{}: it found {} with {} = {}, but the journal had left it at {} — the row "
                    "was changed behind the application's back before that entry",
                    RowImages::describe(entry), shape.label(found->first.second, row.values), name,
                    TableShape::shown(before), TableShape::shown(row.values[index]));
            row.values[index] = shape.expectedValue(index, image.after[i]);
        }
    } else {
        return;
    }
    row.lastWriter = RowImages::describe(entry);
}

} // namespace asicledger
