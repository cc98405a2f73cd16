#include "JournalPage.hpp"

#include "BackgroundWork.hpp"
#include "CoreText.hpp"
#include "Journal.hpp"
#include "JournalTableModel.hpp"
#include "LedgerSession.hpp"
#include "ProgressPanel.hpp"
#include "TextTableModel.hpp"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

constexpr int kShownChangeBytes = 200 * 1024;

} // namespace

JournalPage::JournalPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_user(new QLineEdit(this)),
      m_serial(new QLineEdit(this)), m_useSince(new QCheckBox(tr("Since"), this)),
      m_since(new QDateEdit(this)), m_head(new QLabel(this)), m_filterError(new QLabel(this)),
      m_view(new QTableView(this)), m_details(new QPlainTextEdit(this)),
      m_verify(new QPushButton(tr("Verify ledger"), this)), m_progress(new ProgressPanel(this)),
      m_verdict(new QLabel(this)), m_failures(new TextTableModel({tr("What failed")}, this)),
      m_failureView(new QTableView(this)),
      m_watcher(new QFutureWatcher<WorkOutcome<VerificationResult>>(this))
{
    m_user->setObjectName("journalUser");
    m_user->setPlaceholderText(tr("User"));
    m_user->setClearButtonEnabled(true);
    m_serial->setObjectName("journalSerial");
    m_serial->setPlaceholderText(tr("Unit serial"));
    m_serial->setClearButtonEnabled(true);
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat("yyyy-MM-dd");
    m_since->setEnabled(false);
    auto* apply = new QPushButton(tr("Show"), this);
    m_head->setObjectName("journalHead");
    m_head->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filterError->setWordWrap(true);
    m_filterError->setStyleSheet("QLabel { color: #a02000; }");
    m_filterError->setVisible(false);

    auto* filters = new QHBoxLayout();
    filters->addWidget(m_user, 1);
    filters->addWidget(m_serial, 1);
    filters->addWidget(m_useSince);
    filters->addWidget(m_since);
    filters->addWidget(apply);
    filters->addStretch(1);
    filters->addWidget(m_head);

    m_view->setObjectName("journalTable");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_details->setObjectName("journalEntry");
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setPlaceholderText(tr("Select an entry to see what it wrote."));
    QFont mono("Monospace");
    mono.setStyleHint(QFont::TypeWriter);
    m_details->setFont(mono);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    m_verify->setObjectName("verifyLedger");
    m_verify->setToolTip(tr("Prove that the hash chain holds and every table holds exactly the "
                            "rows the journal recorded"));
    m_verdict->setObjectName("verifyVerdict");
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureView->setObjectName("verifyFailures");
    m_failureView->setModel(m_failures);
    m_failureView->verticalHeader()->setVisible(false);
    m_failureView->horizontalHeader()->setStretchLastSection(true);
    m_failureView->setWordWrap(true);
    m_failureView->setVisible(false);
    m_failureView->setMaximumHeight(160);

    auto* verifyRow = new QHBoxLayout();
    verifyRow->addWidget(m_verify);
    verifyRow->addWidget(m_progress, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_filterError);
    layout->addWidget(split, 1);
    layout->addLayout(verifyRow);
    layout->addWidget(m_verdict);
    layout->addWidget(m_failureView);

    connect(apply, &QPushButton::clicked, this, &JournalPage::applyFilter);
    connect(m_user, &QLineEdit::returnPressed, this, &JournalPage::applyFilter);
    connect(m_serial, &QLineEdit::returnPressed, this, &JournalPage::applyFilter);
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_verify, &QPushButton::clicked, this, &JournalPage::verify);
    connect(m_watcher, &QFutureWatcher<WorkOutcome<VerificationResult>>::finished, this,
            &JournalPage::verifyFinished);
    connect(&m_session, &LedgerSession::signedIn, this, &JournalPage::openLedger);
    connect(&m_session, &LedgerSession::ledgerChanged, this, &JournalPage::reload);
    connect(&m_session, &LedgerSession::closed, this, [this] {
        m_view->setModel(nullptr);
        delete m_model;
        m_model = nullptr;
    });
    if (m_session.isSignedIn())
        openLedger();
}

JournalPage::~JournalPage()
{
    cancelVerify();
    m_watcher->waitForFinished();
}

