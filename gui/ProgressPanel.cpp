#include "ProgressPanel.hpp"

#include "CoreText.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace asicledger::gui {

ProgressPanel::ProgressPanel(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_timer(new QTimer(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar, 2);
    layout->addWidget(m_cancel);
    m_cancel->setObjectName("cancelWork");
    m_bar->setVisible(false);
    m_cancel->setVisible(false);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ProgressPanel::poll);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressPanel::cancel);
}

void ProgressPanel::track(std::shared_ptr<WorkControl> control, const QString& what)
{
    m_control = std::move(control);
    m_what = what;
    m_label->setText(what + QStringLiteral("…"));
    m_bar->setRange(0, 0); // busy until the first report
    m_bar->setVisible(true);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    m_timer->start();
}

void ProgressPanel::finish(const QString& result)
{
    m_timer->stop();
    m_control.reset();
    m_bar->setVisible(false);
    m_cancel->setVisible(false);
    m_label->setText(result);
}

bool ProgressPanel::isRunning() const
{
    return m_control != nullptr;
}

void ProgressPanel::cancel()
{
    if (!m_control)
        return;
    m_control->cancel();
    m_cancel->setEnabled(false);
    m_label->setText(tr("Cancelling…"));
    emit cancelRequested();
}

void ProgressPanel::poll()
{
    if (!m_control)
        return;
    const auto [done, total] = m_control->progress();
    if (total <= 0)
        return;
    // QProgressBar counts in int; show per mille so a million rows still fit.
    m_bar->setRange(0, 1000);
    m_bar->setValue(static_cast<int>(done * 1000 / total));
    if (!m_control->isCancelled()) {
        m_label->setText(tr("%1: %2 of %3").arg(m_what, countText(done), countText(total)));
    }
}

} // namespace asicledger::gui
