#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "ShipmentImporter.hpp"
#include "WorkControl.hpp"
#endif

#include <QFutureWatcher>
#include <QWizardPage>
#include <memory>
#include <optional>

class QLabel;

namespace asicledger::gui {

class ProgressPanel;
template <class T> struct WorkOutcome;

// Step 4 of the import: the write, in one transaction on a worker thread, with a progress bar and
// Cancel (which rolls everything back), then the summary of what was recorded.
class ImportCommitPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportCommitPage(QWidget* parent = nullptr);
    ~ImportCommitPage() override;

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const;
    void cancel();
    const std::optional<ImportSummary>& summary() const { return m_summary; }
    bool wasCancelled() const { return m_cancelled; }
    QString resultText() const;

signals:
    void imported();
    void ended();

private:
    void finished();

    ProgressPanel* m_progress;
    QLabel* m_result;
    QFutureWatcher<WorkOutcome<ImportSummary>>* m_watcher;
    std::shared_ptr<WorkControl> m_control;
    std::optional<ImportSummary> m_summary;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace asicledger::gui
