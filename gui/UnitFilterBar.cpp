#include "UnitFilterBar.hpp"

#include "CoreText.hpp"
#include "EntityRegistry.hpp"
#include "LedgerSession.hpp"
#include "SiteRegistry.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace asicledger::gui {

UnitFilterBar::UnitFilterBar(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_serial(new QLineEdit(this)),
      m_status(new QComboBox(this)), m_site(new QComboBox(this)), m_owner(new QComboBox(this)),
      m_window(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_typing(new QTimer(this))
{
    m_serial->setObjectName("serialFilter");
    m_serial->setPlaceholderText(tr("Serial starts with… (Ctrl+F)"));
    m_serial->setClearButtonEnabled(true);
    m_status->setObjectName("statusFilter");
    m_status->addItem(tr("Any status"));
    for (auto status :
         {UnitStatus::Running, UnitStatus::Stopped, UnitStatus::Faulty, UnitStatus::Exported})
        m_status->addItem(toQString(toText(status)), toQString(toText(status)));
    m_site->setObjectName("siteFilter");
    m_owner->setObjectName("ownerFilter");
    m_window->setObjectName("unlockFilter");
    m_window->addItems({tr("Any unlock date"), tr("Unlocks in the next 30 days"),
                        tr("Unlocks in the next 90 days"), tr("Unlocks in the next 12 months"),
                        tr("Already unlocked"), tr("Unlocks between…")});
    for (auto* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat("yyyy-MM-dd");
        edit->setVisible(false);
    }
    m_from->setToolTip(tr("Unlock date on or after"));
    m_to->setToolTip(tr("Unlock date on or before"));

    auto* clear = new QPushButton(tr("Clear"), this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_serial, 2);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_site, 1);
    layout->addWidget(m_owner, 2);
    layout->addWidget(m_window, 2);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addWidget(clear);

    // Typing a serial waits for a pause, so each keystroke does not start a query.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_serial, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &UnitFilterBar::filterChanged);
    for (auto* combo : {m_status, m_site, m_owner})
        connect(combo, &QComboBox::currentIndexChanged, this, &UnitFilterBar::filterChanged);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_from->setVisible(index == CustomWindow);
        m_to->setVisible(index == CustomWindow);
        emit filterChanged();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &UnitFilterBar::filterChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &UnitFilterBar::filterChanged);
    connect(clear, &QPushButton::clicked, this, &UnitFilterBar::clear);
}

void UnitFilterBar::reloadChoices()
{
    const QSignalBlocker blockSite(m_site);
    const QSignalBlocker blockOwner(m_owner);
    const auto site = m_site->currentData().toString();
    const auto owner = m_owner->currentData().toString();
    m_site->clear();
    m_owner->clear();
    m_site->addItem(tr("Any site"));
    m_owner->addItem(tr("Any owner"));
    if (m_session.isOpen()) {
        for (const auto& each : SiteRegistry(m_session.ledger()).list())
            m_site->addItem(toQString(each.name), toQString(each.name));
        for (const auto& each : EntityRegistry(m_session.ledger()).list())
            m_owner->addItem(toQString(each.name), toQString(each.name));
        const auto today = toQDate(m_session.today());
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(today);
        m_to->setDate(today.addMonths(12));
    }
    selectText(m_site, site);
    selectText(m_owner, owner);
}

void UnitFilterBar::selectText(QComboBox* combo, const QString& text)
{
    const int index = text.isEmpty() ? 0 : combo->findData(text);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

UnitFilter UnitFilterBar::filter() const
{
    UnitFilter filter;
    const auto serial = m_serial->text().trimmed();
    if (!serial.isEmpty())
        filter.serialPrefix = toStd(serial);
    if (m_status->currentIndex() > 0)
        filter.status = parseUnitStatus(toStd(m_status->currentData().toString()));
    if (m_site->currentIndex() > 0)
        filter.site = toStd(m_site->currentData().toString());
    if (m_owner->currentIndex() > 0)
        filter.owner = toStd(m_owner->currentData().toString());
    // The core's window is exclusive at both ends; the choices here read inclusively.
    const auto today = m_session.today();
    const boost::gregorian::days oneDay(1);
    switch (m_window->currentIndex()) {
    case Next30Days:
        filter.unlocksAfter = today;
        filter.unlocksBefore = today + boost::gregorian::days(31);
        break;
    case Next90Days:
        filter.unlocksAfter = today;
        filter.unlocksBefore = today + boost::gregorian::days(91);
        break;
    case Next12Months:
        filter.unlocksAfter = today;
        filter.unlocksBefore = today + boost::gregorian::months(12) + oneDay;
        break;
    case AlreadyUnlocked:
        filter.unlocksBefore = today + oneDay;
        break;
    case CustomWindow:
        filter.unlocksAfter = toDate(m_from->date()) - oneDay;
        filter.unlocksBefore = toDate(m_to->date()) + oneDay;
        break;
    default:
        break;
    }
    return filter;
}

void UnitFilterBar::clear()
{
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_serial), QSignalBlocker(m_status),
                                           QSignalBlocker(m_site), QSignalBlocker(m_owner),
                                           QSignalBlocker(m_window)};
        m_serial->clear();
        m_status->setCurrentIndex(0);
        m_site->setCurrentIndex(0);
        m_owner->setCurrentIndex(0);
        m_window->setCurrentIndex(0);
        m_from->setVisible(false);
        m_to->setVisible(false);
    }
    m_typing->stop();
    emit filterChanged();
}

void UnitFilterBar::focusSerial()
{
    m_serial->setFocus(Qt::ShortcutFocusReason);
    m_serial->selectAll();
}

void UnitFilterBar::setSerialPrefix(const QString& prefix)
{
    m_serial->setText(prefix);
    m_typing->stop();
    emit filterChanged();
}

void UnitFilterBar::setStatus(const QString& status)
{
    selectText(m_status, status);
}

void UnitFilterBar::setSite(const QString& site)
{
    selectText(m_site, site);
}

void UnitFilterBar::setOwner(const QString& owner)
{
    selectText(m_owner, owner);
}

void UnitFilterBar::setUnlockWindow(UnlockWindow window)
{
    m_window->setCurrentIndex(window);
}

void UnitFilterBar::setCustomWindow(const QDate& from, const QDate& to)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    if (m_window->currentIndex() == CustomWindow)
        emit filterChanged();
    else
        m_window->setCurrentIndex(CustomWindow);
}

} // namespace asicledger::gui
