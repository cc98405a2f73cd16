#pragma once

#include <QWidget>
#include <cstdint>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace asicledger::gui {

class LedgerSession;
class TextTableModel;

// For auditors: the inspections recorded, newest first; for the selected one its header, the
// counts and the discrepancies (missing, unexpected, adverse findings) as the core reconciles
// them; recording a new one; exporting its report as PDF, HTML or CSV.
class InspectionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit InspectionsPage(LedgerSession& session, QWidget* parent = nullptr);

    void reload();
    void showInspection(std::int64_t id);
    void selectInspection(std::int64_t id);
    std::int64_t currentInspection() const { return m_current; }

    TextTableModel* inspections() const { return m_list; }
    TextTableModel* discrepancies() const { return m_lines; }
    QString summaryText() const;

public slots:
    void recordInspection();
    void exportReport();

private:
    LedgerSession& m_session;
    QComboBox* m_siteFilter;
    TextTableModel* m_list;
    QTableView* m_listView;
    QLabel* m_header;
    QLabel* m_summary;
    TextTableModel* m_lines;
    QTableView* m_lineView;
    QPushButton* m_record;
    QPushButton* m_export;
    std::int64_t m_current = 0;
};

} // namespace asicledger::gui
