#pragma once

#include "Actor.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace asicledger {

class Ledger;

// A party of the demo ledger. `importWeight` is its share of the imports (0: it imports nothing).
struct DemoParty
{
    std::string name;
    std::string kind;
    std::string jurisdiction;
    std::string registrationNo;
    int importWeight = 0;
};

struct DemoSite
{
    std::string name;
    std::string region;
    std::string operatorName;
};

// Who is who in the demo ledger: Kazakh mining companies (some under their Russian or Kazakh
// Cyrillic names, so lists and reports carry Cyrillic), the sites they operate, a domestic buyer
// of unlocked machines, and the Singapore and Hong Kong hosting customers.
class DemoCast
{
public:
    static const std::vector<DemoParty>& parties();
    static const std::vector<DemoSite>& sites();
    static std::vector<std::string> sitesOperatedBy(std::string_view entity);
    // The domestic company that buys machines once their lock has run out.
    static const std::string& buyer();
    static std::vector<std::string> overseasOwners();
    // Domestic companies that may buy from `seller`.
    static std::vector<std::string> domesticBuyersFrom(std::string_view seller);

    // Registers every party and site as the administrator.
    static void addTo(Ledger& ledger, const Actor& admin);
};

} // namespace asicledger
