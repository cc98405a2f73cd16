#include "DemoCast.hpp"

#include "EntityRegistry.hpp"
#include "Ledger.hpp"
#include "SiteRegistry.hpp"

namespace asicledger {

const std::vector<DemoParty>& DemoCast::parties()
{
    // BINs follow the Kazakh pattern: registration year and month, then 4 for a legal entity.
    static const std::vector<DemoParty> kParties{
        {"ТОО «Экибастуз Майнинг»", "domestic", "KZ", "190840012345", 35},
        {"Pavlodar Energy Hash LLP", "domestic", "KZ", "200340009876", 20},
        {"ТОО «Сарыарка Дата»", "domestic", "KZ", "180540023456", 15},
        {"Steppe Compute LLP", "domestic", "KZ", "200940015566", 15},
        {"«Ертіс Энерджи» ЖШС", "domestic", "KZ", "210140031122", 15},
        {"Astana Digital Assets LLP", "domestic", "KZ", "220240007788", 0},
        {"Lion City Hash Pte. Ltd.", "overseas", "SG", "202034567K", 0},
        {"Victoria Harbour Mining Ltd", "overseas", "HK", "2987654", 0},
    };
    return kParties;
}

const std::vector<DemoSite>& DemoCast::sites()
{
    static const std::vector<DemoSite> kSites{
        {"Ekibastuz-1", "Pavlodar", "ТОО «Экибастуз Майнинг»"},
        {"Ekibastuz-2", "Pavlodar", "ТОО «Экибастуз Майнинг»"},
        {"Pavlodar-North", "Pavlodar", "Pavlodar Energy Hash LLP"},
        {"Karagandy-1", "Karagandy", "ТОО «Сарыарка Дата»"},
        {"Karagandy-2", "Karagandy", "Steppe Compute LLP"},
        {"Oskemen-1", "East Kazakhstan", "«Ертіс Энерджи» ЖШС"},
    };
    return kSites;
}

std::vector<std::string> DemoCast::sitesOperatedBy(std::string_view entity)
{
    std::vector<std::string> names;
    for (const auto& site : sites())
        if (site.operatorName == entity)
            names.push_back(site.name);
    return names;
}

const std::string& DemoCast::buyer()
{
    return parties()[5].name;
}

std::vector<std::string> DemoCast::overseasOwners()
{
    std::vector<std::string> names;
    for (const auto& party : parties())
        if (party.kind == "overseas")
            names.push_back(party.name);
    return names;
}

std::vector<std::string> DemoCast::domesticBuyersFrom(std::string_view seller)
{
    std::vector<std::string> names;
    for (const auto& party : parties())
        if (party.kind == "domestic" && party.name != seller)
            names.push_back(party.name);
    return names;
}

void DemoCast::addTo(Ledger& ledger, const Actor& admin)
{
    EntityRegistry entities(ledger);
    for (const auto& party : parties())
        entities.add(admin, {party.name, party.kind, party.jurisdiction, party.registrationNo});
    SiteRegistry siteRegistry(ledger);
    for (const auto& site : sites())
        siteRegistry.add(admin, site.name, site.region, site.operatorName);
}

} // namespace asicledger
