#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "WorkControl.hpp"
#endif

#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace asicledger::gui {

// A progress bar with a Cancel button for one piece of background work. It polls the work's
// WorkControl a few times a second, so the worker never has to reach into a widget.
class ProgressPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProgressPanel(QWidget* parent = nullptr);

    // Shows the panel for work that has just started; `what` is "Checking rows".
    void track(std::shared_ptr<WorkControl> control, const QString& what);
    // Hides the bar once the work has ended; `result` stays readable.
    void finish(const QString& result);
    bool isRunning() const;
    void cancel();

signals:
    void cancelRequested();

private:
    void poll();

    std::shared_ptr<WorkControl> m_control;
    QString m_what;
    QLabel* m_label;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
    QTimer* m_timer;
};

} // namespace asicledger::gui
