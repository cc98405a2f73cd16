#include "ImportWizard.hpp"

#include "ImportCheckPage.hpp"
#include "ImportCommitPage.hpp"
#include "ImportFilePage.hpp"
#include "ImportPreviewPage.hpp"

namespace asicledger::gui {

ImportWizard::ImportWizard(LedgerSession& session, QWidget* parent)
    : QWizard(parent), m_session(session), m_file(new ImportFilePage(this)),
      m_preview(new ImportPreviewPage(this)), m_check(new ImportCheckPage(this)),
      m_commit(new ImportCommitPage(this))
{
    setWindowTitle(tr("Import units from a CSV file"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(FilePageId, m_file);
    setPage(PreviewPageId, m_preview);
    setPage(CheckPageId, m_check);
    setPage(CommitPageId, m_commit);
    resize(960, 600);
}

QString ImportWizard::fileName() const
{
    return field("file").toString();
}

void ImportWizard::setFileName(const QString& fileName)
{
    setField("file", fileName);
}

void ImportWizard::reject()
{
    if (m_commit->isRunning()) {
        m_commit->cancel();
        return;
    }
    if (m_check->isRunning())
        m_check->cancel();
    QWizard::reject();
}

} // namespace asicledger::gui
