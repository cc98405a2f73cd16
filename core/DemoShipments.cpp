#include "DemoShipments.hpp"

#include "DemoCast.hpp"
#include "DemoRandom.hpp"
#include "LedgerError.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <numeric>

namespace asicledger {
namespace {

using boost::gregorian::days;

struct MinerModel
{
    std::string_view manufacturer;
    std::string_view model;
    std::string_view serialPrefix;
    int hashrateThs;
    int powerW;
    int premiumPercent; // price per TH/s above the year's going rate for older machines
    int firstYear;      // years in which it was shipped new
    int lastYear;
};

constexpr std::array kModels{
    MinerModel{"Bitmain", "Antminer S19", "SMTA", 95, 3250, 0, 2020, 2022},
    MinerModel{"Bitmain", "Antminer S19 Pro", "SMTB", 110, 3250, 10, 2020, 2023},
    MinerModel{"Bitmain", "Antminer S19j Pro", "JYZZ", 100, 3050, 5, 2021, 2024},
    MinerModel{"Bitmain", "Antminer S19 XP", "XPKZ", 140, 3010, 40, 2022, 2025},
    MinerModel{"Bitmain", "Antminer S21", "S21T", 200, 3500, 70, 2024, 9999},
    MinerModel{"MicroBT", "Whatsminer M30S", "HTM30S", 88, 3344, -10, 2020, 2022},
    MinerModel{"MicroBT", "Whatsminer M30S++", "HTM30Z", 112, 3472, 5, 2020, 2023},
    MinerModel{"MicroBT", "Whatsminer M50", "HTM50", 118, 3306, 15, 2023, 2025},
    MinerModel{"MicroBT", "Whatsminer M60", "HTM60", 172, 3422, 55, 2024, 9999},
    MinerModel{"Canaan", "Avalon A1246", "CA1246", 90, 3420, -15, 2021, 2024},
    MinerModel{"Canaan", "Avalon A1366", "CA1366", 130, 3250, 20, 2023, 9999},
};

// Going rate of an older-generation miner in US cents per TH/s, and the tenge rate (hundredths
// of a tenge per dollar), by year from 2020: the 2021 boom, the 2022 slide, the 2025 tenge fall.
constexpr std::array<std::int64_t, 7> kCentsPerTh{2000, 7000, 3500, 1400, 1100, 1000, 900};
constexpr std::array<std::int64_t, 7> kKztPerUsd{41250, 42600, 46050, 45620, 46950, 51380, 50740};

std::size_t yearIndex(int year)
{
    return static_cast<std::size_t>(std::clamp(year - 2020, 0, 6));
}

// Customs posts that clear each route: airports, rail border stations, road crossings.
std::vector<std::string> postsFor(Route route)
{
    switch (route) {
    case Route::Air:
        return {"50109010", "71001010"};
    case Route::Rail:
        return {"39703010", "55201040"};
    case Route::Truck:
        return {"55201020", "39701030"};
    }
    return {};
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",;\"\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string dateText(Date day, bool russianExcel)
{
    return russianExcel ? fmt::format("{:02}.{:02}.{}", static_cast<int>(day.day()),
                                      static_cast<int>(day.month()), static_cast<int>(day.year()))
                        : isoDate(day);
}

std::string batchCode(std::size_t index)
{
    std::string code(3, 'A');
    for (int i = 2; i >= 0; --i, index /= 26)
        code[static_cast<std::size_t>(i)] = static_cast<char>('A' + index % 26);
    return code;
}

std::string serialOf(const MinerModel& model, Date made, const std::string& batch,
                     std::int64_t sequence)
{
    const int yy = made.year() % 100;
    const int mm = made.month();
    if (model.manufacturer == "Bitmain")
        return fmt::format("{}{:02}{:02}{}{:05}", model.serialPrefix, yy, mm, batch, sequence);
    if (model.manufacturer == "MicroBT")
        return fmt::format("{}-{:02}{:02}{:02}-{}{:05}", model.serialPrefix, yy, mm,
                           static_cast<int>(made.day()), batch, sequence);
    return fmt::format("{}-{:02}{}{:05}", model.serialPrefix, yy, batch, sequence);
}

} // namespace

DemoImports DemoShipments::plan(std::size_t units)
{
    const auto counts = sizes(units);
    const auto kinds = routes(counts.size());
    DemoImports imports;
    imports.shipments.resize(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        imports.shipments[i].route = kinds[i];
        imports.shipments[i].unitCount = counts[i];
        schedule(imports.shipments[i], i, counts.size());
    }
    chooseParties(imports.shipments);
    for (std::size_t i = 0; i < imports.shipments.size(); ++i)
        fill(imports.shipments[i], i, imports);
    return imports;
}

// About a dozen shipments even for a small demo; at full size about one a month, mostly lots of a
// few hundred units with the odd big one, none smaller than kSmallest or larger than kLargest.
std::vector<std::size_t> DemoShipments::sizes(std::size_t units)
{
    if (units == 0)
        return {};
    const auto count = std::max<std::size_t>(
        1, std::min(units / kSmallest, std::max<std::size_t>(12, units / 300)));
    std::vector<std::size_t> weights(count);
    for (auto& weight : weights)
        weight = static_cast<std::size_t>(m_random.chance(15) ? m_random.between(200, 600)
                                                              : m_random.between(20, 120));
    const auto weightSum = std::accumulate(weights.begin(), weights.end(), std::size_t{0});
    std::vector<std::size_t> sizes(count);
    for (std::size_t i = 0; i < count; ++i)
        sizes[i] = std::clamp(units * weights[i] / weightSum, std::min(units, kSmallest), kLargest);
    // Bring the total to exactly `units` without leaving the bounds (always possible: the count
    // was chosen so that kSmallest * count <= units <= kLargest * count).
    auto total = std::accumulate(sizes.begin(), sizes.end(), std::size_t{0});
    for (std::size_t i = 0; total != units; i = (i + 1) % count) {
        if (total < units && sizes[i] < kLargest) {
            const auto step = std::min(units - total, kLargest - sizes[i]);
            sizes[i] += step;
            total += step;
        } else if (total > units && sizes[i] > kSmallest) {
            const auto step = std::min(total - units, sizes[i] - kSmallest);
            sizes[i] -= step;
            total -= step;
        }
    }
    return sizes;
}

// Mostly rail from China through Dostyk and Altynkol, trucks through Khorgos, air for urgent
// lots; every route at least once.
std::vector<Route> DemoShipments::routes(std::size_t count)
{
    std::vector<Route> routes(count);
    for (auto& route : routes) {
        const auto draw = m_random.between(0, 99);
        route = draw < 25 ? Route::Air : draw < 70 ? Route::Rail : Route::Truck;
    }
    if (count < 3)
        return routes;
    for (auto wanted : {Route::Air, Route::Rail, Route::Truck}) {
        if (std::find(routes.begin(), routes.end(), wanted) != routes.end())
            continue;
        for (;;) {
            auto& candidate =
                routes[static_cast<std::size_t>(m_random.between(0, std::ssize(routes) - 1))];
            if (std::count(routes.begin(), routes.end(), candidate) > 1) {
                candidate = wanted;
                break;
            }
        }
    }
    return routes;
}

// Dispatch dates spread evenly from January 2020 to a few weeks before today, transit times typical
// of the route (one rail lot held at the border, so the import shows its warning), declared on
// arrival or the day after and released a day or two after arrival.
void DemoShipments::schedule(DemoShipment& shipment, std::size_t index, std::size_t count)
{
    const Date first(2020, 1, 13);
    const Date lastDispatch = m_today - days(26);
    if (lastDispatch <= first)
        throw InvalidInput(fmt::format("the demo ledger's shipments run from {}; today ({}) is "
                                       "too early to build it",
                                       isoDate(first), isoDate(m_today)));
    const auto span = daysBetween(first, lastDispatch);
    const auto slot = std::max<std::int64_t>(1, span / static_cast<std::int64_t>(count));
    const auto offset = slot * static_cast<std::int64_t>(index) + m_random.between(0, slot - 1);
    shipment.dispatch = std::min(lastDispatch, first + days(offset));

    const auto typical = typicalTransit(shipment.route);
    auto transit = m_random.between(typical.minDays, typical.maxDays);
    const bool heldAtBorder = shipment.route == Route::Rail && count >= 8 && index == count / 2;
    if (heldAtBorder && shipment.dispatch + days(40) <= m_today)
        transit = 36;
    shipment.arrival = shipment.dispatch + days(transit);
    shipment.declarationDate = shipment.arrival + days(m_random.between(0, 1));
}

// Who imports each lot and for whom, whether its VAT was exempted, its currency and file style;
// each choice made at least once either way so even a small demo shows every case.
void DemoShipments::chooseParties(std::vector<DemoShipment>& shipments)
{
    std::vector<const DemoParty*> importers;
    int weights = 0;
    for (const auto& party : DemoCast::parties()) {
        if (party.importWeight > 0) {
            importers.push_back(&party);
            weights += party.importWeight;
        }
    }
    const auto overseas = DemoCast::overseasOwners();
    std::vector<bool> exempt(shipments.size());
    for (std::size_t i = 0; i < shipments.size(); ++i) {
        auto& shipment = shipments[i];
        auto draw = m_random.between(0, weights - 1);
        for (const auto* party : importers) {
            if (draw < party->importWeight) {
                shipment.importer = party->name;
                break;
            }
            draw -= party->importWeight;
        }
        exempt[i] = m_random.chance(85);
        if (m_random.chance(25))
            shipment.hostedFor = m_random.pick(overseas);
        shipment.currency = m_random.chance(60) ? "USD" : "KZT";
        shipment.russianExcel = m_random.chance(30);
    }
    if (shipments.size() >= 4) {
        const auto n = shipments.size();
        exempt[n / 3] = false;
        exempt[0] = true;
        if (std::none_of(shipments.begin(), shipments.end(),
                         [](const auto& s) { return s.hostedFor.has_value(); }))
            shipments[n / 2].hostedFor = overseas.front();
        shipments[1].currency = "USD";
        shipments[2].currency = "KZT";
    }
    for (std::size_t i = 0; i < shipments.size(); ++i) {
        auto& shipment = shipments[i];
        if (exempt[i]) {
            const auto release = shipment.arrival + days(m_random.between(1, 2));
            shipment.lock.emplace(std::max(release, shipment.declarationDate),
                                  LockTerm::kStandardYears);
        }
        shipment.declarationNo = declarationNumber(shipment.route, shipment.declarationDate);
    }
}

// Kazakh customs numbering: customs post / DDMMYY of registration / running number of the post.
std::string DemoShipments::declarationNumber(Route route, Date declared)
{
    const auto post = m_random.pick(postsFor(route));
    auto& number = m_lastNumber[post];
    number = number == 0 ? m_random.between(1000, 9000) : number + m_random.between(3, 400);
    return fmt::format("{}/{:02}{:02}{:02}/{:07}", post, static_cast<int>(declared.day()),
                       static_cast<int>(declared.month()), declared.year() % 100, number);
}

// The units of one lot (one or two models of its year, over one or two of the importer's
// sites, part of it hosted) and its packing list as CSV.
void DemoShipments::fill(DemoShipment& shipment, std::size_t index, DemoImports& imports)
{
    const int year = shipment.dispatch.year();
    std::vector<const MinerModel*> available;
    for (const auto& model : kModels)
        if (model.firstYear <= year && year <= model.lastYear)
            available.push_back(&model);
    m_random.shuffle(available);
    const std::size_t modelCount = shipment.unitCount >= 100 && m_random.chance(40) ? 2 : 1;
    const auto firstModelUnits =
        modelCount == 1
            ? shipment.unitCount
            : shipment.unitCount * static_cast<std::size_t>(m_random.between(30, 70)) / 100;

    const auto sites = DemoCast::sitesOperatedBy(shipment.importer);
    const auto firstSiteUnits =
        sites.size() == 1
            ? shipment.unitCount
            : shipment.unitCount * static_cast<std::size_t>(m_random.between(40, 70)) / 100;
    const auto hostedUnits =
        shipment.hostedFor
            ? shipment.unitCount * static_cast<std::size_t>(m_random.between(50, 80)) / 100
            : 0;

    const auto fx = kKztPerUsd[yearIndex(year)] + m_random.between(-600, 600);
    const auto fxText = fmt::format("{}.{:02}", fx / 100, fx % 100);
    const char separator = shipment.russianExcel ? ';' : ',';
    const auto exemptionStart =
        shipment.lock ? dateText(shipment.lock->start(), shipment.russianExcel) : std::string();
    const auto shipmentCells = fmt::format(
        "{0}{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}", separator, exemptionStart,
        csvField(shipment.declarationNo), dateText(shipment.declarationDate, shipment.russianExcel),
        toText(shipment.route), dateText(shipment.dispatch, shipment.russianExcel),
        dateText(shipment.arrival, shipment.russianExcel));

    std::string csv;
    bool firstHeader = true;
    for (const auto* column :
         {"serial", "manufacturer", "model", "hashrate_ths", "power_w", "customs_value", "currency",
          "fx_rate", "legal_owner", "beneficial_owner", "site", "exemption_start", "declaration_no",
          "declaration_date", "route", "dispatch_date", "arrival_date"}) {
        if (!firstHeader)
            csv += separator;
        csv += column;
        firstHeader = false;
    }
    csv += '\n';

    const auto batch = batchCode(index);
    const Date made = shipment.dispatch - days(m_random.between(20, 60));
    shipment.firstUnit = imports.units.size();
    std::size_t unit = 0;
    for (std::size_t m = 0; m < modelCount; ++m) {
        const auto& model = *available[m];
        const auto units = m == 0 ? firstModelUnits : shipment.unitCount - firstModelUnits;
        const auto cents = model.hashrateThs * kCentsPerTh[yearIndex(year)] *
                           (100 + model.premiumPercent) / 100 * m_random.between(950, 1050) / 1000;
        const auto dollars = (cents + 50) / 100;
        const auto value = shipment.currency == "USD"
                               ? fmt::format("{}.00", dollars)
                               : fmt::format("{}.00", (dollars * fx + 50) / 100);
        const auto modelCells =
            fmt::format("{0}{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}{0}{7}", separator, model.manufacturer,
                        csvField(model.model), model.hashrateThs, model.powerW, value,
                        shipment.currency, shipment.currency == "USD" ? fxText : std::string());
        auto sequence = m_random.between(1000, 60000);
        for (std::size_t k = 0; k < units; ++k, ++unit) {
            const bool hosted = unit < hostedUnits;
            DemoUnit planned{serialOf(model, made, batch, sequence++), index,
                             unit < firstSiteUnits ? sites.front() : sites.back(), hosted};
            csv += fmt::format("{1}{2}{0}{3}{0}{4}{0}{5}{6}\n", separator, planned.serial,
                               modelCells, csvField(shipment.importer),
                               hosted ? csvField(*shipment.hostedFor) : std::string(),
                               csvField(planned.site), shipmentCells);
            imports.units.push_back(std::move(planned));
        }
    }
    shipment.csv = std::move(csv);
}

} // namespace asicledger
