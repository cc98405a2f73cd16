#include "UnitsPage.hpp"

#include "CoreText.hpp"
#include "ExitApprovalDialog.hpp"
#include "ExitDialog.hpp"
#include "LedgerSession.hpp"
#include "UnitDetailsPane.hpp"
#include "UnitFilterBar.hpp"
#include "UnitTableModel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {

UnitsPage::UnitsPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_filters(new UnitFilterBar(session, this)),
      m_view(new QTableView(this)), m_details(new UnitDetailsPane(session, this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_status(new QLabel(this)),
      m_sell(new QPushButton(tr("Sell…"), this)), m_move(new QPushButton(tr("Move…"), this)),
      m_export(new QPushButton(tr("Export…"), this)),
      m_exit(new QPushButton(tr("Early exit…"), this)),
      m_approve(new QPushButton(tr("Approve exits…"), this))
{
    m_view->setObjectName("unitTable");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row heights let the view skip measuring rows it does not show.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({900, 370});
    m_splitter->setChildrenCollapsible(false);

    m_sell->setObjectName("sellUnits");
    m_move->setObjectName("moveUnits");
    m_export->setObjectName("exportUnits");
    m_exit->setObjectName("exitUnits");
    m_approve->setObjectName("approveExits");
    m_sell->setToolTip(tr("Change the legal owner of the selected units"));
    m_move->setToolTip(tr("Move the selected units to another site"));
    m_export->setToolTip(tr("Record that the selected units left Kazakhstan"));
    m_exit->setToolTip(tr("Quote, and record, leaving the VAT exemption early"));
    m_approve->setToolTip(tr("Early exits recorded by finance, waiting for a manager"));
    m_status->setObjectName("unitStatus");

    auto* actions = new QHBoxLayout();
    actions->addWidget(m_status, 1);
    for (auto* button : {m_sell, m_move, m_export, m_exit, m_approve})
        actions->addWidget(button);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(actions);

    connect(m_filters, &UnitFilterBar::filterChanged, this, &UnitsPage::applyFilter);
    connect(m_sell, &QPushButton::clicked, this, &UnitsPage::sellSelected);
    connect(m_move, &QPushButton::clicked, this, &UnitsPage::moveSelected);
    connect(m_export, &QPushButton::clicked, this, &UnitsPage::exportSelected);
    connect(m_exit, &QPushButton::clicked, this, &UnitsPage::exitSelected);
    connect(m_approve, &QPushButton::clicked, this, &UnitsPage::approveExits);
    connect(m_view, &QTableView::doubleClicked, this, [this] { showCurrent(); });
    connect(&m_session, &LedgerSession::signedIn, this, &UnitsPage::openLedger);
    connect(&m_session, &LedgerSession::ledgerChanged, this, &UnitsPage::reload);
    connect(&m_session, &LedgerSession::closed, this, [this] {
        m_view->setModel(nullptr);
        delete m_model;
        m_model = nullptr;
        m_details->showNothing();
    });
    if (m_session.isSignedIn())
        openLedger();
    updateActions();
}

UnitsPage::~UnitsPage() = default;

void UnitsPage::openLedger()
{
    m_view->setModel(nullptr);
    delete m_model;
    m_model = new UnitTableModel(m_session.ledger(), m_session.connectionFactory(), this);
    m_view->setModel(m_model);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    const auto width = [this](const char* sample) {
        return m_view->fontMetrics().horizontalAdvance(QString::fromUtf8(sample)) + 16;
    };
    m_view->setColumnWidth(UnitTableModel::SerialColumn, width("CA1246-21AAO14885"));
    m_view->setColumnWidth(UnitTableModel::ModelColumn, width("Bitmain Antminer S19j Pro"));
    m_view->setColumnWidth(UnitTableModel::LockStateColumn, width("exit pending approval"));
    m_view->setColumnWidth(UnitTableModel::UnlockDateColumn, width("Unlocks on ▼"));
    m_view->setColumnWidth(UnitTableModel::DaysLeftColumn, width("Days left"));
    m_view->setColumnWidth(UnitTableModel::LegalOwnerColumn, width("TOO Ekibastuz Mining"));
    m_view->setColumnWidth(UnitTableModel::SiteColumn, width("Pavlodar-North"));
    m_view->setColumnWidth(UnitTableModel::StatusColumn, width("exported"));
    m_view->setColumnWidth(UnitTableModel::BeneficialOwnerColumn, width("Pacific Hash Pte Ltd"));
    // Ordered by serial or by unlock date (the two orders the core pages by key); a click on
    // another column leaves the order and puts the indicator back.
    auto* header = m_view->horizontalHeader();
    header->setSortIndicator(UnitTableModel::SerialColumn, Qt::AscendingOrder);
    header->setToolTip(tr("Click Serial or Unlocks on to order the list"));
    m_view->setSortingEnabled(true);
    connect(m_model, &UnitTableModel::orderChanged, this, [this] {
        const int column = m_model->order() == UnitOrder::BySerial
                               ? UnitTableModel::SerialColumn
                               : UnitTableModel::UnlockDateColumn;
        m_view->horizontalHeader()->setSortIndicator(column, Qt::AscendingOrder);
        updateStatus();
    });
    connect(m_model, &UnitTableModel::totalCountChanged, this, &UnitsPage::updateStatus);
    connect(m_model, &UnitTableModel::rowsInserted, this, &UnitsPage::updateStatus);
    connect(m_model, &UnitTableModel::loadFailed, this, &UnitsPage::updateStatus);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showCurrent(); });
    m_filters->reloadChoices();
    m_model->setFilter(m_filters->filter());
    m_details->showNothing();
    updateActions();
    updateStatus();
}

