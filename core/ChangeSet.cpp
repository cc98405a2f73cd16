#include "ChangeSet.hpp"

#include "Journal.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace asicledger {
namespace {

nlohmann::json toJson(const SqlValue& value)
{
    if (const auto* number = std::get_if<std::int64_t>(&value))
        return *number;
    if (const auto* text = std::get_if<std::string>(&value))
        return *text;
    return nullptr;
}

nlohmann::json toJson(const Row& row)
{
    auto object = nlohmann::json::object();
    for (const auto& column : row) {
        const auto* text = std::get_if<std::string>(&column.value);
        if (text && ChangeSet::isSecret(column.name))
            object[column.name] = ChangeSet::secretImage(*text);
        else
            object[column.name] = toJson(column.value);
    }
    return object;
}

} // namespace

void bindValue(SQLite::Statement& statement, int index, const SqlValue& value)
{
    if (const auto* number = std::get_if<std::int64_t>(&value))
        statement.bind(index, *number);
    else if (const auto* text = std::get_if<std::string>(&value))
        statement.bindNoCopy(index, *text);
    else
        statement.bind(index);
}

SqlValue columnValue(const SQLite::Column& column)
{
    if (column.isNull())
        return nullptr;
    if (column.isInteger())
        return column.getInt64();
    return column.getString();
}

ChangeSet::ChangeSet(SQLite::Database& db, std::int64_t journalSeq)
    : m_db(db), m_journalSeq(journalSeq)
{
    m_images.reserve(4096);
    m_images += '[';
}

ChangeSet::~ChangeSet() = default;

SQLite::Statement& ChangeSet::prepared(const std::string& sql)
{
    auto& slot = m_statements[sql];
    if (!slot)
        slot = std::make_unique<SQLite::Statement>(m_db, sql);
    else
        slot->reset();
    return *slot;
}

void ChangeSet::beginImage()
{
    m_images += m_count++ ? ",\n" : "\n";
}

void ChangeSet::closeBatchImage()
{
    if (!m_openBatch)
        return;
    m_images += "]}";
    m_openBatch = nullptr;
    m_openBatchRows = 0;
}

std::int64_t ChangeSet::insert(const std::string& table, const Row& row)
{
    closeBatchImage();
    std::string names;
    std::string marks;
    for (const auto& column : row) {
        names += (names.empty() ? "" : ",") + column.name;
        marks += marks.empty() ? "?" : ",?";
    }
    auto& statement = prepared(fmt::format("INSERT INTO {}({}) VALUES({})", table, names, marks));
    for (std::size_t i = 0; i < row.size(); ++i)
        bindValue(statement, static_cast<int>(i + 1), row[i].value);
    statement.exec();
    const auto id = m_db.getLastInsertRowid();

    nlohmann::json image{{"op", "insert"}, {"table", table}, {"id", id}, {"row", toJson(row)}};
    beginImage();
    m_images += image.dump();
    return id;
}

void ChangeSet::update(const std::string& table, std::int64_t id, const Row& changes)
{
    closeBatchImage();
    std::string names;
    std::string assignments;
    for (const auto& column : changes) {
        names += (names.empty() ? "" : ",") + column.name;
        assignments += (assignments.empty() ? "" : ",") + column.name + "=?";
    }
    auto& select = prepared(fmt::format("SELECT {} FROM {} WHERE id=?", names, table));
    select.bind(1, id);
    if (!select.executeStep())
        throw std::logic_error(fmt::format("update of missing row {} #{}", table, id));
    Row before;
    for (std::size_t i = 0; i < changes.size(); ++i)
        before.push_back({changes[i].name, columnValue(select.getColumn(static_cast<int>(i)))});

    auto& update = prepared(fmt::format("UPDATE {} SET {} WHERE id=?", table, assignments));
    for (std::size_t i = 0; i < changes.size(); ++i)
        bindValue(update, static_cast<int>(i + 1), changes[i].value);
    update.bind(static_cast<int>(changes.size() + 1), id);
    update.exec();

    nlohmann::json image{{"op", "update"},
                         {"table", table},
                         {"id", id},
                         {"before", toJson(before)},
                         {"after", toJson(changes)}};
    beginImage();
    m_images += image.dump();
}

// The journal must not show these to every reader: it holds their SHA-256 instead, which `verify`
// can still check.
bool ChangeSet::isSecret(const std::string& column)
{
    return column == "password_hash";
}

std::string ChangeSet::secretImage(const std::string& value)
{
    return "sha256:" + Journal::sha256Hex(value);
}

std::string ChangeSet::changesJson() const
{
    std::string json;
    json.reserve(m_images.size() + 4);
    json += m_images;
    if (m_openBatch)
        json += "]}";
    json += m_count ? "\n]" : "]";
    return json;
}

} // namespace asicledger
