#include "ImportCheckPage.hpp"

#include "BackgroundWork.hpp"
#include "CoreText.hpp"
#include "ImportSummaryText.hpp"
#include "ImportWizard.hpp"
#include "LedgerSession.hpp"
#include "ProgressPanel.hpp"
#include "TextTableModel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {

ImportCheckPage::ImportCheckPage(QWidget* parent)
    : QWizardPage(parent), m_progress(new ProgressPanel(this)), m_result(new QLabel(this)),
      m_problems(new TextTableModel({tr("Line"), tr("Column"), tr("What is wrong")}, this)),
      m_view(new QTableView(this)), m_again(new QPushButton(tr("Check again"), this)),
      m_watcher(new QFutureWatcher<WorkOutcome<ImportSummary>>(this))
{
    setTitle(tr("Check every row"));
    setSubTitle(tr("Nothing is written while checking."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Import"));
    m_result->setObjectName("checkResult");
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_problems->setNumericColumns({0});
    m_view->setObjectName("importProblems");
    m_view->setModel(m_problems);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(true);
    m_view->setVisible(false);
    m_again->setVisible(false);
    connect(m_again, &QPushButton::clicked, this, &ImportCheckPage::check);
    connect(m_watcher, &QFutureWatcher<WorkOutcome<ImportSummary>>::finished, this,
            &ImportCheckPage::finished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_again, 0, Qt::AlignLeft);
}

ImportCheckPage::~ImportCheckPage()
{
    cancel();
    m_watcher->waitForFinished();
}

void ImportCheckPage::initializePage()
{
    check();
}

void ImportCheckPage::cleanupPage()
{
    cancel();
}

bool ImportCheckPage::isRunning() const
{
    return m_control != nullptr;
}

void ImportCheckPage::cancel()
{
    if (m_control)
        m_control->cancel();
}

bool ImportCheckPage::isComplete() const
{
    return m_summary.has_value() && !isRunning();
}

QString ImportCheckPage::resultText() const
{
    return m_result->text();
}

void ImportCheckPage::check()
{
    if (isRunning())
        return;
    auto* wizard = qobject_cast<ImportWizard*>(this->wizard());
    m_summary.reset();
    m_problems->clear();
    m_view->setVisible(false);
    m_again->setVisible(false);
    m_result->clear();
    emit completeChanged();

    const auto fileName = toStd(field("file").toString().trimmed());
    const auto actor = wizard->session().actor();
    m_control = std::make_shared<WorkControl>();
    m_progress->track(m_control, tr("Checking rows"));
    m_watcher->setFuture(runInWorker<ImportSummary>(
        wizard->session().connectionFactory(), m_control,
        [fileName, actor](Ledger& ledger, WorkControl& control) {
            return ShipmentImporter(ledger).importFile(
                actor, fileName, /*dryRun=*/true, [&control](std::size_t done, std::size_t total) {
                    control.report(static_cast<std::int64_t>(done),
                                   static_cast<std::int64_t>(total));
                });
        }));
}

void ImportCheckPage::finished()
{
    const auto outcome = m_watcher->result();
    m_control.reset();
    m_again->setVisible(true);
    if (outcome.cancelled) {
        m_progress->finish(tr("Checking was cancelled. Nothing was written."));
    } else if (outcome.value) {
        m_summary = outcome.value;
        m_progress->finish(tr("Every row is good. Nothing has been written yet: press Import."));
        m_result->setText(importSummaryText(*m_summary));
    } else {
        try {
            std::rethrow_exception(outcome.failure);
        } catch (const ImportRefused& refused) {
            QVector<QStringList> rows;
            for (const auto& problem : refused.problems())
                rows.append({QString::number(problem.line), toQString(problem.column),
                             toQString(problem.message)});
            m_problems->setRows(std::move(rows));
            m_view->setVisible(true);
            m_view->resizeColumnToContents(0);
            m_view->resizeColumnToContents(1);
            m_view->resizeRowsToContents();
            m_progress->finish(
                tr("%n problem(s) found. Nothing was written: correct the file and check again.",
                   nullptr, static_cast<int>(refused.problems().size())));
        } catch (const std::exception& error) {
            m_progress->finish(tr("The file was refused. Nothing was written."));
            m_result->setText(toQString(error.what()).toHtmlEscaped());
        }
    }
    emit completeChanged();
    emit checked();
}

} // namespace asicledger::gui
