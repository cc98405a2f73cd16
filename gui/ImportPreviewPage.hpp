#pragma once

#include <QWizardPage>

class QLabel;

namespace asicledger::gui {

class TextTableModel;

// Step 2 of the import: how the core understood the header (each column of the file and the
// ledger column it fills, or "ignored") and the first rows as they will be read.
class ImportPreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    static constexpr int kPreviewRows = 20;

    explicit ImportPreviewPage(QWidget* parent = nullptr);
    void initializePage() override;

    TextTableModel* columns() const { return m_columns; }
    TextTableModel* preview() const { return m_preview; }
    QString noticeText() const;

private:
    TextTableModel* m_columns;
    TextTableModel* m_preview;
    QLabel* m_notice;
};

} // namespace asicledger::gui
