#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

namespace asicledger::gui {

class CryptoEntryForms;
class LedgerSession;
class TextTableModel;

// Crypto to fiat: the four entry forms on the left, the reconciliation on the right (per domestic
// entity and where its coins are: BTC mined, transferred, converted and held; fiat raised,
// remitted and outstanding per currency, with the age of the oldest unremitted proceeds; and the
// records that break a rule), as the core computes it.
class CryptoPage : public QWidget
{
    Q_OBJECT

public:
    explicit CryptoPage(LedgerSession& session, QWidget* parent = nullptr);

    void reconcile();
    CryptoEntryForms* forms() const { return m_forms; }
    TextTableModel* bitcoin() const { return m_bitcoin; }
    TextTableModel* fiat() const { return m_fiat; }
    QString ruleBreaksText() const;

private:
    void reloadChoices();

    LedgerSession& m_session;
    CryptoEntryForms* m_forms;
    QCheckBox* m_useFrom;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_entity;
    QLabel* m_message;
    TextTableModel* m_bitcoin;
    TextTableModel* m_fiat;
    QLabel* m_ruleBreaks;
};

} // namespace asicledger::gui
