// sell, move, export, status, note, hosting: what finance does to units after import. Every rule
// (the lock, dates in order, exported units) is the core's; this only gathers the arguments.

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
        const auto count =
            UnitActions(session.open())
                .sell(actor, sale->serials->serials(), sale->target, date, sale->reason);
        std::cout << fmt::format("Sold {} to {} on {}.\n", unitsText(count), sale->target,
                                 isoDate(date));
        return 0;
    });

    auto relocation = std::make_shared<ActionOptions>();
    auto* move = addAction(app, "move", "Move units to another site (finance)", relocation, true);
    move->add_option("--to-site", relocation->target, "The site they move to")->required();
    commands.on(move, [&session, relocation] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, relocation->date);
        const auto count = UnitActions(session.open())
                               .move(actor, relocation->serials->serials(), relocation->target,
                                     date, relocation->reason);
        std::cout << fmt::format("Moved {} to {} on {}.\n", unitsText(count), relocation->target,
                                 isoDate(date));
        return 0;
    });

    auto shipment = std::make_shared<ActionOptions>();
    auto* exportCommand =
        addAction(app, "export", "Record units leaving Kazakhstan (finance)", shipment, true);
    commands.on(exportCommand, [&session, shipment] {
        const auto& actor = session.signIn();
        const auto date = actionDate(session, shipment->date);
        const auto count =
            UnitActions(session.open())
                .exportUnits(actor, shipment->serials->serials(), date, shipment->reason);
        std::cout << fmt::format("Exported {} on {}.\n", unitsText(count), isoDate(date));
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
        const auto count =
            UnitActions(session.open())
                .setStatus(actor, change->serials->serials(), *newStatus, date, change->reason);
        std::cout << fmt::format("Set {} {} on {}.\n", unitsText(count), toText(*newStatus),
                                 isoDate(date));
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
        const auto count = UnitActions(session.open())
                               .setBeneficialOwner(actor, hostingOptions->serials->serials(),
                                                   newOwner, date, hostingOptions->reason);
        std::cout << fmt::format("Set the beneficial owner of {} to {} on {}.\n", unitsText(count),
                                 newOwner ? *newOwner : "none", isoDate(date));
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
        std::cout << fmt::format("Noted on {} for {}.\n", isoDate(date), *noteSerial);
        return 0;
    });
}

} // namespace asicledger
