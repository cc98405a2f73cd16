#include "FuzzLedger.hpp"

#include "CryptoVenues.hpp"
#include "EntityRegistry.hpp"
#include "LedgerSetup.hpp"
#include "PasswordHasher.hpp"
#include "SiteRegistry.hpp"
#include "UserDirectory.hpp"

namespace asicledger::fuzz {

FuzzLedger& FuzzLedger::instance()
{
    static FuzzLedger ledger;
    return ledger;
}

FuzzLedger::FuzzLedger() : m_clock(Date(2026, 11, 23))
{
    // Password hashing at full cost would make every fuzzing process start slowly.
    PasswordHasher::useMinimalCostForTests();
    m_ledger = std::make_unique<Ledger>(":memory:", m_clock, Ledger::OpenMode::CreateIfMissing);
    const auto admin = LedgerSetup::initialise(*m_ledger, "admin", "admin-password");
    UserDirectory users(*m_ledger);
    users.add(admin, "finance", "finance", "finance-password");
    m_finance = users.signIn("finance", "finance-password");

    EntityRegistry entities(*m_ledger);
    entities.add(admin, {"Kazakh Hash LLP", "domestic", "KZ", "180340021234"});
    entities.add(admin, {"Altyn Mining LLP", "domestic", "KZ", "190540017777"});
    entities.add(admin, {"Pacific Hash Pte Ltd", "overseas", "SG", ""});
    entities.add(admin, {"Harbour Digital Ltd", "overseas", "HK", ""});
    SiteRegistry sites(*m_ledger);
    sites.add(admin, "Ekibastuz-1", "Pavlodar", "Kazakh Hash LLP");
    sites.add(admin, "Karagandy-2", "Karagandy", "Altyn Mining LLP");
    CryptoVenues venues(*m_ledger);
    venues.add(admin, "Astana Digital Exchange", true);
    venues.add(admin, "Lion City Exchange", false);
    venues.add(admin, "Victoria Harbour OTC", false);
}

} // namespace asicledger::fuzz