void UnitsPage::reload()
{
    if (!m_model)
        return;
    const auto selected = selectedSerials();
    const auto current = m_details->unit();
    m_filters->reloadChoices();
    m_model->setFilter(m_filters->filter());
    selectSerials(selected);
    if (current)
        m_details->showUnit(toQString(current->serial));
    updateStatus();
}

void UnitsPage::focusFilter()
{
    m_filters->focusSerial();
}

void UnitsPage::applyFilter()
{
    if (!m_model)
        return;
    m_model->setFilter(m_filters->filter());
    m_details->showNothing();
    updateActions();
    updateStatus();
}

QStringList UnitsPage::selectedSerials() const
{
    QStringList serials;
    if (!m_model)
        return serials;
    auto rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const auto& index : rows)
        serials.append(m_model->serialAt(index.row()));
    return serials;
}

void UnitsPage::selectSerials(const QStringList& serials)
{
    if (!m_model || serials.isEmpty())
        return;
    // Only what is loaded can be selected; a reload starts at the first page again.
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (serials.contains(m_model->serialAt(row)))
            selection.select(m_model->index(row, 0),
                             m_model->index(row, UnitTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void UnitsPage::showCurrent()
{
    if (!m_model)
        return;
    const auto serial = m_model->serialAt(m_view->currentIndex().row());
    if (serial.isEmpty())
        m_details->showNothing();
    else
        m_details->showUnit(serial);
}

QString UnitsPage::statusText() const
{
    return m_status->text();
}

void UnitsPage::updateStatus()
{
    if (!m_model) {
        m_status->clear();
        return;
    }
    QString text;
    if (!m_model->lastError().isEmpty()) {
        text = m_model->lastError();
    } else if (auto total = m_model->totalCount()) {
        text = *total == 0 ? tr("No units match.")
                           : tr("%1 unit(s); %2 loaded")
                                 .arg(countText(*total), countText(m_model->rowCount()));
    } else {
        text = tr("%1 loaded; counting…").arg(countText(m_model->rowCount()));
    }
    const auto selected =
        m_view->selectionModel() ? m_view->selectionModel()->selectedRows().size() : 0;
    if (selected > 0)
        text += tr(" · %1 selected").arg(countText(selected));
    m_status->setText(text);
}

void UnitsPage::updateActions()
{
    const bool any =
        m_model && m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    const bool finance = m_session.may(Permission::RecordFinance);
    for (auto* button : {m_sell, m_move, m_export})
        button->setEnabled(any && finance);
    // Anyone may ask for a quote; recording it is finance's, and the dialog says so.
    m_exit->setEnabled(any);
    m_approve->setEnabled(m_session.isSignedIn());
    const auto noRight = finance ? QString() : tr(" (finance staff only)");
    m_sell->setToolTip(tr("Change the legal owner of the selected units") + noRight);
    m_move->setToolTip(tr("Move the selected units to another site") + noRight);
    m_export->setToolTip(tr("Record that the selected units left Kazakhstan") + noRight);
}

void UnitsPage::sellSelected()
{
    runUnitAction(UnitActionDialog::Kind::Sell);
}

void UnitsPage::moveSelected()
{
    runUnitAction(UnitActionDialog::Kind::Move);
}

void UnitsPage::exportSelected()
{
    runUnitAction(UnitActionDialog::Kind::Export);
}

void UnitsPage::runUnitAction(UnitActionDialog::Kind kind)
{
    const auto serials = selectedSerials();
    if (serials.isEmpty())
        return;
    auto* dialog = new UnitActionDialog(m_session, kind, serials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UnitActionDialog::exitRequested, this, &UnitsPage::openExit);
    dialog->open();
}

void UnitsPage::exitSelected()
{
    openExit(selectedSerials());
}

void UnitsPage::openExit(const QStringList& serials)
{
    if (serials.isEmpty())
        return;
    auto* dialog = new ExitDialog(m_session, serials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void UnitsPage::approveExits()
{
    auto* dialog = new ExitApprovalDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->selectSerials(selectedSerials());
    dialog->open();
}

} // namespace asicledger::gui
