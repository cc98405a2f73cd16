// entity add, entity list: the legal persons that own, import, host and operate.

#include "CommandSet.hpp"
#include "EntityRegistry.hpp"
#include "Session.hpp"

#include <iostream>

namespace asicledger {
namespace {

Json entityRow(const Entity& entity)
{
    return {{"name", entity.name},
            {"kind", std::string(toText(entity.kind))},
            {"jurisdiction", entity.jurisdiction},
            {"registration_no", entity.registrationNo ? Json(*entity.registrationNo) : Json()}};
}

const std::vector<OutputColumn>& entityColumns()
{
    static const std::vector<OutputColumn> columns{{"name", "Name"},
                                                   {"kind", "Kind"},
                                                   {"jurisdiction", "Jurisdiction"},
                                                   {"registration_no", "BIN / registration"}};
    return columns;
}

} // namespace

void addEntityCommands(CLI::App& app, CommandSet& commands)
{
    auto* entity = app.add_subcommand("entity", "Legal persons: owners, importers, operators");
    entity->require_subcommand(1);
    auto& session = commands.session();

    auto added = std::make_shared<NewEntity>();
    auto* add = entity->add_subcommand("add", "Add an entity (admin)");
    add->add_option("--name", added->name, "Legal name")->required();
    add->add_option("--kind", added->kind, "domestic or overseas")->required();
    add->add_option("--jurisdiction", added->jurisdiction, "Country code: KZ, SG, HK...")
        ->required();
    add->add_option("--bin", added->registrationNo,
                    "Registration number (the 12-digit BIN for a Kazakh company)");
    commands.on(add, [&session, added] {
        const auto& actor = session.signIn();
        const auto entity = EntityRegistry(session.open()).add(actor, *added);
        std::cout << "Added entity '" << entity.name << "' (" << toText(entity.kind) << ", "
                  << entity.jurisdiction << ").\n";
        return 0;
    });

    auto* list = entity->add_subcommand("list", "List the entities");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(), entityColumns());
        for (const auto& entity : EntityRegistry(session.open()).list())
            out.add(entityRow(entity));
        out.finish();
        return 0;
    });
}

} // namespace asicledger
