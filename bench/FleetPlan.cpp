#include "FleetPlan.hpp"

#include "BenchSetup.hpp"
#include "DemoRandom.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <numeric>

namespace asicledger::bench {
namespace {

using boost::gregorian::days;

struct Model
{
    const char* manufacturer;
    const char* name;
    const char* serialPrefix;
    int hashrateThs;
    int powerW;
    int usdPrice; // new, at its launch
    int firstYear, lastYear;
};

constexpr std::array kModels{
    Model{"Bitmain", "Antminer S17 Pro", "S17P", 53, 2094, 2000, 2019, 2020},
    Model{"Bitmain", "Antminer S19 Pro", "SMTB", 110, 3250, 3500, 2020, 2023},
    Model{"Bitmain", "Antminer S19j Pro", "JYZZ", 100, 3050, 3000, 2021, 2024},
    Model{"Bitmain", "Antminer S19 XP", "XPKZ", 140, 3010, 4500, 2022, 2025},
    Model{"Bitmain", "Antminer S21", "S21T", 200, 3500, 4000, 2024, 2026},
    Model{"MicroBT", "Whatsminer M20S", "HTM20S", 68, 3360, 1500, 2019, 2021},
    Model{"MicroBT", "Whatsminer M30S++", "HTM30Z", 112, 3472, 3200, 2020, 2023},
    Model{"MicroBT", "Whatsminer M50", "HTM50", 118, 3306, 3000, 2023, 2025},
    Model{"MicroBT", "Whatsminer M60", "HTM60", 172, 3422, 3600, 2024, 2026},
    Model{"Canaan", "Avalon A1166 Pro", "CA1166", 81, 3400, 1800, 2020, 2022},
    Model{"Canaan", "Avalon A1366", "CA1366", 130, 3250, 2600, 2023, 2026},
};

// Tenge per dollar, in hundredths, by year from 2019.
constexpr std::array<std::int64_t, 8> kKztPerUsd{38230, 41250, 42600, 46050,
                                                 45620, 46950, 51380, 50740};

std::string batchCode(std::size_t index)
{
    std::string code(3, 'A');
    for (int i = 2; i >= 0; --i, index /= 26)
        code[static_cast<std::size_t>(i)] = static_cast<char>('A' + index % 26);
    return code;
}

const char* postFor(Route route, std::size_t index)
{
    static const std::array<const char*, 2> air{"50109010", "71001010"};
    static const std::array<const char*, 2> rail{"39703010", "55201040"};
    static const std::array<const char*, 2> truck{"55201020", "39701030"};
    switch (route) {
    case Route::Air:
        return air[index % 2];
    case Route::Rail:
        return rail[index % 2];
    case Route::Truck:
        return truck[index % 2];
    }
    return rail[0];
}

std::string ddmmyy(Date day)
{
    return fmt::format("{:02}{:02}{:02}", static_cast<int>(day.day()),
                       static_cast<int>(day.month()), day.year() % 100);
}

} // namespace

FleetPlan::FleetPlan(std::size_t units, unsigned seed) : m_units(units)
{
    planParties();
    planSites();
    planShipments(seed);
}

void FleetPlan::planParties()
{
    m_parties = {
        {"TOO Ekibastuz Mining", "domestic", "KZ", "190840012345"},
        {"Pavlodar Energy Hash LLP", "domestic", "KZ", "200340009876"},
        {"TOO Saryarka Data", "domestic", "KZ", "180540023456"},
        {"Steppe Compute LLP", "domestic", "KZ", "200940015566"},
        {"Ertis Energy LLP", "domestic", "KZ", "210140031122"},
        {"Astana Digital Assets LLP", "domestic", "KZ", "220240007788"},
        {"Turan Hash Holding LLP", "domestic", "KZ", "190240054321"},
        {"Lion City Hash Pte. Ltd.", "overseas", "SG", "202034567K"},
        {"Victoria Harbour Mining Ltd", "overseas", "HK", "2987654"},
        {"Gulf Compute FZCO", "overseas", "AE", "DMCC-118822"},
        {"Prairie Hash Inc.", "overseas", "US", "DE-7730015"},
        {"Nordic Blockworks AB", "overseas", "SE", "559112-3344"},
    };
    for (std::size_t i = 0; i < m_parties.size(); ++i)
        (m_parties[i].kind == "domestic" ? m_domestic : m_overseas).push_back(i);
}

// 30 sites in the mining regions. Site 0 is filled on purpose (the inspection benchmark's big
// site); the others follow a Zipf law, so a few are huge and many hold a few thousand at 1M.
void FleetPlan::planSites()
{
    static const std::array<std::pair<const char*, const char*>, 10> kTowns{{
        {"Ekibastuz", "Pavlodar"},
        {"Pavlodar", "Pavlodar"},
        {"Karagandy", "Karagandy"},
        {"Temirtau", "Karagandy"},
        {"Oskemen", "East Kazakhstan"},
        {"Semey", "Abai"},
        {"Kostanay", "Kostanay"},
        {"Taraz", "Zhambyl"},
        {"Shymkent", "Turkistan"},
        {"Kapchagay", "Almaty"},
    }};
    constexpr std::size_t kSites = 30;
    for (std::size_t i = 0; i < kSites; ++i) {
        const auto& town = kTowns[i % kTowns.size()];
        m_sites.push_back({fmt::format("{}-{}", town.first, i / kTowns.size() + 1), town.second,
                           m_domestic[i % m_domestic.size()]});
        m_siteWeights.push_back(i == 0 ? 0 : 1'000'000 / i);
    }
}

void FleetPlan::planShipments(unsigned seed)
{
    DemoRandom random(seed);
    // About 2,500 units a shipment at 1M (400 imports), never fewer than 8 shipments.
    auto count = std::max<std::size_t>(8, m_units / 2500);
    count = std::max<std::size_t>(1, std::min(count, m_units / 20));
    std::vector<std::size_t> weights(count);
    for (auto& weight : weights)
        weight = static_cast<std::size_t>(random.chance(15) ? random.between(200, 600)
                                                            : random.between(20, 120));
    const auto weightSum = std::accumulate(weights.begin(), weights.end(), std::size_t{0});
    m_shipments.resize(count);
    std::size_t assigned = 0;
    for (std::size_t i = 0; i < count; ++i) {
        m_shipments[i].unitCount = std::max<std::size_t>(1, m_units * weights[i] / weightSum);
        assigned += m_shipments[i].unitCount;
    }
    for (std::size_t i = 0; assigned != m_units; i = (i + 1) % count) {
        if (assigned < m_units) {
            ++m_shipments[i].unitCount;
            ++assigned;
        } else if (m_shipments[i].unitCount > 1) {
            --m_shipments[i].unitCount;
            --assigned;
        }
    }

    // Whole shipments for site 0 until it holds 5.5% of the fleet.
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    random.shuffle(order);
    std::vector<bool> bigSite(count);
    std::size_t bigSiteUnits = 0;
    for (auto i : order) {
        if (bigSiteUnits >= m_units * 55 / 1000)
            break;
        bigSite[i] = true;
        bigSiteUnits += m_shipments[i].unitCount;
    }

    const Date first(2019, 1, 7);
    const Date lastDispatch = benchToday() - days(40);
    const auto span = (lastDispatch - first).days();
    const auto siteWeightSum =
        std::accumulate(m_siteWeights.begin(), m_siteWeights.end(), std::size_t{0});
    const auto pickSite = [&] {
        auto draw = static_cast<std::size_t>(random.between(0, std::int64_t(siteWeightSum) - 1));
        for (std::size_t s = 0; s < m_siteWeights.size(); ++s) {
            if (draw < m_siteWeights[s])
                return s;
            draw -= m_siteWeights[s];
        }
        return m_siteWeights.size() - 1;
    };

    std::size_t firstUnit = 0;
    for (std::size_t i = 0; i < count; ++i) {
        auto& shipment = m_shipments[i];
        shipment.index = i;
        shipment.firstUnit = firstUnit;
        firstUnit += shipment.unitCount;
        const auto draw = random.between(0, 99);
        shipment.route = draw < 20 ? Route::Air : draw < 70 ? Route::Rail : Route::Truck;
        const auto slot = std::max<std::int64_t>(1, span / static_cast<std::int64_t>(count));
        shipment.dispatch =
            first + days(slot * static_cast<std::int64_t>(i) + random.between(0, slot - 1));
        const auto transit = typicalTransit(shipment.route);
        shipment.arrival =
            shipment.dispatch + days(random.between(transit.minDays, transit.maxDays));
        shipment.declarationDate = shipment.arrival + days(random.between(0, 1));
        if (random.chance(85))
            shipment.lock.emplace(shipment.declarationDate + days(random.between(0, 1)),
                                  LockTerm::kStandardYears);
        shipment.declarationNo = fmt::format("{}/{}/{:07}", postFor(shipment.route, i),
                                             ddmmyy(shipment.declarationDate), 1000 + 7 * i);
        shipment.owner =
            m_domestic[static_cast<std::size_t>(random.between(0, std::ssize(m_domestic) - 1))];
        if (random.chance(30)) {
            shipment.hostedFor = random.pick(m_overseas);
            shipment.hostedUnits =
                shipment.unitCount * static_cast<std::size_t>(random.between(50, 90)) / 100;
        }
        if (bigSite[i]) {
            shipment.siteA = shipment.siteB = 0;
            shipment.splitAt = shipment.unitCount;
        } else {
            shipment.siteA = pickSite();
            shipment.siteB = random.chance(40) ? pickSite() : shipment.siteA;
            shipment.splitAt =
                shipment.unitCount * static_cast<std::size_t>(random.between(40, 70)) / 100;
        }
        std::vector<std::size_t> models;
        const int year = shipment.dispatch.year();
        for (std::size_t m = 0; m < kModels.size(); ++m)
            if (kModels[m].firstYear <= year && year <= kModels[m].lastYear)
                models.push_back(m);
        shipment.model = random.pick(models);
        shipment.inUsd = random.chance(60);
    }
}

std::string FleetPlan::serialOf(const FleetShipment& shipment, std::size_t k) const
{
    const auto& model = kModels[shipment.model];
    return fmt::format("{}{:02}{:02}{}{:06}", model.serialPrefix, shipment.dispatch.year() % 100,
                       static_cast<int>(shipment.dispatch.month()), batchCode(shipment.index),
                       k + 1);
}

std::string FleetPlan::csvOf(const FleetShipment& shipment) const
{
    const auto& model = kModels[shipment.model];
    const auto year = static_cast<std::size_t>(std::clamp(shipment.dispatch.year() - 2019, 0, 7));
    // Older machines sell for less: a tenth off per year since the model's launch.
    const auto age = std::max(0, shipment.dispatch.year() - model.firstYear);
    const std::int64_t usd = model.usdPrice * std::max(3, 10 - age) / 10;
    const auto fx = kKztPerUsd[year];
    const auto value =
        shipment.inUsd ? fmt::format("{}.00", usd) : fmt::format("{}.00", (usd * fx + 50) / 100);
    const auto fxText = shipment.inUsd ? fmt::format("{}.{:02}", fx / 100, fx % 100) : "";
    const auto modelCells =
        fmt::format("{},{},{},{},{},{},{}", model.manufacturer, model.name, model.hashrateThs,
                    model.powerW, value, shipment.inUsd ? "USD" : "KZT", fxText);
    const auto shipmentCells = fmt::format(
        "{},{},{},{},{},{}", shipment.lock ? isoDate(shipment.lock->start()) : std::string(),
        shipment.declarationNo, isoDate(shipment.declarationDate), toText(shipment.route),
        isoDate(shipment.dispatch), isoDate(shipment.arrival));
    const auto& owner = m_parties[shipment.owner].name;
    const std::string hosted = shipment.hostedFor ? m_parties[*shipment.hostedFor].name : "";

    std::string csv = "serial,manufacturer,model,hashrate_ths,power_w,customs_value,currency,"
                      "fx_rate,legal_owner,beneficial_owner,site,exemption_start,declaration_no,"
                      "declaration_date,route,dispatch_date,arrival_date\n";
    csv.reserve(csv.size() + shipment.unitCount * 200);
    for (std::size_t k = 0; k < shipment.unitCount; ++k) {
        fmt::format_to(std::back_inserter(csv), "{},{},{},{},{},{}\n", serialOf(shipment, k),
                       modelCells, owner, k < shipment.hostedUnits ? hosted : std::string(),
                       m_sites[siteOf(shipment, k)].name, shipmentCells);
    }
    return csv;
}

FleetShipment FleetPlan::freshShipment(std::size_t units) const
{
    FleetShipment shipment;
    shipment.index = 26 * 26 * 26 - 1; // batch code ZZZ: no planned shipment has it
    shipment.route = Route::Rail;
    shipment.dispatch = benchToday() - days(22);
    shipment.arrival = benchToday() - days(5);
    shipment.declarationDate = shipment.arrival;
    shipment.lock.emplace(shipment.arrival + days(1), LockTerm::kStandardYears);
    shipment.declarationNo =
        fmt::format("55201040/{}/{:07}", ddmmyy(shipment.declarationDate), 9'999'001);
    shipment.owner = m_domestic.front();
    shipment.hostedFor = m_overseas.front();
    shipment.hostedUnits = units / 3;
    shipment.siteA = 1;
    shipment.siteB = 3;
    shipment.splitAt = units * 6 / 10;
    shipment.model = 4; // S21, shipped in benchToday()'s year
    shipment.inUsd = true;
    shipment.unitCount = units;
    return shipment;
}

} // namespace asicledger::bench
