#include "CryptoPage.hpp"

#include "LedgerSession.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace asicledger::gui {

CryptoPage::CryptoPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    auto* text = new QLabel(
        tr("<h3>Crypto to fiat</h3>"
           "<p>The four records of the chain (BTC mined by a domestic entity, transferred to its "
           "overseas entity, converted to fiat at a venue, remitted back) and their "
           "reconciliation are not part of this version of the ledger yet.</p>"
           "<p>Until they are, record them outside the ledger.</p>"),
        this);
    text->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addStretch(1);
}

} // namespace asicledger::gui
