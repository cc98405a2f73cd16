#include "UnlockChart.hpp"

#include "CoreText.hpp"

#include <QDate>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace asicledger::gui {
namespace {

// A round number at or above `value` for the top of the axis: 1, 2, 5 × 10^n.
std::int64_t niceCeiling(std::int64_t value)
{
    std::int64_t step = 1;
    while (true) {
        for (std::int64_t factor : {1, 2, 5}) {
            if (step * factor >= value)
                return step * factor;
        }
        step *= 10;
    }
}

} // namespace

UnlockChart::UnlockChart(QWidget* parent) : QWidget(parent)
{
    setObjectName("unlockChart");
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void UnlockChart::setMonths(QVector<Month> months)
{
    m_months = std::move(months);
    update();
}

QSize UnlockChart::sizeHint() const
{
    return {720, 240};
}

QSize UnlockChart::minimumSizeHint() const
{
    return {360, 150};
}

std::int64_t UnlockChart::scaleMax() const
{
    std::int64_t most = 0;
    for (const auto& month : m_months)
        most = std::max(most, month.units);
    return niceCeiling(std::max<std::int64_t>(most, 1));
}

QRect UnlockChart::plotArea() const
{
    const QFontMetrics metrics(font());
    const int left = metrics.horizontalAdvance(countText(scaleMax())) + 12;
    const int bottom = metrics.height() * 2 + 8;
    return rect().adjusted(left, metrics.height() / 2 + 4, -8, -bottom);
}

QRectF UnlockChart::barRect(int bar) const
{
    const auto area = plotArea();
    if (m_months.isEmpty() || bar < 0 || bar >= m_months.size())
        return {};
    const double slot = double(area.width()) / double(m_months.size());
    const double height = double(area.height()) * double(m_months[bar].units) / double(scaleMax());
    const double gap = std::max(2.0, slot * 0.18);
    return QRectF(area.left() + slot * bar + gap / 2, area.bottom() - height, slot - gap, height);
}

int UnlockChart::barAt(const QPoint& point) const
{
    const auto area = plotArea();
    if (m_months.isEmpty() || !area.contains(point))
        return -1;
    const double slot = double(area.width()) / double(m_months.size());
    const int bar = static_cast<int>((point.x() - area.left()) / slot);
    return bar >= 0 && bar < m_months.size() ? bar : -1;
}

QString UnlockChart::toolTipFor(int bar) const
{
    if (bar < 0 || bar >= m_months.size())
        return {};
    const auto& month = m_months[bar];
    const auto date = QDate::fromString(month.month + "-01", "yyyy-MM-dd");
    return tr("%1: %2 unit(s) unlock\ncustoms value %3")
        .arg(QLocale(QLocale::English).toString(date, "MMMM yyyy"), countText(month.units),
             tengeText(month.customsValue));
}

bool UnlockChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int bar = barAt(help->pos());
        if (bar >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(bar), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void UnlockChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto area = plotArea();
    const auto text = palette().color(QPalette::WindowText);
    auto grid = palette().color(QPalette::Mid);
    grid.setAlpha(90);
    const QFontMetrics metrics(font());

    // Four grid lines with their counts.
    const auto top = scaleMax();
    for (int step = 0; step <= 4; ++step) {
        const int y = area.bottom() - area.height() * step / 4;
        painter.setPen(step == 0 ? text : grid);
        painter.drawLine(area.left(), y, area.right(), y);
        painter.setPen(text);
        const auto label = countText(top * step / 4);
        painter.drawText(QRect(0, y - metrics.height() / 2, area.left() - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    }
    if (m_months.isEmpty()) {
        painter.drawText(area, Qt::AlignCenter, tr("No units unlock in this period."));
        return;
    }
    const QColor bar(0x2f, 0x6f, 0xb3);
    const double slot = double(area.width()) / double(m_months.size());
    for (int i = 0; i < m_months.size(); ++i) {
        const auto rect = barRect(i);
        if (rect.height() > 0)
            painter.fillRect(rect, bar);
        // Month under every bar when there is room, else every other; the year under January
        // and under the first bar.
        const auto date = QDate::fromString(m_months[i].month + "-01", "yyyy-MM-dd");
        const QRectF labelRect(area.left() + slot * i, area.bottom() + 4, slot, metrics.height());
        const bool room = slot >= metrics.horizontalAdvance("Mmm") + 4;
        painter.setPen(text);
        if (room || i % 2 == 0)
            painter.drawText(labelRect.adjusted(-slot, 0, slot, 0), Qt::AlignCenter,
                             QLocale(QLocale::English).toString(date, "MMM"));
        if (i == 0 || date.month() == 1)
            painter.drawText(labelRect.translated(0, metrics.height()).adjusted(-slot, 0, slot, 0),
                             Qt::AlignCenter, QString::number(date.year()));
        if (m_months[i].units > 0 && rect.height() > metrics.height() + 2 &&
            rect.width() >= metrics.horizontalAdvance(countText(m_months[i].units))) {
            painter.setPen(Qt::white);
            painter.drawText(rect.adjusted(0, 2, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
                             countText(m_months[i].units));
        }
    }
}

} // namespace asicledger::gui
