#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "LedgerVerifier.hpp"
#include "WorkControl.hpp"
#endif

#include <QFutureWatcher>
#include <QWidget>
#include <memory>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace asicledger::gui {

class JournalTableModel;
class LedgerSession;
class ProgressPanel;
class TextTableModel;
template <class T> struct WorkOutcome;

// For auditors: the journal (who changed what, when and why), filtered by user, unit or day, with
// one entry's row images; and Verify, run on a worker with progress and Cancel, answering a plain
// PASS or FAIL and what failed.
class JournalPage : public QWidget
{
    Q_OBJECT

public:
    explicit JournalPage(LedgerSession& session, QWidget* parent = nullptr);
    ~JournalPage() override;

    void reload();
    void applyFilter();
    void setFilterText(const QString& user, const QString& serial);
    void verify();
    bool isVerifying() const;
    void cancelVerify();

    JournalTableModel* model() const { return m_model; }
    TextTableModel* failures() const { return m_failures; }
    QString verdictText() const;
    QString headText() const;
    QString detailsText() const;
    QTableView* view() const { return m_view; }

signals:
    void verified();

private:
    void openLedger();
    void showEntry();
    void verifyFinished();

    LedgerSession& m_session;
    JournalTableModel* m_model = nullptr;
    QLineEdit* m_user;
    QLineEdit* m_serial;
    QCheckBox* m_useSince;
    QDateEdit* m_since;
    QLabel* m_head;
    QLabel* m_filterError;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QPushButton* m_verify;
    ProgressPanel* m_progress;
    QLabel* m_verdict;
    TextTableModel* m_failures;
    QTableView* m_failureView;
    QFutureWatcher<WorkOutcome<VerificationResult>>* m_watcher;
    std::shared_ptr<WorkControl> m_control;
};

} // namespace asicledger::gui
