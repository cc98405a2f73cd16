#pragma once

#include "CalendarDate.hpp"
#include "LockTerm.hpp"
#include "Vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class DemoRandom;

// One miner of the demo as planned: where it goes when imported.
struct DemoUnit
{
    std::string serial;
    std::size_t shipment = 0;
    std::string site;
    bool hosted = false; // for the shipment's overseas hosting customer
};

// One customs declaration of the demo and the packing list finance imports for it.
struct DemoShipment
{
    std::string declarationNo;
    Route route = Route::Rail;
    Date dispatch;
    Date arrival;
    Date declarationDate;
    std::optional<LockTerm> lock; // none: VAT paid at the border
    std::string importer;
    std::optional<std::string> hostedFor;
    std::string currency = "KZT"; // of the customs values; USD comes with the declared fx rate
    bool russianExcel = false;    // semicolons and DD.MM.YYYY dates
    std::size_t firstUnit = 0;
    std::size_t unitCount = 0;
    std::string csv;
};

struct DemoImports
{
    std::vector<DemoShipment> shipments; // in order of dispatch
    std::vector<DemoUnit> units;         // shipment by shipment
};

// Plans the demo's imports from 2020 up to `today`: shipment sizes, routes and transit times,
// declarations in the Kazakh customs format, models of their year with plausible prices, and
// the CSV a supplier's packing list becomes (some in the Russian-Excel style: semicolons and
// DD.MM.YYYY dates).
class DemoShipments
{
public:
    DemoShipments(DemoRandom& random, Date today) : m_random(random), m_today(today) {}

    DemoImports plan(std::size_t units);

    static constexpr std::size_t kSmallest = 50;
    static constexpr std::size_t kLargest = 2000;

private:
    std::vector<std::size_t> sizes(std::size_t units);
    std::vector<Route> routes(std::size_t count);
    void schedule(DemoShipment& shipment, std::size_t index, std::size_t count);
    void chooseParties(std::vector<DemoShipment>& shipments);
    void fill(DemoShipment& shipment, std::size_t index, DemoImports& imports);
    std::string declarationNumber(Route route, Date declared);

    DemoRandom& m_random;
    Date m_today;
    std::map<std::string, std::int64_t> m_lastNumber; // per customs post
};

} // namespace asicledger
