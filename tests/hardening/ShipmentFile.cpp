#include "ShipmentFile.hpp"

#include <array>
#include <fmt/format.h>
#include <fstream>
#include <random>

namespace asicledger::testing {
namespace {

struct MinerModel
{
    const char* manufacturer;
    const char* model;
    int hashrateThs;
    int powerW;
};

constexpr std::array<MinerModel, 4> kModels{{{"Bitmain", "Antminer S21", 200, 3500},
                                             {"Bitmain", "Antminer S19 XP", 141, 3010},
                                             {"MicroBT", "Whatsminer M60S", 186, 3441},
                                             {"Canaan", "Avalon A1466", 150, 3230}}};

} // namespace

std::string ShipmentFile::csv(unsigned seed)
{
    // mt19937's raw output is fixed by the standard (distributions are not), so the file is the
    // same everywhere.
    std::mt19937 random(seed);
    std::string text = "serial,manufacturer,model,hashrate_ths,power_w,customs_value,currency,"
                       "fx_rate,legal_owner,beneficial_owner,site,exemption_start,declaration_no,"
                       "declaration_date,route,dispatch_date,arrival_date\n";
    text.reserve(static_cast<std::size_t>(units) * 220 + text.size());
    customsValueTiyn = 0;
    for (std::int64_t i = 1; i <= units; ++i) {
        const auto& model = kModels[random() % kModels.size()];
        // 1.2 to 2.4 million tenge with tiyn: exact decimals the importer stores as integers.
        const std::int64_t tiyn = 120'000'000 + static_cast<std::int64_t>(random() % 120'000'000);
        customsValueTiyn += tiyn;
        text += fmt::format("{}{:07},{},{},{},{},{}.{:02},KZT,,Kazakh Hash LLP,{},Ekibastuz-1,"
                            "2026-11-03,{},{},{},{},{}\n",
                            serialPrefix, i, model.manufacturer, model.model, model.hashrateThs,
                            model.powerW, tiyn / 100, tiyn % 100,
                            i % 5 == 0 ? "Pacific Hash Pte Ltd" : "", declarationNo,
                            kDeclarationDate, kRoute, kDispatchDate, kArrivalDate);
    }
    return text;
}

void ShipmentFile::write(const std::filesystem::path& file, unsigned seed)
{
    std::ofstream(file, std::ios::binary) << csv(seed);
}

} // namespace asicledger::testing
