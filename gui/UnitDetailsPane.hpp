#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "UnitRecord.hpp"
#endif

#include <QMap>
#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QTextBrowser;

namespace asicledger::gui {

class LedgerSession;
class TextTableModel;

// Everything the ledger knows about one unit: its fields, both owners, the lock (end, unlock
// date, days left, state today) and its history as a timeline, oldest first, with the inspections
// that saw it.
class UnitDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit UnitDetailsPane(LedgerSession& session, QWidget* parent = nullptr);

    void showUnit(const QString& serial);
    void showNothing(const QString& hint = {});
    // The shown text of a field ("Unlock date"), for tests.
    QString fieldText(const QString& label) const;
    TextTableModel* historyModel() const { return m_history; }
    QString timelineText() const;
    std::optional<UnitRecord> unit() const { return m_unit; }

private:
    QLabel* addField(QFormLayout* form, const QString& label);
    void setField(const QString& label, const QString& text);
    void loadHistory(const UnitRecord& unit);

    LedgerSession& m_session;
    std::optional<UnitRecord> m_unit;
    QLabel* m_title;
    QWidget* m_body;
    QMap<QString, QLabel*> m_fields;
    TextTableModel* m_history;
    QTextBrowser* m_timeline;
};

} // namespace asicledger::gui
