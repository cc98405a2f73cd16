#include "ImportPage.hpp"

#include "CoreText.hpp"
#include "JournalQuery.hpp"
#include "LedgerSession.hpp"
#include "TextTableModel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {

ImportPage::ImportPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_start(new QPushButton(tr("Import a CSV file…"), this)),
      m_imports(new TextTableModel(
          {tr("#"), tr("Recorded (UTC)"), tr("By"), tr("What"), tr("Reason")}, this))
{
    auto* intro = new QLabel(
        tr("<h3>Import units</h3><p>Bring in a shipment from the supplier's packing list or the "
           "customs spreadsheet, saved as CSV. The wizard shows how the columns were read, checks "
           "every row first (nothing is written while checking), then writes the whole file in "
           "one step, or nothing at all.</p>"),
        this);
    intro->setWordWrap(true);
    m_start->setObjectName("startImport");
    m_start->setShortcut(QKeySequence());
    m_start->setToolTip(tr("Ctrl+I"));
    connect(m_start, &QPushButton::clicked, this, &ImportPage::importRequested);
    m_imports->setNumericColumns({0});
    auto* view = new QTableView(this);
    view->setObjectName("recentImports");
    view->setModel(m_imports);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("<b>Imports recorded</b>, newest first"), this));
    layout->addWidget(view, 1);

    connect(&m_session, &LedgerSession::signedIn, this, &ImportPage::reload);
    connect(&m_session, &LedgerSession::ledgerChanged, this, &ImportPage::reload);
}

void ImportPage::reload()
{
    if (!m_session.isSignedIn())
        return;
    m_start->setEnabled(m_session.may(Permission::RecordFinance));
    m_start->setToolTip(m_start->isEnabled() ? tr("Ctrl+I")
                                             : tr("Only finance staff import units"));
    QVector<QStringList> rows;
    JournalQuery(m_session.ledger()).forEach({}, false, [&](const JournalEntry& entry) {
        if (entry.action == "import")
            rows.prepend({QString::number(entry.seq), toQString(entry.recordedAt),
                          toQString(entry.userName), toQString(entry.summary),
                          toQString(entry.reason)});
        return true;
    });
    m_imports->setRows(std::move(rows));
    if (auto* view = findChild<QTableView*>("recentImports"))
        view->resizeColumnsToContents();
}

} // namespace asicledger::gui
