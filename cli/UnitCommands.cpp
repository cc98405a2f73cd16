// unit show, units, unlocks: reading the fleet.

#include "CommandSet.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "Serial.hpp"
#include "Session.hpp"
#include "UnitView.hpp"
#include "UnlockSchedule.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct UnitListOptions
{
    std::string status, site, owner, unlocksBefore, unlocksAfter, serialPrefix;
    std::size_t limit = 0;
};

struct UnlockOptions
{
    std::string from, to;
    std::string by = "month";
};

std::optional<std::string> given(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<Date> givenDate(const std::string& text, std::string_view what)
{
    return text.empty() ? std::nullopt : std::optional<Date>(requireDate(text, what));
}

UnitFilter filterFrom(const UnitListOptions& options)
{
    UnitFilter filter;
    if (!options.status.empty()) {
        filter.status = parseUnitStatus(options.status);
        if (!filter.status)
            throw InvalidInput(fmt::format("'{}' is not a unit status: use running, stopped, "
                                           "faulty or exported",
                                           options.status));
    }
    filter.site = given(options.site);
    filter.owner = given(options.owner);
    filter.unlocksBefore = givenDate(options.unlocksBefore, "--unlocks-before");
    filter.unlocksAfter = givenDate(options.unlocksAfter, "--unlocks-after");
    filter.serialPrefix = given(options.serialPrefix);
    return filter;
}

Json pendingExit(ExitDesk& exits, const std::string& serial)
{
    for (const auto& exit : exits.pending()) {
        if (exit.serial == serial)
            return {{"payment_date", isoDate(exit.paymentDate)},
                    {"total_tiyn", exit.total.minor()},
                    {"payment_ref", exit.paymentRef},
                    {"recorded_by", exit.recordedBy}};
    }
    return nullptr;
}

int showUnit(Session& session, const std::string& serialText)
{
    session.signIn();
    auto& ledger = session.open();
    UnitRegister units(ledger);
    const auto unit = units.require(Serial(serialText));
    auto record = UnitView::details(unit, ledger.today());
    if (unit.exitPending) {
        ExitDesk exits(ledger);
        record["pending_exit"] = pendingExit(exits, unit.serial);
    }
    const auto history = units.history(unit.id);

    const auto format = session.format();
    if (format == OutputFormat::Json) {
        record["history"] = Json::array();
        for (const auto& event : history)
            record["history"].push_back(UnitView::event(event));
        writeJson(std::cout, record);
        return 0;
    }
    auto fields = UnitView::detailFields();
    if (record["customs_value_foreign"].is_null()) // declared in tenge: the KZT line says it all
        std::erase_if(
            fields, [](const OutputColumn& field) { return field.key == "customs_value_foreign"; });
    if (record.contains("pending_exit") && !record["pending_exit"].is_null()) {
        const auto& exit = record["pending_exit"];
        record["pending_exit_text"] = fmt::format(
            "paid {}, {} KZT, ref {}, recorded by {}; awaiting a manager's approval",
            exit["payment_date"].get<std::string>(), tableText(exit["total_tiyn"], CellKind::Money),
            exit["payment_ref"].get<std::string>(), exit["recorded_by"].get<std::string>());
        fields.push_back({"pending_exit_text", "Pending exit"});
    }
    writeRecord(std::cout, format, fields, record);
    if (format == OutputFormat::Table) {
        // Event details are sentences: a line each under the date reads better than a wide table.
        std::cout << "\nHistory:\n";
        for (const auto& event : history)
            std::cout << fmt::format("  {}  {} (journal entry {}, {})\n      {}\n",
                                     isoDate(event.date), event.kind, event.journalSeq,
                                     event.recordedBy, event.detail);
        return 0;
    }
    std::cout << '\n';
    RowWriter out(std::cout, format, UnitView::eventColumns());
    for (const auto& event : history)
        out.add(UnitView::event(event));
    out.finish();
    return 0;
}

int listUnits(Session& session, const UnitListOptions& options)
{
    session.signIn();
    auto& ledger = session.open();
    const auto filter = filterFrom(options);
    const auto today = ledger.today();
    RowWriter out(std::cout, session.format(), UnitView::rowColumns());
    UnitRegister(ledger).forEach(filter, UnitOrder::BySerial, [&](const UnitRecord& unit) {
        out.add(UnitView::row(unit, today));
        return options.limit == 0 || out.count() < options.limit;
    });
    out.finish();
    return 0;
}

int listUnlocks(Session& session, const UnlockOptions& options)
{
    session.signIn();
    auto& ledger = session.open();
    const auto from = options.from.empty() ? ledger.today() : requireDate(options.from, "--from");
    const auto to =
        options.to.empty() ? from + boost::gregorian::months(24) : requireDate(options.to, "--to");
    const auto grouping = options.by == "site"    ? UnlockGrouping::MonthAndSite
                          : options.by == "owner" ? UnlockGrouping::MonthAndOwner
                                                  : UnlockGrouping::Month;
    // The group's key names what it is, as in unit rows.
    const std::string groupKey = grouping == UnlockGrouping::MonthAndSite ? "site" : "legal_owner";
    std::vector<OutputColumn> columns{{"month", "Month"}};
    if (grouping != UnlockGrouping::Month)
        columns.push_back(
            {groupKey, grouping == UnlockGrouping::MonthAndSite ? "Site" : "Legal owner"});
    columns.push_back({"units", "Units", CellKind::Number});
    columns.push_back({"customs_value_tiyn", "Customs value, KZT", CellKind::Money});
    columns.push_back({"vat_exempted_tiyn", "VAT exempted, KZT", CellKind::Money});

    const auto format = session.format();
    RowWriter out(std::cout, format, columns);
    std::int64_t units = 0;
    Tiyn customsValue, vatExempted;
    for (const auto& row : UnlockSchedule(ledger).rows(from, to, grouping)) {
        Json line{{"month", row.month}};
        if (grouping != UnlockGrouping::Month)
            line[groupKey] = row.group;
        line["units"] = row.units;
        line["customs_value_tiyn"] = row.customsValue.minor();
        line["vat_exempted_tiyn"] = row.vatExempted.minor();
        out.add(line);
        units += row.units;
        customsValue += row.customsValue;
        vatExempted += row.vatExempted;
    }
    // A person reading the table wants the sum; machines can add it up themselves.
    if (format == OutputFormat::Table && out.count() > 0)
        out.add({{"month", "Total"},
                 {"units", units},
                 {"customs_value_tiyn", customsValue.minor()},
                 {"vat_exempted_tiyn", vatExempted.minor()}});
    out.finish();
    return 0;
}

} // namespace

void addUnitCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();

    auto* unit = app.add_subcommand("unit", "One unit");
    unit->require_subcommand(1);
    auto serial = std::make_shared<std::string>();
    auto* show = unit->add_subcommand("show", "Everything about one unit, with its history");
    show->add_option("serial", *serial, "Serial number")->required();
    commands.on(show, [&session, serial] { return showUnit(session, *serial); });

    auto list = std::make_shared<UnitListOptions>();
    auto* units = app.add_subcommand("units", "List units (filters combine)");
    units->add_option("--status", list->status, "running, stopped, faulty or exported");
    units->add_option("--site", list->site, "Site name");
    units->add_option("--owner", list->owner, "Legal or beneficial owner");
    units->add_option("--unlocks-before", list->unlocksBefore, "Unlock date before this day");
    units->add_option("--unlocks-after", list->unlocksAfter, "Unlock date after this day");
    units->add_option("--serial-prefix", list->serialPrefix, "Serials starting with this");
    units->add_option("--limit", list->limit, "At most this many units");
    commands.on(units, [&session, list] { return listUnits(session, *list); });

    auto unlockOptions = std::make_shared<UnlockOptions>();
    auto* unlocks = app.add_subcommand("unlocks", "When units unlock: counts and values by month");
    unlocks->add_option("--from", unlockOptions->from, "First unlock date (default today)");
    unlocks->add_option("--to", unlockOptions->to, "Last unlock date (default 24 months on)");
    unlocks->add_option("--by", unlockOptions->by, "month, site or owner")
        ->check(CLI::IsMember({"month", "site", "owner"}));
    commands.on(unlocks,
                [&session, unlockOptions] { return listUnlocks(session, *unlockOptions); });
}

} // namespace asicledger
