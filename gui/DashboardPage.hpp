#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "DashboardFigures.hpp"
#include "WorkControl.hpp"
#endif

#include <QFutureWatcher>
#include <QMap>
#include <QWidget>
#include <optional>

class QGridLayout;
class QLabel;

namespace asicledger::gui {

class LedgerSession;
class TextTableModel;
class UnlockChart;
template <class T> struct WorkOutcome;

// The manager's first screen: locked and free units, the unlock chart for the next 24 months,
// units unlocking in 30 and 90 days, the contingent exit liability by entity and site, and the
// last inspection of each site. Gathered on a worker thread, so a large fleet never freezes it.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(LedgerSession& session, QWidget* parent = nullptr);
    ~DashboardPage() override;

    void refresh();
    bool isRefreshing() const;
    const std::optional<DashboardFigures>& figures() const { return m_figures; }
    // The big number of a card ("Locked today"), for tests.
    QString cardValue(const QString& title) const;
    UnlockChart* chart() const { return m_chart; }
    TextTableModel* liabilityByEntity() const { return m_byEntity; }
    TextTableModel* liabilityBySite() const { return m_bySite; }
    TextTableModel* inspections() const { return m_sites; }

signals:
    void refreshed();

private:
    QLabel* addCard(QGridLayout* grid, int column, const QString& title);
    void setCard(const QString& title, const QString& value, const QString& detail = {});
    void showFigures(const DashboardFigures& figures);
    void showFailure(const QString& message);

    LedgerSession& m_session;
    QMap<QString, QLabel*> m_cardValues;
    QMap<QString, QLabel*> m_cardDetails;
    UnlockChart* m_chart;
    QLabel* m_chartTitle;
    QLabel* m_message;
    TextTableModel* m_byEntity;
    TextTableModel* m_bySite;
    TextTableModel* m_sites;
    QFutureWatcher<WorkOutcome<DashboardFigures>>* m_watcher;
    std::shared_ptr<WorkControl> m_control;
    std::optional<DashboardFigures> m_figures;
    bool m_again = false;
};

} // namespace asicledger::gui
