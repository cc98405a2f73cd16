#include "ImportCommitPage.hpp"

#include "BackgroundWork.hpp"
#include "CoreText.hpp"
#include "ImportSummaryText.hpp"
#include "ImportWizard.hpp"
#include "LedgerSession.hpp"
#include "ProgressPanel.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace asicledger::gui {

ImportCommitPage::ImportCommitPage(QWidget* parent)
    : QWizardPage(parent), m_progress(new ProgressPanel(this)), m_result(new QLabel(this)),
      m_watcher(new QFutureWatcher<WorkOutcome<ImportSummary>>(this))
{
    setTitle(tr("Import"));
    m_result->setObjectName("importResult");
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_watcher, &QFutureWatcher<WorkOutcome<ImportSummary>>::finished, this,
            &ImportCommitPage::finished);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_result, 1, Qt::AlignTop);
}

ImportCommitPage::~ImportCommitPage()
{
    m_watcher->waitForFinished();
}

bool ImportCommitPage::isRunning() const
{
    return m_control != nullptr;
}

void ImportCommitPage::cancel()
{
    if (m_control)
        m_progress->cancel();
}

bool ImportCommitPage::isComplete() const
{
    return m_done;
}

QString ImportCommitPage::resultText() const
{
    return m_result->text();
}

void ImportCommitPage::initializePage()
{
    auto* wizard = qobject_cast<ImportWizard*>(this->wizard());
    m_done = false;
    m_cancelled = false;
    m_summary.reset();
    m_result->clear();
    const auto fileName = toStd(field("file").toString().trimmed());
    const auto actor = wizard->session().actor();
    m_control = std::make_shared<WorkControl>();
    m_progress->track(m_control, tr("Writing units"));
    m_watcher->setFuture(runInWorker<ImportSummary>(
        wizard->session().connectionFactory(), m_control,
        [fileName, actor](Ledger& ledger, WorkControl& control) {
            return ShipmentImporter(ledger).importFile(
                actor, fileName, /*dryRun=*/false, [&control](std::size_t done, std::size_t total) {
                    control.report(static_cast<std::int64_t>(done),
                                   static_cast<std::int64_t>(total));
                });
        }));
}

void ImportCommitPage::finished()
{
    const auto outcome = m_watcher->result();
    m_control.reset();
    m_done = true;
    if (outcome.value) {
        // Written: whatever the Cancel button said, the ledger now holds the units.
        m_summary = outcome.value;
        setTitle(tr("Imported"));
        m_progress->finish(tr("The units are in the ledger."));
        m_result->setText(importSummaryText(*m_summary));
        qobject_cast<ImportWizard*>(wizard())->session().notifyChanged();
        emit imported();
    } else if (outcome.cancelled) {
        m_cancelled = true;
        setTitle(tr("Import cancelled"));
        m_progress->finish(tr("Cancelled. Nothing was written; the ledger is as it was."));
    } else {
        setTitle(tr("Import refused"));
        try {
            std::rethrow_exception(outcome.failure);
        } catch (const ImportRefused& refused) {
            // The file or the ledger changed since the check.
            QString text;
            for (const auto& problem : refused.problems())
                text += tr("line %1 %2: %3<br>")
                            .arg(problem.line)
                            .arg(toQString(problem.column).toHtmlEscaped(),
                                 toQString(problem.message).toHtmlEscaped());
            m_result->setText(text);
        } catch (const std::exception& error) {
            m_result->setText(toQString(error.what()).toHtmlEscaped());
        }
        m_progress->finish(tr("Nothing was written."));
    }
    emit completeChanged();
    emit ended();
}

} // namespace asicledger::gui
