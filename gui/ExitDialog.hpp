#pragma once

#include <QDialog>
#include <QStringList>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace asicledger::gui {

class LedgerSession;
class RefusalPanel;
class TextTableModel;

// Early exit for the selected units: a free quote for a payment date (VAT, penalty, total per
// unit), then, for finance, recording the payment. The units then wait for a manager's approval.
class ExitDialog : public QDialog
{
    Q_OBJECT

public:
    ExitDialog(LedgerSession& session, QStringList serials, QWidget* parent = nullptr);

    void setPaymentDate(const QDate& date);
    void setPaymentReference(const QString& reference);
    void setReason(const QString& reason);

    // True when the core quoted every unit; the table and total show the figures.
    bool quote();
    // True when the core recorded the exit (the dialog then closes).
    bool record();

    TextTableModel* quotes() const { return m_quotes; }
    QString totalText() const;
    RefusalPanel* refusal() const { return m_refusal; }

private:
    LedgerSession& m_session;
    QStringList m_serials;
    QDateEdit* m_date;
    QLineEdit* m_reference;
    QLineEdit* m_reason;
    TextTableModel* m_quotes;
    QTableView* m_view = nullptr;
    QLabel* m_total;
    RefusalPanel* m_refusal;
    QPushButton* m_record;
};

} // namespace asicledger::gui
