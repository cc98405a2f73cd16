#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "AccessPolicy.hpp"
#include "Actor.hpp"
#include "Clock.hpp"
#include "Ledger.hpp"
#include "LedgerConnection.hpp"
#endif

#include <QObject>
#include <QString>
#include <memory>

namespace asicledger::gui {

// The ledger file the window works on, the clock that says "today", and who is signed in. Every
// page reads and writes through the one Ledger held here on the UI thread; workers open their own
// connection with connectionFactory().
class LedgerSession : public QObject
{
    Q_OBJECT

public:
    // The clock is injectable so tests and demos can fix "today".
    explicit LedgerSession(std::shared_ptr<Clock> clock = std::make_shared<SystemClock>(),
                           QObject* parent = nullptr);
    ~LedgerSession() override;

    // Opens an existing ledger file (signing out whoever was signed in). Throws LedgerError.
    void open(const QString& fileName);
    // Creates a new ledger file with its first administrator, and signs them in.
    void create(const QString& fileName, const QString& adminName, const QString& password);
    // Throws LedgerError with the core's words when the name or password is wrong.
    void signIn(const QString& name, const QString& password);
    void close();

    bool isOpen() const { return m_ledger != nullptr; }
    bool isSignedIn() const { return m_signedIn; }
    Ledger& ledger();
    const Actor& actor() const { return m_actor; }
    Clock& clock() { return *m_clock; }
    Date today() const { return m_clock->today(); }
    QString fileName() const { return m_fileName; }

    // Whether the signed-in role may do this: the UI disables what it may not. The core still
    // refuses it if asked.
    bool may(Permission permission) const;
    ConnectionFactory connectionFactory() const;

    // Pages call this after a write so every view reloads what changed.
    void notifyChanged();

signals:
    void opened();
    void signedIn();
    void closed();
    void ledgerChanged();

private:
    std::shared_ptr<Clock> m_clock;
    std::unique_ptr<Ledger> m_ledger;
    QString m_fileName;
    Actor m_actor;
    bool m_signedIn = false;
};

} // namespace asicledger::gui
