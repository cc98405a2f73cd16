#pragma once

#include "CalendarDate.hpp"
#include "Money.hpp"

#include <QDate>
#include <QString>
#include <optional>
#include <string>
#include <string_view>

namespace asicledger::gui {

// The core speaks UTF-8 std::string, boost dates and integer money; the widgets speak QString and
// QDate. These conversions are all the translating the GUI does: no rounding, no rules.
inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStd(const QString& text)
{
    return text.toStdString();
}

// The core formats tenge ("1 234 567.89"); the GUI adds only the unit.
inline QString tengeText(Tiyn amount)
{
    return toQString(formatTenge(amount)) + QStringLiteral(" KZT");
}

// A core message shown on its own, as a sentence: the core writes them to follow "error: ".
inline QString sentence(const QString& message)
{
    if (message.isEmpty())
        return message;
    return message.left(1).toUpper() + message.mid(1);
}

// Counts grouped the way the core groups tenge ("19 941"), so figures side by side read alike.
inline QString countText(std::int64_t count)
{
    return toQString(formatMinorUnits(count, 0));
}

inline QString dateText(const Date& date)
{
    return date.is_not_a_date() ? QString() : toQString(isoDate(date));
}

inline QString dateText(const std::optional<Date>& date)
{
    return date ? dateText(*date) : QString();
}

inline QDate toQDate(const Date& date)
{
    return QDate(date.year(), date.month(), date.day());
}

inline Date toDate(const QDate& date)
{
    return Date(static_cast<unsigned short>(date.year()), static_cast<unsigned short>(date.month()),
                static_cast<unsigned short>(date.day()));
}

} // namespace asicledger::gui
