#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "UnitActionDialog.hpp"
#endif

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace asicledger::gui {

class LedgerSession;
class UnitDetailsPane;
class UnitFilterBar;
class UnitTableModel;

// The fleet: filters, the paged unit list (select many), the selected unit's details, and the
// actions finance takes on the selection. Buttons a role may not use are disabled; the core still
// refuses them if asked.
class UnitsPage : public QWidget
{
    Q_OBJECT

public:
    explicit UnitsPage(LedgerSession& session, QWidget* parent = nullptr);
    ~UnitsPage() override;

    void reload();
    void focusFilter();
    QStringList selectedSerials() const;
    void selectSerials(const QStringList& serials);

    UnitFilterBar* filterBar() const { return m_filters; }
    UnitTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    UnitDetailsPane* details() const { return m_details; }
    QString statusText() const;
    QSplitter* splitter() const { return m_splitter; }

public slots:
    void sellSelected();
    void moveSelected();
    void exportSelected();
    void exitSelected();
    void approveExits();

private:
    void openLedger();
    void applyFilter();
    void updateStatus();
    void updateActions();
    void showCurrent();
    void runUnitAction(UnitActionDialog::Kind kind);
    void openExit(const QStringList& serials);

    LedgerSession& m_session;
    UnitFilterBar* m_filters;
    UnitTableModel* m_model = nullptr;
    QTableView* m_view;
    UnitDetailsPane* m_details;
    QSplitter* m_splitter;
    QLabel* m_status;
    QPushButton* m_sell;
    QPushButton* m_move;
    QPushButton* m_export;
    QPushButton* m_exit;
    QPushButton* m_approve;
};

} // namespace asicledger::gui
