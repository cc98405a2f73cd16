#include "ExitApprovalDialog.hpp"

#include "CoreText.hpp"
#include "ExitDesk.hpp"
#include "LedgerSession.hpp"
#include "RefusalPanel.hpp"
#include "TextTableModel.hpp"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {

ExitApprovalDialog::ExitApprovalDialog(LedgerSession& session, QWidget* parent)
    : QDialog(parent), m_session(session),
      m_pending(new TextTableModel({tr("Serial"), tr("Paid on"), tr("Amount, KZT"),
                                    tr("Payment reference"), tr("Recorded by")},
                                   this)),
      m_view(new QTableView(this)), m_note(new QLineEdit(this)), m_refusal(new RefusalPanel(this)),
      m_approve(new QPushButton(tr("Approve selected"), this))
{
    setWindowTitle(tr("Early exits awaiting approval"));
    m_pending->setNumericColumns({2});
    m_view->setObjectName("pendingExits");
    m_view->setModel(m_pending);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_note->setPlaceholderText(tr("Note for the journal (optional)"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_approve, QDialogButtonBox::ActionRole);
    m_approve->setObjectName("approveExits");
    m_approve->setEnabled(m_session.may(Permission::ApproveExits));
    if (!m_approve->isEnabled())
        m_approve->setToolTip(tr("Only managers approve early exits."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_approve, &QPushButton::clicked, this, &ExitApprovalDialog::approveSelected);

    auto* hint = new QLabel(tr("Approving releases the units from their lock from the payment "
                               "date. The person who recorded an exit cannot approve it."),
                            this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_refusal);
    layout->addWidget(buttons);
    resize(760, 420);
    reload();
}

void ExitApprovalDialog::reload()
{
    QVector<QStringList> rows;
    QVector<QVariant> keys;
    try {
        for (const auto& exit : ExitDesk(m_session.ledger()).pending()) {
            rows.append({toQString(exit.serial), dateText(exit.paymentDate),
                         toQString(formatTenge(exit.total)), toQString(exit.paymentRef),
                         toQString(exit.recordedBy)});
            keys.append(toQString(exit.serial));
        }
    } catch (const std::exception& error) {
        m_refusal->showMessage(toQString(error.what()));
    }
    m_pending->setRows(std::move(rows), std::move(keys));
    m_view->resizeColumnsToContents();
}

void ExitApprovalDialog::selectSerials(const QStringList& serials)
{
    m_view->clearSelection();
    for (int row = 0; row < m_pending->rowCount(); ++row) {
        if (serials.contains(m_pending->key(row).toString()))
            m_view->selectionModel()->select(
                m_pending->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

bool ExitApprovalDialog::approveSelected()
{
    m_refusal->clear();
    std::vector<std::string> serials;
    for (const auto& index : m_view->selectionModel()->selectedRows())
        serials.push_back(toStd(m_pending->key(index.row()).toString()));
    if (serials.empty()) {
        m_refusal->showMessage(tr("Select the exits to approve first."));
        return false;
    }
    try {
        ExitDesk(m_session.ledger())
            .approve(m_session.actor(), serials, toStd(m_note->text().trimmed()));
    } catch (const std::exception& error) {
        m_refusal->showError(error);
        return false;
    }
    m_session.notifyChanged();
    reload();
    return true;
}

} // namespace asicledger::gui
