#include "UnlockTallyCheck.hpp"

#include "EmbeddedText.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <fmt/format.h>
#include <optional>
#include <tuple>

namespace asicledger {
namespace {

constexpr std::array kTriggers = {"unlock_tally_unit_insert", "unlock_tally_unit_update",
                                  "unlock_tally_unit_delete"};

// The CREATE TRIGGER statement as the migration wrote it (SQLite keeps that text verbatim).
std::string createdTrigger(std::string_view name)
{
    for (const auto& migration : schemaMigrations()) {
        const auto start = migration.text.find(fmt::format("CREATE TRIGGER {}", name));
        if (start == std::string_view::npos)
            continue;
        const auto end = migration.text.find("\nEND;", start);
        return std::string(migration.text.substr(start, end + 4 - start));
    }
    return {};
}

struct TallyRow
{
    std::string day;
    std::int64_t site = 0, owner = 0, units = 0, customs = 0, vat = 0;

    auto key() const { return std::tie(day, site, owner); }
    static TallyRow read(SQLite::Statement& query)
    {
        return {query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                query.getColumn(2).getInt64(),  query.getColumn(3).getInt64(),
                query.getColumn(4).getInt64(),  query.getColumn(5).getInt64()};
    }
};

std::string placeOf(SQLite::Database& db, const TallyRow& row)
{
    SQLite::Statement names(db, "SELECT (SELECT name FROM site WHERE id = ?1), "
                                "(SELECT name FROM entity WHERE id = ?2)");
    names.bind(1, row.site);
    names.bind(2, row.owner);
    names.executeStep();
    return fmt::format("{} at site '{}' owned by '{}'", row.day, names.getColumn(0).getString(),
                       names.getColumn(1).getString());
}

std::string counted(const TallyRow& row)
{
    return fmt::format("{} units, customs value {} tiyn, exempted VAT {} tiyn", row.units,
                       row.customs, row.vat);
}

} // namespace

UnlockTallyCheck::Outcome UnlockTallyCheck::run(SQLite::Database& db, std::size_t room,
                                                const Report& report)
{
    // A difference is described (names looked up) only while there is room to report it;
    // beyond that it is only counted.
    std::int64_t found = 0;
    const auto differs = [&](const auto& describe) {
        if (static_cast<std::size_t>(found++) < room)
            report(describe());
    };
    const auto add = [&](std::string message) { differs([&] { return std::move(message); }); };
    SQLite::Statement trigger(db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND "
                                  "name = ?");
    for (const auto* name : kTriggers) {
        trigger.reset();
        trigger.bind(1, name);
        if (!trigger.executeStep() || trigger.getColumn(0).getString() != createdTrigger(name))
            add(fmt::format("the trigger {} that keeps the unlock schedule's tally has been "
                            "dropped or altered: the schedule and dashboard no longer follow "
                            "the units",
                            name));
    }
    if (!db.tableExists("unlock_tally")) {
        add("the unlock tally (unlock_tally) has been dropped: the unlock schedule cannot be read");
        return {};
    }
    SQLite::Statement units(db, "SELECT unlock_date, site_id, legal_owner_id, count(*), "
                                "sum(customs_value_tiyn), sum(vat_exempted_tiyn) FROM unit "
                                "WHERE unlock_date IS NOT NULL AND status <> 'exported' AND "
                                "released_on IS NULL GROUP BY unlock_date, site_id, "
                                "legal_owner_id ORDER BY unlock_date, site_id, legal_owner_id");
    SQLite::Statement tally(db, "SELECT unlock_date, site_id, legal_owner_id, units, "
                                "customs_value_tiyn, vat_exempted_tiyn FROM unlock_tally "
                                "ORDER BY unlock_date, site_id, legal_owner_id");
    // One pass over both, in the same order, each row read once.
    std::int64_t checked = 0;
    std::optional<TallyRow> fromUnits, fromTally;
    const auto next = [](SQLite::Statement& query, std::optional<TallyRow>& row) {
        row = query.executeStep() ? std::optional(TallyRow::read(query)) : std::nullopt;
    };
    next(units, fromUnits);
    next(tally, fromTally);
    while (fromUnits || fromTally) {
        if (fromUnits && (!fromTally || fromUnits->key() < fromTally->key())) {
            differs([&] {
                return fmt::format("the unlock tally has no row for {}, where the units count {}: "
                                   "a tally row was deleted behind the program's back",
                                   placeOf(db, *fromUnits), counted(*fromUnits));
            });
            next(units, fromUnits);
        } else if (fromTally && (!fromUnits || fromTally->key() < fromUnits->key())) {
            differs([&] {
                return fmt::format("the unlock tally counts {} for {}, where no held unit "
                                   "unlocks: a tally row was inserted or changed behind the "
                                   "program's back",
                                   counted(*fromTally), placeOf(db, *fromTally));
            });
            ++checked;
            next(tally, fromTally);
        } else {
            if (std::tie(fromUnits->units, fromUnits->customs, fromUnits->vat) !=
                std::tie(fromTally->units, fromTally->customs, fromTally->vat))
                differs([&] {
                    return fmt::format("the unlock tally for {} says {}, the units say {}: the "
                                       "tally was edited behind the program's back",
                                       placeOf(db, *fromTally), counted(*fromTally),
                                       counted(*fromUnits));
                });
            ++checked;
            next(units, fromUnits);
            next(tally, fromTally);
        }
    }
    const auto reported = static_cast<std::int64_t>(room);
    return {checked, found > reported ? found - reported : 0};
}

} // namespace asicledger
