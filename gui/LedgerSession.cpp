#include "LedgerSession.hpp"

#include "LedgerError.hpp"
#include "LedgerSetup.hpp"
#include "UserDirectory.hpp"

#include <filesystem>

namespace asicledger::gui {

LedgerSession::LedgerSession(std::shared_ptr<Clock> clock, QObject* parent)
    : QObject(parent), m_clock(std::move(clock))
{}

LedgerSession::~LedgerSession() = default;

void LedgerSession::open(const QString& fileName)
{
    auto ledger = std::make_unique<Ledger>(fileName.toStdString(), *m_clock);
    if (!ledger->isInitialised())
        throw InvalidInput(fileName.toStdString() +
                           " is not an initialised ledger: it has no users yet. Create a new "
                           "ledger with File > New ledger, or open another file");
    close();
    m_ledger = std::move(ledger);
    m_fileName = fileName;
    emit opened();
}

void LedgerSession::create(const QString& fileName, const QString& adminName,
                           const QString& password)
{
    const std::filesystem::path file = fileName.toStdString();
    if (std::filesystem::exists(file))
        throw InvalidInput(file.string() + " already exists: open it with File > Open ledger, or "
                                           "choose another name for the new ledger");
    Actor admin;
    auto ledger = std::make_unique<Ledger>(file, *m_clock, Ledger::OpenMode::CreateIfMissing);
    try {
        admin = LedgerSetup::initialise(*ledger, adminName.toStdString(), password.toStdString());
    } catch (...) {
        // Leave no half-made ledger behind for the next attempt to trip over.
        ledger.reset();
        std::error_code ignored;
        for (const auto* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(file.string() + suffix, ignored);
        throw;
    }
    close();
    m_ledger = std::move(ledger);
    m_fileName = fileName;
    emit opened();
    m_actor = admin;
    m_signedIn = true;
    emit signedIn();
}

void LedgerSession::signIn(const QString& name, const QString& password)
{
    m_actor = UserDirectory(ledger()).signIn(name.toStdString(), password.toStdString());
    m_signedIn = true;
    emit signedIn();
}

void LedgerSession::close()
{
    if (!m_ledger)
        return;
    m_signedIn = false;
    m_actor = {};
    m_ledger.reset();
    m_fileName.clear();
    emit closed();
}

Ledger& LedgerSession::ledger()
{
    if (!m_ledger)
        throw InvalidInput("no ledger is open: open one with File > Open ledger");
    return *m_ledger;
}

bool LedgerSession::may(Permission permission) const
{
    return m_signedIn && AccessPolicy::allows(m_actor.role, permission);
}

ConnectionFactory LedgerSession::connectionFactory() const
{
    const std::filesystem::path file = m_fileName.toStdString();
    std::shared_ptr<const Clock> clock = m_clock;
    return [file, clock] { return std::make_unique<LedgerConnection>(file, clock); };
}

void LedgerSession::notifyChanged()
{
    emit ledgerChanged();
}

} // namespace asicledger::gui
