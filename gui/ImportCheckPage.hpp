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
class QPushButton;
class QTableView;

namespace asicledger::gui {

class ProgressPanel;
class TextTableModel;
template <class T> struct WorkOutcome;

// Step 3 of the import: a dry run over the whole file on a worker thread. Every problem is listed
// with its line, column and reason, and nothing is written; the import can go on only when the
// file is clean. "Check again" re-reads the file after it was corrected.
class ImportCheckPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportCheckPage(QWidget* parent = nullptr);
    ~ImportCheckPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    void check();
    bool isRunning() const;
    void cancel();

    TextTableModel* problems() const { return m_problems; }
    const std::optional<ImportSummary>& summary() const { return m_summary; }
    QString resultText() const;

signals:
    void checked();

private:
    void finished();

    ProgressPanel* m_progress;
    QLabel* m_result;
    TextTableModel* m_problems;
    QTableView* m_view;
    QPushButton* m_again;
    QFutureWatcher<WorkOutcome<ImportSummary>>* m_watcher;
    std::shared_ptr<WorkControl> m_control;
    std::optional<ImportSummary> m_summary;
};

} // namespace asicledger::gui
