#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace asicledger::gui {

class LedgerSession;
class RefusalPanel;
class TextTableModel;

// Sell, move or export the selected units. The core decides: when it refuses (the five-year lock,
// a date before arrival...), the dialog stays open with every unit's reason in the core's words
// and what an early exit would cost on that date; nothing has changed.
class UnitActionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Sell,
        Move,
        Export
    };

    UnitActionDialog(LedgerSession& session, Kind kind, QStringList serials,
                     QWidget* parent = nullptr);

    void setTarget(const QString& buyerOrSite);
    void setDate(const QDate& date);
    void setReason(const QString& reason);
    // Runs the action; true when the core recorded it (the dialog then closes).
    bool submit();

    RefusalPanel* refusal() const { return m_refusal; }
    // The early-exit quote shown after a refusal, one row per locked unit.
    TextTableModel* exitQuotes() const { return m_quotes; }
    QStringList serials() const { return m_serials; }

signals:
    // The person asked to go on to an early exit for the units that were refused.
    void exitRequested(const QStringList& serials);

private:
    void showExitQuotes(const QStringList& refusedSerials);

    LedgerSession& m_session;
    Kind m_kind;
    QStringList m_serials;
    QComboBox* m_target = nullptr;
    QDateEdit* m_date;
    QLineEdit* m_reason;
    RefusalPanel* m_refusal;
    TextTableModel* m_quotes;
    QTableView* m_quoteView;
    QLabel* m_quoteTotal;
    QPushButton* m_toExit;
    QPushButton* m_run;
    QStringList m_quotedSerials;
};

} // namespace asicledger::gui
