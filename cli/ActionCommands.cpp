// sell, move, export, status, note, hosting: what finance does to units after import. Every rule
// (the lock, dates in order, exported units) is the core's; this only gathers the arguments.

#include "ActionOutput.hpp"
#include "CommandSet.hpp"
#include "LedgerError.hpp"
#include "SerialArguments.hpp"
#include "Session.hpp"
#include "UnitActions.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct ActionOptions
{
    std::shared_ptr<SerialArguments> serials;
    std::string date;
    std::string reason;
    std::string target; // buyer, site, status or beneficial owner
    bool none = false;
};

std::string unitsText(std::size_t count)
{
    return count == 1 ? std::string("1 unit") : fmt::format("{} units", count);
}

// A dated action's day: given, or today where leaving it out is natural.
Date actionDate(Session& session, const std::string& text)
{
    return text.empty() ? session.open().today() : requireDate(text, "--date");
}

CLI::App* addAction(CLI::App& app, const char* name, const char* description,
                    const std::shared_ptr<ActionOptions>& options, bool dateRequired)
{
    auto* command = app.add_subcommand(name, description);
    options->serials = SerialArguments::addTo(command);
    auto* date = command->add_option("--date", options->date,
                                     dateRequired ? "Date of the action (YYYY-MM-DD or DD.MM.YYYY)"
                                                  : "Date of the action (default today)");
    if (dateRequired)
        date->required();
    command->add_option("--reason", options->reason, "Why (kept in the journal)");
    return command;
}

} // namespace

void addActionCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();

    auto sale = std::make_shared<ActionOptions>();
    auto* sell = addAction(app, "sell", "Sell units to another legal owner (finance)", sale, true);
    sell->add_option("--to", sale->target, "The buying entity")->required();
    commands.on(sell, [&session, sale] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, sale->date);
        const auto serials = sale->serials->serials();
        const auto count =
            UnitActions(session.open()).sell(actor, serials, sale->target, date, sale->reason);
        printActionDone(
            session,
            fmt::format("Sold {} to {} on {}.", unitsText(count), sale->target, isoDate(date)),
            {{"action", "sell"}, {"units", count}, {"to", sale->target}, {"date", isoDate(date)}},
            serials);
        return 0;
    });

    auto relocation = std::make_shared<ActionOptions>();
    auto* move = addAction(app, "move", "Move units to another site (finance)", relocation, true);
    move->add_option("--to-site", relocation->target, "The site they move to")->required();
    commands.on(move, [&session, relocation] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, relocation->date);
        const auto serials = relocation->serials->serials();
        const auto count = UnitActions(session.open())
                               .move(actor, serials, relocation->target, date, relocation->reason);
        printActionDone(session,
                        fmt::format("Moved {} to {} on {}.", unitsText(count), relocation->target,
                                    isoDate(date)),
                        {{"action", "move"},
                         {"units", count},
                         {"to_site", relocation->target},
                         {"date", isoDate(date)}},
                        serials);
        return 0;
    });

    auto shipment = std::make_shared<ActionOptions>();
    auto* exportCommand =
        addAction(app, "export", "Record units leaving Kazakhstan (finance)", shipment, true);
    commands.on(exportCommand, [&session, shipment] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, shipment->date);
        const auto serials = shipment->serials->serials();
        const auto count =
            UnitActions(session.open()).exportUnits(actor, serials, date, shipment->reason);
        printActionDone(session, fmt::format("Exported {} on {}.", unitsText(count), isoDate(date)),
                        {{"action", "export"}, {"units", count}, {"date", isoDate(date)}}, serials);
        return 0;
    });

    auto change = std::make_shared<ActionOptions>();
    auto* status =
        addAction(app, "status", "Set units running, stopped or faulty (finance)", change, false);
    status->add_option("--to", change->target, "running, stopped or faulty")->required();
    commands.on(status, [&session, change] {
        const auto& actor = session.signIn();
        const auto newStatus = parseUnitStatus(change->target);
        if (!newStatus)
            throw InvalidInput(fmt::format("'{}' is not a unit status: use running, stopped or "
                                           "faulty",
                                           change->target));
        const auto date = actionDate(session, change->date);
        const auto serials = change->serials->serials();
        const auto count =
            UnitActions(session.open()).setStatus(actor, serials, *newStatus, date, change->reason);
        printActionDone(
            session,
            fmt::format("Set {} {} on {}.", unitsText(count), toText(*newStatus), isoDate(date)),
            {{"action", "status"},
             {"units", count},
             {"to", std::string(toText(*newStatus))},
             {"date", isoDate(date)}},
            serials);
        return 0;
    });

    auto hostingOptions = std::make_shared<ActionOptions>();
    auto* hosting = addAction(app, "hosting",
                              "Change the beneficial owner (hosting customer); the legal owner "
                              "stays (finance)",
                              hostingOptions, false);
    // Exactly one of the two: a new owner, or none.
    auto* newOwner = hosting->add_option_group("owner", "The new beneficial owner");
    newOwner->add_option("--beneficial-owner", hostingOptions->target, "The hosting customer");
    newOwner->add_flag("--none", hostingOptions->none, "No beneficial owner");
    newOwner->require_option(1);
    commands.on(hosting, [&session, hostingOptions] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, hostingOptions->date);
        std::optional<std::string> newOwner;
        if (!hostingOptions->none)
            newOwner = hostingOptions->target;
        const auto serials = hostingOptions->serials->serials();
        const auto count =
            UnitActions(session.open())
                .setBeneficialOwner(actor, serials, newOwner, date, hostingOptions->reason);
        printActionDone(session,
                        fmt::format("Set the beneficial owner of {} to {} on {}.", unitsText(count),
                                    newOwner ? *newOwner : "none", isoDate(date)),
                        {{"action", "hosting"},
                         {"units", count},
                         {"beneficial_owner", newOwner ? Json(*newOwner) : Json(nullptr)},
                         {"date", isoDate(date)}},
                        serials);
        return 0;
    });

    auto noteOptions = std::make_shared<ActionOptions>();
    auto noteSerial = std::make_shared<std::string>();
    auto* note = app.add_subcommand("note", "Add a note to a unit's history (finance)");
    note->add_option("serial", *noteSerial, "Serial number")->required();
    note->add_option("--date", noteOptions->date, "Date of the note (default today)");
    note->add_option("--text", noteOptions->target, "The note")->required();
    commands.on(note, [&session, noteOptions, noteSerial] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, noteOptions->date);
        UnitActions(session.open()).addNote(actor, *noteSerial, date, noteOptions->target);
        printActionDone(session, fmt::format("Noted on {} for {}.", isoDate(date), *noteSerial),
                        {{"action", "note"},
                         {"units", 1},
                         {"date", isoDate(date)},
                         {"text", noteOptions->target}},
                        {*noteSerial});
        return 0;
    });
}

} // namespace asicledger
