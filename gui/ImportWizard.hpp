#pragma once

#include <QWizard>

namespace asicledger::gui {

class LedgerSession;
class ImportCheckPage;
class ImportCommitPage;
class ImportFilePage;
class ImportPreviewPage;

// Finance staff's import of a shipment CSV, in four steps: pick the file; see how its columns were
// understood and its first rows; check every row with a dry run (every problem with its line,
// column and reason; nothing written); import in one transaction with a progress bar that can be
// cancelled, then the summary. Checking and writing run on a worker thread.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FilePageId,
        PreviewPageId,
        CheckPageId,
        CommitPageId
    };

    explicit ImportWizard(LedgerSession& session, QWidget* parent = nullptr);

    LedgerSession& session() { return m_session; }
    QString fileName() const;
    void setFileName(const QString& fileName);

    ImportFilePage* filePage() const { return m_file; }
    ImportPreviewPage* previewPage() const { return m_preview; }
    ImportCheckPage* checkPage() const { return m_check; }
    ImportCommitPage* commitPage() const { return m_commit; }

public slots:
    // While work runs, Cancel stops the work (nothing is written) and the wizard stays to say so.
    void reject() override;

private:
    LedgerSession& m_session;
    ImportFilePage* m_file;
    ImportPreviewPage* m_preview;
    ImportCheckPage* m_check;
    ImportCommitPage* m_commit;
};

} // namespace asicledger::gui
