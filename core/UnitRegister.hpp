#pragma once

#include "ChangeSet.hpp"
#include "Serial.hpp"
#include "UnitRecord.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Statement;
}

namespace asicledger {

class Ledger;

// Which units a list asks for. Names are matched exactly (case-insensitively); unknown names are
// refused rather than silently matching nothing.
struct UnitFilter
{
    std::optional<UnitStatus> status;
    std::optional<std::string> site;
    std::optional<std::string> owner;  // legal or beneficial owner
    std::optional<Date> unlocksBefore; // unlock date strictly before
    std::optional<Date> unlocksAfter;  // unlock date strictly after
    std::optional<std::string> serialPrefix;
    // Only units in Kazakhstan (not exported) that no inspection has seen, matched by serial.
    bool neverInspected = false;
};

// A line of a unit's history.
struct UnitEvent
{
    std::int64_t id = 0;
    Date date;
    std::string kind;
    std::string detail;
    std::int64_t journalSeq = 0;
    std::string recordedBy;
};

enum class UnitOrder
{
    BySerial,
    ByUnlockDate
};

// Reads units: one by serial, filtered lists streamed or paged by key, and their history.
class UnitRegister
{
public:
    explicit UnitRegister(Ledger& ledger) : m_ledger(ledger) {}

    std::optional<UnitRecord> find(const Serial& serial);
    // Throws NotFound: "no unit with serial X is in the ledger".
    UnitRecord require(const Serial& serial);

    // Calls `onUnit` for each matching unit in order; stops early when it returns false.
    void forEach(const UnitFilter& filter, UnitOrder order,
                 const std::function<bool(const UnitRecord&)>& onUnit);
    // Up to `limit` units after `afterSerial` (by serial), for paging without OFFSET.
    std::vector<UnitRecord> page(const UnitFilter& filter, std::size_t limit,
                                 const std::optional<std::string>& afterSerial);
    std::int64_t count(const UnitFilter& filter);

    std::vector<UnitEvent> history(std::int64_t unitId);

private:
    struct Query
    {
        std::string where;          // " WHERE ..." or empty
        std::vector<SqlValue> args; // in the order of its ? marks
    };
    Query buildWhere(const UnitFilter& filter);

    Ledger& m_ledger;
    // find()'s statement, prepared once per register: a bulk action resolves thousands of
    // serials, and preparing the five-table SELECT cost several times its execution.
    std::shared_ptr<SQLite::Statement> m_find;
};

} // namespace asicledger
