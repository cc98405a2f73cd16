#include "LedgerFixture.hpp"

#include "EntityRegistry.hpp"
#include "LedgerSetup.hpp"
#include "PasswordHasher.hpp"
#include "SiteRegistry.hpp"
#include "UserDirectory.hpp"

#include <atomic>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace asicledger::testing {

TemporaryFile::TemporaryFile(const std::string& suffix)
{
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             fmt::format("asicledger-test-{}-{}{}", ::getpid(), counter++, suffix);
    std::filesystem::remove(m_path);
}

TemporaryFile::~TemporaryFile()
{
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
    std::filesystem::remove(m_path.string() + "-wal", ignored);
    std::filesystem::remove(m_path.string() + "-shm", ignored);
}

LedgerFixture::LedgerFixture() : clock(Date(2026, 11, 23)) {}

void LedgerFixture::SetUp()
{
    PasswordHasher::useMinimalCostForTests();
    ledger = std::make_unique<Ledger>(file.path(), clock, Ledger::OpenMode::CreateIfMissing);
    admin = LedgerSetup::initialise(*ledger, "admin", "admin-password");
    UserDirectory users(*ledger);
    const auto signIn = [&](const std::string& name, const std::string& role) {
        users.add(admin, name, role, name + "-password");
        return users.signIn(name, name + "-password");
    };
    finance = signIn("finance", "finance");
    finance2 = signIn("finance2", "finance");
    auditor = signIn("auditor", "auditor");
    manager = signIn("manager", "manager");
    manager2 = signIn("manager2", "manager");

    EntityRegistry entities(*ledger);
    entities.add(admin, {"Kazakh Hash LLP", "domestic", "KZ", "180340021234"});
    entities.add(admin, {"Altyn Mining LLP", "domestic", "KZ", "190540017777"});
    entities.add(admin, {"Pacific Hash Pte Ltd", "overseas", "SG", ""});
    entities.add(admin, {"Harbour Digital Ltd", "overseas", "HK", ""});
    SiteRegistry sites(*ledger);
    sites.add(admin, "Ekibastuz-1", "Pavlodar", "Kazakh Hash LLP");
    sites.add(admin, "Karagandy-2", "Karagandy", "Altyn Mining LLP");
}

void LedgerFixture::TearDown()
{
    ledger.reset();
}

std::string LedgerFixture::writeFile(const std::string& name, const std::string& contents)
{
    const auto path =
        std::filesystem::temp_directory_path() / fmt::format("asicledger-{}-{}", ::getpid(), name);
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
}

std::string LedgerFixture::importHeader()
{
    return "serial,manufacturer,model,hashrate_ths,power_w,customs_value,currency,fx_rate,legal_"
           "owner,"
           "beneficial_owner,site,exemption_start,declaration_no,declaration_date,route,dispatch_"
           "date,"
           "arrival_date\n";
}

std::string LedgerFixture::importRow(const std::string& serial, const std::string& exemptionStart,
                                     const std::string& declarationNo,
                                     const std::string& declarationDate,
                                     const std::string& customsValue)
{
    return fmt::format(
        "{},Bitmain,Antminer S19 Pro,110,3250,{},KZT,,Kazakh Hash LLP,,Ekibastuz-1,{},{},{},"
        "rail,2022-02-20,2022-03-10\n",
        serial, customsValue, exemptionStart, declarationNo, declarationDate);
}

} // namespace asicledger::testing
