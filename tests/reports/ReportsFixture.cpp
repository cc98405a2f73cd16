#include "ReportsFixture.hpp"

#include "InspectionDesk.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace asicledger::testing {

void ReportsFixture::arrive(const std::vector<ArrivingUnit>& units)
{
    std::map<std::tuple<std::string, std::string, std::string>, std::string> declarations;
    std::string csv = importHeader();
    for (const auto& unit : units) {
        auto& declaration = declarations[{unit.arrival, unit.site, unit.owner}];
        if (declaration.empty())
            declaration = fmt::format("50109010/{}/{:07}", unit.arrival, ++m_declarations);
        const Date arrival = day(unit.arrival);
        csv += fmt::format("{},Bitmain,{},110,3250,1250000.00,KZT,,{},,{},{},{},{},rail,{},{}\n",
                           unit.serial, unit.model, unit.owner, unit.site,
                           unit.exempt ? unit.arrival : "", declaration, unit.arrival,
                           isoDate(arrival - boost::gregorian::days(18)), unit.arrival);
    }
    importUnits(csv);
}

InspectionRecord ReportsFixture::inspect(const std::string& site, const std::string& date,
                                         const std::string& seen, const std::string& reference)
{
    NewInspection inspection;
    inspection.site = site;
    inspection.date = day(date);
    inspection.authority = "Pavlodar Region State Revenue Department";
    inspection.inspectors = {"A. Nurlanov", "B. Seitkali"};
    inspection.reference =
        reference.empty() ? fmt::format("PV-2026-{:03}", ++m_references) : reference;
    return InspectionDesk(*ledger).record(auditor, inspection, seen);
}

std::int64_t ReportsFixture::rows(const std::string& table)
{
    return ledger->db().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

Date ReportsFixture::day(const std::string& iso)
{
    return requireDate(iso, "test date");
}

std::string ReportsFixture::run(const std::string& command)
{
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "cannot run " << command;
        return output;
    }
    std::array<char, 65536> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    EXPECT_EQ(status, 0) << command;
    return output;
}

std::string ReportsFixture::readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return std::move(contents).str();
}

} // namespace asicledger::testing
