#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "UnitRegister.hpp"
#endif

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;

namespace asicledger::gui {

class LedgerSession;

// The row of filters above the unit list: serial prefix, status, site, owner and an unlock window.
// It builds the core's UnitFilter; the core does the matching.
class UnitFilterBar : public QWidget
{
    Q_OBJECT

public:
    enum UnlockWindow
    {
        AnyUnlock,
        Next30Days,
        Next90Days,
        Next12Months,
        AlreadyUnlocked,
        CustomWindow
    };

    explicit UnitFilterBar(LedgerSession& session, QWidget* parent = nullptr);

    UnitFilter filter() const;
    // Sites and owners from the ledger (after opening a file or an administrator's change).
    void reloadChoices();
    void clear();
    void focusSerial();

    // For tests and keyboard users: the same as choosing in the widgets.
    void setSerialPrefix(const QString& prefix);
    void setStatus(const QString& status); // empty for any
    void setSite(const QString& site);
    void setOwner(const QString& owner);
    void setUnlockWindow(UnlockWindow window);
    void setCustomWindow(const QDate& from, const QDate& to);

signals:
    void filterChanged();

private:
    static void selectText(QComboBox* combo, const QString& text);

    LedgerSession& m_session;
    QLineEdit* m_serial;
    QComboBox* m_status;
    QComboBox* m_site;
    QComboBox* m_owner;
    QComboBox* m_window;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QTimer* m_typing;
};

} // namespace asicledger::gui
