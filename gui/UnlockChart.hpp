#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "Money.hpp"
#endif

#include <QString>
#include <QVector>
#include <QWidget>

namespace asicledger::gui {

// Units unlocking per month as bars: the height is the count; the tooltip gives the count and the
// customs value. Drawn with QPainter, so the application needs no charting library.
class UnlockChart : public QWidget
{
    Q_OBJECT

public:
    struct Month
    {
        QString month; // YYYY-MM
        std::int64_t units = 0;
        Tiyn customsValue;
    };

    explicit UnlockChart(QWidget* parent = nullptr);

    void setMonths(QVector<Month> months);
    const QVector<Month>& months() const { return m_months; }
    // The bar under a point, or -1.
    int barAt(const QPoint& point) const;
    QString toolTipFor(int bar) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRect plotArea() const;
    QRectF barRect(int bar) const;
    std::int64_t scaleMax() const;

    QVector<Month> m_months;
};

} // namespace asicledger::gui
