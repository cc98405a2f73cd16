#pragma once

#include "ChangeSet.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace asicledger {

// Many inserts into one table, each setting the same columns: the bulk path of an import of
// 100,000 units. One statement is prepared for all of them, and the journal gets them as grouped
// insert_rows images (ChangeSet.hpp shows the format): the column names once per image instead of
// once per row, written straight as text. A third of the bytes to build, hash and store.
class ChangeSetBatch
{
public:
    ChangeSetBatch(ChangeSet& changes, std::string table, std::vector<std::string> columns);
    ChangeSetBatch(const ChangeSetBatch&) = delete;
    ChangeSetBatch& operator=(const ChangeSetBatch&) = delete;
    ~ChangeSetBatch();

    // Inserts one row, its values in the order of the columns, and returns its id.
    std::int64_t insert(std::span<const SqlValue> values);

private:
    void appendValue(std::size_t column, const SqlValue& value);

    ChangeSet& m_changes;
    std::vector<bool> m_secret; // per column: journalled as ChangeSet::secretImage
    std::string m_imageStart;   // {"op":"insert_rows",...,"rows":[
    SQLite::Statement m_insert;
};

// Appends `text` to `json` as a JSON string, quoted and escaped. Throws std::invalid_argument if
// it is not UTF-8, which no JSON reader would take back.
void appendJsonString(std::string& json, std::string_view text);

} // namespace asicledger
