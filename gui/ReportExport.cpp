#include "ReportExport.hpp"

#include "BackgroundWork.hpp"
#include "CoreText.hpp"
#include "FileDialog.hpp"
#include "LedgerSession.hpp"
#include "ProgressPanel.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

// Passes every streamed row through the cancel check and counts it for the progress bar.
void watchRows(ReportDocument& document, WorkControl& control)
{
    auto done = std::make_shared<std::int64_t>(0);
    std::int64_t total = 0;
    for (const auto& table : document.tables)
        total += table.rowCount;
    for (auto& table : document.tables) {
        auto rows = table.rows;
        if (!rows)
            continue;
        table.rows = [rows, done, total, &control](const RowSink& sink) {
            rows([&](const ReportRow& row) {
                control.report(++*done, std::max(total, *done));
                sink(row);
            });
        };
    }
}

} // namespace

ReportExport::ReportExport(LedgerSession& session, QString title, Build build, QWidget* parent)
    : QDialog(parent), m_session(session), m_title(std::move(title)), m_build(std::move(build)),
      m_progress(new ProgressPanel(this)), m_result(new QLabel(this)),
      m_watcher(new QFutureWatcher<WorkOutcome<bool>>(this))
{
    setWindowTitle(m_title);
    m_result->setObjectName("reportResult");
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_result->setOpenExternalLinks(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportExport::reject);
    connect(m_watcher, &QFutureWatcher<WorkOutcome<bool>>::finished, this, &ReportExport::finished);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

ReportExport::~ReportExport()
{
    if (m_control)
        m_control->cancel();
    m_watcher->waitForFinished();
}

std::optional<ReportFormat> ReportExport::formatOf(const QString& fileName)
{
    return parseReportFormat(toStd(QFileInfo(fileName).suffix()));
}

bool ReportExport::chooseFileAndStart(const QString& suggestedName)
{
    QSettings settings;
    const auto folder = settings.value("reportDirectory", QDir::homePath()).toString();
    auto fileName =
        FileDialog::getSaveFileName(this, m_title, QDir(folder).filePath(suggestedName),
                                    tr("PDF (*.pdf);;HTML (*.html);;CSV spreadsheet (*.csv)"));
    if (fileName.isEmpty())
        return false;
    auto format = formatOf(fileName);
    if (!format) {
        fileName += ".pdf";
        format = ReportFormat::Pdf;
    }
    settings.setValue("reportDirectory", QFileInfo(fileName).absolutePath());
    start(fileName, *format);
    return true;
}

void ReportExport::start(const QString& fileName, ReportFormat format)
{
    m_fileName = fileName;
    m_succeeded = false;
    m_result->clear();
    m_control = std::make_shared<WorkControl>();
    m_progress->track(m_control, tr("Writing %1").arg(QFileInfo(fileName).fileName()));
    const auto generatedBy = m_session.actor().name;
    const std::filesystem::path file = toStd(fileName);
    m_watcher->setFuture(runInWorker<bool>(
        m_session.connectionFactory(), m_control,
        [build = m_build, generatedBy, file, format](Ledger& ledger, WorkControl& control) {
            auto document = build(ledger, generatedBy);
            watchRows(document, control);
            ReportWriter::write(document, format, file);
            return true;
        }));
}

bool ReportExport::isRunning() const
{
    return m_control != nullptr;
}

QString ReportExport::resultText() const
{
    return m_result->text();
}

void ReportExport::reject()
{
    if (isRunning()) {
        m_progress->cancel();
        return;
    }
    QDialog::reject();
}

void ReportExport::finished()
{
    const auto outcome = m_watcher->result();
    m_control.reset();
    if (outcome.value) {
        m_succeeded = true;
        m_progress->finish(tr("Saved."));
        const auto url = QUrl::fromLocalFile(m_fileName).toString();
        m_result->setText(
            tr("The report is in <a href=\"%1\">%2</a>.").arg(url, m_fileName.toHtmlEscaped()));
    } else if (outcome.cancelled) {
        m_progress->finish(tr("Cancelled. No report file was written."));
    } else {
        try {
            std::rethrow_exception(outcome.failure);
        } catch (const std::exception& error) {
            m_progress->finish(tr("The report could not be written."));
            m_result->setText(toQString(error.what()).toHtmlEscaped());
        }
    }
    emit ended();
}

} // namespace asicledger::gui
