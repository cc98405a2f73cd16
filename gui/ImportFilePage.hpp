#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace asicledger::gui {

// Step 1 of the import: which file.
class ImportFilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportFilePage(QWidget* parent = nullptr);
    bool validatePage() override;

private:
    void browse();

    QLineEdit* m_file;
    QLabel* m_error;
};

} // namespace asicledger::gui
