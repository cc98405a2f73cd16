#include "UnitActionDialog.hpp"

#include "CoreText.hpp"
#include "EntityRegistry.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "LedgerSession.hpp"
#include "RefusalPanel.hpp"
#include "Serial.hpp"
#include "SiteRegistry.hpp"
#include "TextTableModel.hpp"
#include "UnitActions.hpp"
#include "UnitRegister.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

QString unitsText(const QStringList& serials)
{
    constexpr int kShown = 5;
    QString text = serials.mid(0, kShown).join(", ");
    if (serials.size() > kShown)
        text += QObject::tr(" and %1 more").arg(serials.size() - kShown);
    return text;
}

std::vector<std::string> toStdList(const QStringList& list)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (const auto& each : list)
        out.push_back(toStd(each));
    return out;
}

} // namespace

UnitActionDialog::UnitActionDialog(LedgerSession& session, Kind kind, QStringList serials,
                                   QWidget* parent)
    : QDialog(parent), m_session(session), m_kind(kind), m_serials(std::move(serials)),
      m_date(new QDateEdit(this)), m_reason(new QLineEdit(this)), m_refusal(new RefusalPanel(this)),
      m_quotes(new TextTableModel(
          {tr("Serial"), tr("Unlocks on"), tr("VAT"), tr("Penalty"), tr("Exit would cost")}, this)),
      m_quoteView(new QTableView(this)), m_quoteTotal(new QLabel(this)),
      m_toExit(new QPushButton(tr("Early exit for these units…"), this)),
      m_run(new QPushButton(this))
{
    const int count = static_cast<int>(m_serials.size());
    QString title;
    QString verb;
    switch (m_kind) {
    case Kind::Sell:
        title = tr("Sell %n unit(s)", nullptr, count);
        verb = tr("Sell");
        break;
    case Kind::Move:
        title = tr("Move %n unit(s)", nullptr, count);
        verb = tr("Move");
        break;
    case Kind::Export:
        title = tr("Export %n unit(s) from Kazakhstan", nullptr, count);
        verb = tr("Export");
        break;
    }
    setWindowTitle(title);
    auto* form = new QFormLayout();
    auto* unitsLabel = new QLabel(unitsText(m_serials), this);
    unitsLabel->setWordWrap(true);
    form->addRow(tr("Units:"), unitsLabel);
    if (m_kind != Kind::Export) {
        m_target = new QComboBox(this);
        m_target->setObjectName("actionTarget");
        m_target->setEditable(true);
        if (m_session.isOpen()) {
            if (m_kind == Kind::Sell) {
                for (const auto& entity : EntityRegistry(m_session.ledger()).list())
                    m_target->addItem(toQString(entity.name));
            } else {
                for (const auto& site : SiteRegistry(m_session.ledger()).list())
                    m_target->addItem(toQString(site.name));
            }
        }
        m_target->setCurrentIndex(-1);
        form->addRow(m_kind == Kind::Sell ? tr("New legal owner:") : tr("To site:"), m_target);
    }
    m_date->setObjectName("actionDate");
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat("yyyy-MM-dd");
    m_date->setDate(toQDate(m_session.today()));
    form->addRow(tr("Date of the action:"), m_date);
    m_reason->setObjectName("actionReason");
    m_reason->setPlaceholderText(tr("Contract number, instruction… (kept in the journal)"));
    form->addRow(tr("Reason:"), m_reason);

    m_quoteView->setObjectName("exitQuotes");
    m_quoteView->setModel(m_quotes);
    m_quoteView->verticalHeader()->setVisible(false);
    m_quoteView->horizontalHeader()->setStretchLastSection(true);
    m_quotes->setNumericColumns({2, 3, 4});
    m_quoteView->setVisible(false);
    m_quoteTotal->setVisible(false);
    m_quoteTotal->setWordWrap(true);
    m_toExit->setVisible(false);
    m_toExit->setEnabled(m_session.may(Permission::RecordFinance));
    connect(m_toExit, &QPushButton::clicked, this, [this] {
        emit exitRequested(m_quotedSerials);
        reject();
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run->setText(verb);
    m_run->setObjectName("runAction");
    m_run->setDefault(true);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &UnitActionDialog::submit);

    auto* noRight = new QLabel(this);
    noRight->setWordWrap(true);
    if (!m_session.may(Permission::RecordFinance)) {
        // The core's own words for why this role may not; the button is off, the core would refuse.
        try {
            AccessPolicy::require(m_session.actor(), Permission::RecordFinance, toStd(title));
        } catch (const LedgerError& error) {
            noRight->setText(toQString(error.what()));
        }
        m_run->setEnabled(false);
    }
    noRight->setVisible(!noRight->text().isEmpty());

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(noRight);
    layout->addWidget(m_refusal, 1);
    layout->addWidget(m_quoteView, 1);
    layout->addWidget(m_quoteTotal);
    layout->addWidget(m_toExit, 0, Qt::AlignLeft);
    layout->addWidget(buttons);
    resize(860, 560);
}

void UnitActionDialog::setTarget(const QString& buyerOrSite)
{
    if (m_target)
        m_target->setCurrentText(buyerOrSite);
}

void UnitActionDialog::setDate(const QDate& date)
{
    m_date->setDate(date);
}

void UnitActionDialog::setReason(const QString& reason)
{
    m_reason->setText(reason);
}

bool UnitActionDialog::submit()
{
    m_refusal->clear();
    m_quotes->clear();
    m_quoteView->setVisible(false);
    m_quoteTotal->setVisible(false);
    m_toExit->setVisible(false);
    const auto serials = toStdList(m_serials);
    const auto date = toDate(m_date->date());
    const auto reason = toStd(m_reason->text().trimmed());
    const auto target = m_target ? toStd(m_target->currentText().trimmed()) : std::string();
    try {
        UnitActions actions(m_session.ledger());
        switch (m_kind) {
        case Kind::Sell:
            actions.sell(m_session.actor(), serials, target, date, reason);
            break;
        case Kind::Move:
            actions.move(m_session.actor(), serials, target, date, reason);
            break;
        case Kind::Export:
            actions.exportUnits(m_session.actor(), serials, date, reason);
            break;
        }
    } catch (const UnitActionRefused& refused) {
        m_refusal->showError(refused);
        QStringList refusedSerials;
        for (const auto& unit : refused.refusals())
            refusedSerials.append(toQString(unit.serial));
        showExitQuotes(refusedSerials);
        return false;
    } catch (const std::exception& error) {
        m_refusal->showError(error);
        return false;
    }
    m_session.notifyChanged();
    accept();
    return true;
}

void UnitActionDialog::showExitQuotes(const QStringList& refusedSerials)
{
    // A unit refused for another reason (a date before its arrival) has no exit to quote; it is
    // simply left out, its reason is already shown above.
    const auto date = toDate(m_date->date());
    ExitDesk desk(m_session.ledger());
    UnitRegister units(m_session.ledger());
    QVector<QStringList> rows;
    m_quotedSerials.clear();
    Tiyn total;
    for (const auto& serial : refusedSerials) {
        try {
            const auto unit = units.require(Serial(toStd(serial)));
            const auto quote = desk.quote(unit, date);
            rows.append(
                {serial, dateText(quote.unlockDate), toQString(formatTenge(quote.principal)),
                 toQString(formatTenge(quote.penalty)), toQString(formatTenge(quote.total))});
            m_quotedSerials.append(serial);
            total += quote.total;
        } catch (const LedgerError&) {
            continue;
        }
    }
    if (rows.isEmpty())
        return;
    m_quotes->setRows(std::move(rows));
    m_quoteView->setVisible(true);
    m_quoteView->resizeColumnsToContents();
    m_quoteView->horizontalHeader()->setStretchLastSection(true);
    m_quoteTotal->setText(
        tr("Leaving the exemption early, paid on %1, would cost %2 in all for these %n unit(s).",
           nullptr, static_cast<int>(m_quotedSerials.size()))
            .arg(dateText(date), tengeText(total)));
    m_quoteTotal->setVisible(true);
    m_toExit->setVisible(true);
}

} // namespace asicledger::gui
