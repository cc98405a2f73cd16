#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "ReportDocument.hpp"
#include "ReportWriter.hpp"
#include "WorkControl.hpp"
#endif

#include <QDialog>
#include <QFutureWatcher>
#include <functional>
#include <memory>
#include <optional>

class QLabel;

namespace asicledger {
class Ledger;
}

namespace asicledger::gui {

class LedgerSession;
class ProgressPanel;
template <class T> struct WorkOutcome;

// Writes one report (PDF, HTML or CSV) on a worker thread with its own ledger connection, with
// progress and Cancel. The report's rows stream from the ledger while it is drawn; each row passes
// the cancel check, and the writer leaves no half-written file behind.
class ReportExport : public QDialog
{
    Q_OBJECT

public:
    // Builds the document on the worker's connection; `generatedBy` is the signed-in user.
    using Build = std::function<ReportDocument(Ledger& ledger, const std::string& generatedBy)>;

    ReportExport(LedgerSession& session, QString title, Build build, QWidget* parent = nullptr);
    ~ReportExport() override;

    // Asks where to save (the format follows the chosen extension) and starts; false when the
    // person cancelled the file dialog.
    bool chooseFileAndStart(const QString& suggestedName);
    void start(const QString& fileName, ReportFormat format);
    bool isRunning() const;
    QString resultText() const;
    bool succeeded() const { return m_succeeded; }

    static std::optional<ReportFormat> formatOf(const QString& fileName);

public slots:
    void reject() override;

signals:
    void ended();

private:
    void finished();

    LedgerSession& m_session;
    QString m_title;
    Build m_build;
    QString m_fileName;
    ProgressPanel* m_progress;
    QLabel* m_result;
    QFutureWatcher<WorkOutcome<bool>>* m_watcher;
    std::shared_ptr<WorkControl> m_control;
    bool m_succeeded = false;
};

} // namespace asicledger::gui
