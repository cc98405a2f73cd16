#pragma once

#include <QWidget>

namespace asicledger::gui {

class LedgerSession;

// Crypto to fiat: entry forms for mined, transfer, conversion and remittance, and the
// reconciliation. Waits for the core's crypto records; until then it says so.
class CryptoPage : public QWidget
{
    Q_OBJECT

public:
    explicit CryptoPage(LedgerSession& session, QWidget* parent = nullptr);

private:
    LedgerSession& m_session;
};

} // namespace asicledger::gui
