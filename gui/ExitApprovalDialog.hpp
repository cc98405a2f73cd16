#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;
class QTableView;

namespace asicledger::gui {

class LedgerSession;
class RefusalPanel;
class TextTableModel;

// The early exits finance has recorded and a manager has yet to approve. Approving releases the
// units from their lock from the payment date; the core refuses a manager approving their own.
class ExitApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExitApprovalDialog(LedgerSession& session, QWidget* parent = nullptr);

    void reload();
    void selectSerials(const QStringList& serials);
    // Approves the selected rows; true when the core approved them.
    bool approveSelected();

    TextTableModel* pending() const { return m_pending; }
    RefusalPanel* refusal() const { return m_refusal; }

private:
    LedgerSession& m_session;
    TextTableModel* m_pending;
    QTableView* m_view;
    QLineEdit* m_note;
    RefusalPanel* m_refusal;
    QPushButton* m_approve;
};

} // namespace asicledger::gui
