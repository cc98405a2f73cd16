#include "InspectionsPage.hpp"

#include "CoreText.hpp"
#include "Discrepancies.hpp"
#include "InspectionDialog.hpp"
#include "InspectionQuery.hpp"
#include "InspectionReport.hpp"
#include "LedgerSession.hpp"
#include "ReportExport.hpp"
#include "SiteRegistry.hpp"
#include "TextTableModel.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

QTableView* tableOf(TextTableModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

InspectionsPage::InspectionsPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_siteFilter(new QComboBox(this)),
      m_list(new TextTableModel(
          {tr("Date"), tr("Site"), tr("Authority"), tr("Reference"), tr("Seen"), tr("Recorded by")},
          this)),
      m_listView(tableOf(m_list, this, "inspectionList")), m_header(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_lines(new TextTableModel(
          {tr("Serial"), tr("Outcome"), tr("Finding"), tr("Model"), tr("Declaration"), tr("Note")},
          this)),
      m_lineView(tableOf(m_lines, this, "discrepancyTable")),
      m_record(new QPushButton(tr("Record inspection…"), this)),
      m_export(new QPushButton(tr("Export report…"), this))
{
    m_list->setNumericColumns({4});
    m_siteFilter->setObjectName("inspectionSiteFilter");
    m_header->setObjectName("inspectionHeader");
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName("inspectionSummary");
    m_summary->setWordWrap(true);
    m_record->setObjectName("recordInspection");
    m_export->setObjectName("exportInspectionReport");
    m_export->setEnabled(false);

    auto* top = new QHBoxLayout();
    top->addWidget(new QLabel(tr("Site:"), this));
    top->addWidget(m_siteFilter);
    top->addStretch(1);
    top->addWidget(m_record);
    top->addWidget(m_export);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_header);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(new QLabel(tr("<b>Discrepancies</b> (missing, unexpected, and "
                                          "serials seen with an adverse finding)"),
                                       detail));
    detailLayout->addWidget(m_lineView, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_listView);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_record, &QPushButton::clicked, this, &InspectionsPage::recordInspection);
    connect(m_export, &QPushButton::clicked, this, &InspectionsPage::exportReport);
    connect(m_siteFilter, &QComboBox::currentIndexChanged, this, &InspectionsPage::reload);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                showInspection(m_list->key(index.row()).toLongLong());
            });
    connect(&m_session, &LedgerSession::signedIn, this, [this] {
        const QSignalBlocker block(m_siteFilter);
        m_siteFilter->clear();
        m_siteFilter->addItem(tr("All sites"));
        for (const auto& site : SiteRegistry(m_session.ledger()).list())
            m_siteFilter->addItem(toQString(site.name), toQString(site.name));
        m_record->setEnabled(m_session.may(Permission::RecordInspections));
        m_record->setToolTip(m_record->isEnabled()
                                 ? QString()
                                 : tr("Auditors and administrators record inspections"));
        reload();
    });
    connect(&m_session, &LedgerSession::ledgerChanged, this, &InspectionsPage::reload);
}

void InspectionsPage::reload()
{
    if (!m_session.isSignedIn())
        return;
    const auto keep = m_current;
    std::optional<std::string> site;
    if (m_siteFilter->currentIndex() > 0)
        site = toStd(m_siteFilter->currentData().toString());
    QVector<QStringList> rows;
    QVector<QVariant> keys;
    for (const auto& inspection : InspectionQuery(m_session.ledger()).list(site)) {
        rows.append({dateText(inspection.date), toQString(inspection.site),
                     toQString(inspection.authority), toQString(inspection.reference),
                     QString::number(inspection.serialsSeen), toQString(inspection.recordedBy)});
        keys.append(static_cast<qlonglong>(inspection.id));
    }
    m_list->setRows(std::move(rows), std::move(keys));
    m_listView->resizeColumnsToContents();
    if (keep)
        selectInspection(keep);
    else
        showInspection(0);
}

void InspectionsPage::selectInspection(std::int64_t id)
{
    for (int row = 0; row < m_list->rowCount(); ++row) {
        if (m_list->key(row).toLongLong() == id) {
            m_listView->setCurrentIndex(m_list->index(row, 0));
            showInspection(id);
            return;
        }
    }
    showInspection(0);
}

QString InspectionsPage::summaryText() const
{
    return m_summary->text();
}

void InspectionsPage::showInspection(std::int64_t id)
{
    m_current = id;
    m_lines->clear();
    m_export->setEnabled(id != 0);
    if (id == 0) {
        m_header->setText(m_list->rowCount() == 0 ? tr("No inspections recorded yet.")
                                                  : tr("Select an inspection."));
        m_summary->clear();
        return;
    }
    const auto inspection = InspectionQuery(m_session.ledger()).require(id);
    m_header->setText(tr("<b>%1</b>, %2 (%3) — %4, act %5; inspectors: %6; recorded by %7")
                          .arg(toQString(inspection.site).toHtmlEscaped(),
                               dateText(inspection.date),
                               toQString(inspection.siteOperator).toHtmlEscaped(),
                               toQString(inspection.authority).toHtmlEscaped(),
                               toQString(inspection.reference).toHtmlEscaped(),
                               toQString(inspection.inspectors).toHtmlEscaped(),
                               toQString(inspection.recordedBy).toHtmlEscaped()));
    const auto report = Discrepancies(m_session.ledger()).compute(inspection);
    const auto& s = report.summary;
    m_summary->setText(tr("Expected at the site: %1 · seen: %2 · confirmed: %3 · "
                          "<b>missing: %4</b> · <b>unexpected: %5</b> · adverse findings: %6")
                           .arg(s.expected)
                           .arg(s.seen)
                           .arg(s.confirmed)
                           .arg(s.missing)
                           .arg(s.unexpected())
                           .arg(s.adverse));
    QVector<QStringList> rows;
    const auto add = [&rows](const InspectionLine& line) {
        rows.append(
            {toQString(line.serial), toQString(describe(line.outcome)),
             line.finding ? toQString(describe(*line.finding)) : QObject::tr("not seen"),
             line.unit ? toQString(line.unit->manufacturer + " " + line.unit->model) : QString(),
             line.unit ? toQString(line.unit->declarationNo) : QString(), toQString(line.note)});
    };
    for (const auto& line : report.missing)
        add(line);
    for (const auto& line : report.unexpected)
        add(line);
    for (const auto& line : report.adverse)
        add(line);
    m_lines->setRows(std::move(rows));
    m_lineView->resizeColumnsToContents();
}

void InspectionsPage::recordInspection()
{
    auto* dialog = new InspectionDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { selectInspection(dialog->recordedId()); });
    dialog->open();
}

void InspectionsPage::exportReport()
{
    if (m_current == 0)
        return;
    const auto id = m_current;
    const auto inspection = InspectionQuery(m_session.ledger()).require(id);
    auto* exporter = new ReportExport(
        m_session, tr("Inspection report"),
        [id](Ledger& ledger, const std::string& by) {
            return InspectionReport::build(ledger, id, by);
        },
        this);
    exporter->setAttribute(Qt::WA_DeleteOnClose);
    const auto name =
        QString("inspection-%1-%2.pdf").arg(toQString(inspection.site), dateText(inspection.date));
    if (!exporter->chooseFileAndStart(name)) {
        exporter->deleteLater();
        return;
    }
    exporter->open();
}

} // namespace asicledger::gui