void JournalPage::openLedger()
{
    m_view->setModel(nullptr);
    delete m_model;
    m_model = new JournalTableModel(m_session.ledger(), this);
    m_view->setModel(m_model);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    const auto width = [this](const char* sample) {
        return m_view->fontMetrics().horizontalAdvance(QString::fromUtf8(sample)) + 16;
    };
    m_view->setColumnWidth(JournalTableModel::SeqColumn, width("99999"));
    m_view->setColumnWidth(JournalTableModel::RecordedAtColumn, width("2026-11-23T12:00:00Z"));
    m_view->setColumnWidth(JournalTableModel::UserColumn, width("manager2"));
    m_view->setColumnWidth(JournalTableModel::ActionColumn, width("exit.approve"));
    m_view->setColumnWidth(JournalTableModel::SummaryColumn,
                           width("imported 286 units under 1 declaration (55201"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JournalPage::showEntry);
    m_since->setDate(toQDate(m_session.today()));
    m_verdict->clear();
    m_failures->clear();
    m_failureView->setVisible(false);
    reload();
}

void JournalPage::reload()
{
    if (!m_model)
        return;
    m_head->setText(
        tr("Journal head: %1").arg(toQString(Journal(m_session.ledger().db()).head().text())));
    applyFilter();
}

void JournalPage::setFilterText(const QString& user, const QString& serial)
{
    m_user->setText(user);
    m_serial->setText(serial);
}

void JournalPage::applyFilter()
{
    if (!m_model)
        return;
    JournalFilter filter;
    if (!m_user->text().trimmed().isEmpty())
        filter.user = toStd(m_user->text().trimmed());
    if (!m_serial->text().trimmed().isEmpty())
        filter.serial = toStd(m_serial->text().trimmed());
    if (m_useSince->isChecked())
        filter.since = toDate(m_since->date());
    m_model->setFilter(filter);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    m_filterError->setText(m_model->lastError());
    m_filterError->setVisible(!m_model->lastError().isEmpty());
    m_details->clear();
}

QString JournalPage::headText() const
{
    return m_head->text();
}

QString JournalPage::detailsText() const
{
    return m_details->toPlainText();
}

void JournalPage::showEntry()
{
    const int row = m_view->currentIndex().row();
    const auto* entry = m_model ? m_model->entryAt(row) : nullptr;
    if (!entry) {
        m_details->clear();
        return;
    }
    QString text = tr("Entry #%1, recorded %2 by %3\nAction: %4\nWhat: %5\n")
                       .arg(entry->seq)
                       .arg(toQString(entry->recordedAt), toQString(entry->userName),
                            toQString(entry->action), toQString(entry->summary));
    if (!entry->reason.empty())
        text += tr("Why: %1\n").arg(toQString(entry->reason));
    text += tr("Hash: %1\nPrevious: %2\n\nRows written:\n")
                .arg(toQString(entry->hash), toQString(entry->prevHash));
    const auto changes = m_model->entryChanges(row);
    if (changes.size() > static_cast<std::size_t>(kShownChangeBytes)) {
        text += toQString(std::string_view(changes).substr(0, kShownChangeBytes));
        text += tr("\n… (%1 bytes in all; the CLI's journal command prints it whole)")
                    .arg(countText(static_cast<std::int64_t>(changes.size())));
    } else {
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(changes));
        text += json.isNull() ? toQString(changes)
                              : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    }
    m_details->setPlainText(text);
}

bool JournalPage::isVerifying() const
{
    return m_control != nullptr;
}

void JournalPage::cancelVerify()
{
    if (m_control)
        m_progress->cancel();
}

QString JournalPage::verdictText() const
{
    return m_verdict->text();
}

void JournalPage::verify()
{
    if (isVerifying() || !m_session.isSignedIn())
        return;
    m_verdict->clear();
    m_failures->clear();
    m_failureView->setVisible(false);
    m_verify->setEnabled(false);
    m_control = std::make_shared<WorkControl>();
    m_progress->track(m_control, tr("Verifying"));
    m_watcher->setFuture(runInWorker<VerificationResult>(
        m_session.connectionFactory(), m_control, [](Ledger& ledger, WorkControl& control) {
            return LedgerVerifier(ledger).verify(
                std::nullopt,
                [&control](std::int64_t done, std::int64_t total) { control.report(done, total); });
        }));
}

void JournalPage::verifyFinished()
{
    const auto outcome = m_watcher->result();
    m_control.reset();
    m_verify->setEnabled(true);
    if (outcome.cancelled) {
        m_progress->finish(tr("Verification cancelled."));
    } else if (outcome.value) {
        const auto& result = *outcome.value;
        m_progress->finish({});
        const auto checked = tr("%1 journal entries and %2 rows checked; journal head %3")
                                 .arg(countText(result.entriesChecked),
                                      countText(result.rowsChecked), toQString(result.head.text()));
        if (result.ok) {
            m_verdict->setText(tr("<span style='color:#1a7f37; font-size:large'><b>PASS</b></span>"
                                  " — %1.")
                                   .arg(checked.toHtmlEscaped()));
        } else {
            m_verdict->setText(tr("<span style='color:#b42318; font-size:large'><b>FAIL</b></span>"
                                  " — the ledger was changed outside the application. %1. "
                                  "The first failure is listed first.")
                                   .arg(checked.toHtmlEscaped()));
            QVector<QStringList> rows;
            for (const auto& failure : result.failures)
                rows.append({toQString(failure)});
            m_failures->setRows(std::move(rows));
            m_failureView->setVisible(true);
            m_failureView->resizeRowsToContents();
        }
    } else {
        try {
            std::rethrow_exception(outcome.failure);
        } catch (const std::exception& error) {
            m_progress->finish({});
            m_verdict->setText(tr("<b>FAIL</b> — verification could not run: %1")
                                   .arg(toQString(error.what()).toHtmlEscaped()));
        }
    }
    emit verified();
}

} // namespace asicledger::gui
