// site add, site list: the mining facilities and who operates them.

#include "CommandSet.hpp"
#include "Session.hpp"
#include "SiteRegistry.hpp"

#include <iostream>

namespace asicledger {
namespace {

struct NewSite
{
    std::string name;
    std::string region;
    std::string operatorName;
};

} // namespace

void addSiteCommands(CLI::App& app, CommandSet& commands)
{
    auto* site = app.add_subcommand("site", "Mining facilities");
    site->require_subcommand(1);
    auto& session = commands.session();

    auto added = std::make_shared<NewSite>();
    auto* add = site->add_subcommand("add", "Add a site (admin)");
    add->add_option("--name", added->name, "Site name, e.g. Ekibastuz-1")->required();
    add->add_option("--region", added->region, "Region, e.g. Pavlodar")->required();
    add->add_option("--operator", added->operatorName, "The entity that operates it")->required();
    commands.on(add, [&session, added] {
        const auto& actor = session.signIn();
        const auto site = SiteRegistry(session.open())
                              .add(actor, added->name, added->region, added->operatorName);
        std::cout << "Added site '" << site.name << "' (" << site.region << ", operated by "
                  << site.operatorName << ").\n";
        return 0;
    });

    auto* list = site->add_subcommand("list", "List the sites");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"name", "Name"}, {"region", "Region"}, {"operator", "Operator"}});
        for (const auto& site : SiteRegistry(session.open()).list())
            out.add(Json{
                {"name", site.name}, {"region", site.region}, {"operator", site.operatorName}});
        out.finish();
        return 0;
    });
}

} // namespace asicledger
