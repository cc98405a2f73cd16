#pragma once

#include <QWidget>

class QPushButton;

namespace asicledger::gui {

class LedgerSession;
class TextTableModel;

// Where finance starts an import, with the imports already recorded (from the journal).
class ImportPage : public QWidget
{
    Q_OBJECT

public:
    explicit ImportPage(LedgerSession& session, QWidget* parent = nullptr);

    void reload();
    TextTableModel* recentImports() const { return m_imports; }

signals:
    void importRequested();

private:
    LedgerSession& m_session;
    QPushButton* m_start;
    TextTableModel* m_imports;
};

} // namespace asicledger::gui
