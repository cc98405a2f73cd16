#include "UnitDetailsPane.hpp"

#include "CoreText.hpp"
#include "InspectionQuery.hpp"
#include "LedgerSession.hpp"
#include "RateTables.hpp"
#include "Serial.hpp"
#include "TextTableModel.hpp"
#include "UnitRegister.hpp"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace asicledger::gui {

UnitDetailsPane::UnitDetailsPane(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_body(new QWidget(this)),
      m_history(
          new TextTableModel({tr("Date"), tr("Event"), tr("Detail"), tr("Recorded by")}, this)),
      m_historyView(new QTableView(this))
{
    m_title->setObjectName("unitTitle");
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* unitBox = new QGroupBox(tr("Unit"), m_body);
    auto* unitForm = new QFormLayout(unitBox);
    for (const auto& label :
         {tr("Model"), tr("Hashrate"), tr("Power"), tr("Status"), tr("Customs value")})
        addField(unitForm, label);

    auto* ownersBox = new QGroupBox(tr("Owners and site"), m_body);
    auto* ownersForm = new QFormLayout(ownersBox);
    for (const auto& label : {tr("Legal owner"), tr("Beneficial owner"), tr("Site")})
        addField(ownersForm, label);

    auto* lockBox = new QGroupBox(tr("Five-year lock"), m_body);
    auto* lockForm = new QFormLayout(lockBox);
    for (const auto& label : {tr("Lock today"), tr("Exemption start"), tr("Lock end"),
                              tr("Unlock date"), tr("Days left"), tr("VAT exempted")})
        addField(lockForm, label);

    auto* importBox = new QGroupBox(tr("Import"), m_body);
    auto* importForm = new QFormLayout(importBox);
    for (const auto& label : {tr("Declaration"), tr("Route"), tr("Dispatched"), tr("Arrived")})
        addField(importForm, label);

    m_historyView->setObjectName("unitHistory");
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->setVisible(false);
    m_historyView->horizontalHeader()->setStretchLastSection(false);
    m_historyView->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setWordWrap(true);
    m_historyView->setMinimumHeight(140);

    auto* grid = new QGridLayout();
    grid->addWidget(unitBox, 0, 0);
    grid->addWidget(ownersBox, 0, 1);
    grid->addWidget(lockBox, 1, 0);
    grid->addWidget(importBox, 1, 1);

    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(grid);
    bodyLayout->addWidget(new QLabel(tr("<b>History</b>"), m_body));
    bodyLayout->addWidget(m_historyView, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    showNothing();
}

QLabel* UnitDetailsPane::addField(QFormLayout* form, const QString& label)
{
    auto* value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(label + ":", value);
    m_fields.insert(label, value);
    return value;
}

void UnitDetailsPane::setField(const QString& label, const QString& text)
{
    if (auto* field = m_fields.value(label))
        field->setText(text.isEmpty() ? QStringLiteral("—") : text);
}

QString UnitDetailsPane::fieldText(const QString& label) const
{
    auto* field = m_fields.value(label);
    return field ? field->text() : QString();
}

void UnitDetailsPane::showNothing(const QString& hint)
{
    m_unit.reset();
    m_title->setText(hint.isEmpty() ? tr("Select a unit to see its details") : hint);
    m_body->setVisible(false);
    m_history->clear();
}

void UnitDetailsPane::showUnit(const QString& serial)
{
    std::optional<UnitRecord> unit;
    try {
        unit = UnitRegister(m_session.ledger()).find(Serial(toStd(serial)));
    } catch (const std::exception& error) {
        showNothing(toQString(error.what()));
        return;
    }
    if (!unit) {
        showNothing(tr("No unit with serial %1").arg(serial));
        return;
    }
    m_unit = unit;
    const auto today = m_session.today();
    m_title->setText(toQString(unit->serial));
    setField(tr("Model"), toQString(unit->manufacturer + " " + unit->model));
    setField(tr("Hashrate"), toQString(unit->hashrateText()) + " TH/s");
    setField(tr("Power"), QString::number(unit->powerW) + " W");
    setField(tr("Status"), toQString(toText(unit->status)));
    auto customs = tengeText(unit->customsValue);
    if (unit->customsCurrency != "KZT" && !unit->customsCurrency.empty())
        customs += tr(" (%1 %2 at %3)")
                       .arg(toQString(formatMinorUnits(unit->customsValueMinor, 2)),
                            toQString(unit->customsCurrency), toQString(unit->fxRate.value_or("")));
    setField(tr("Customs value"), customs);

    setField(tr("Legal owner"), toQString(unit->legalOwner));
    setField(tr("Beneficial owner"),
             unit->beneficialOwner ? toQString(*unit->beneficialOwner) : tr("none"));
    setField(tr("Site"), toQString(unit->site));

    setField(tr("Lock today"), toQString(toText(unit->lockStateOn(today))));
    if (unit->lock) {
        setField(tr("Exemption start"),
                 dateText(unit->lock->start()) + tr(" (%1 years)").arg(unit->lock->years()));
        setField(tr("Lock end"), dateText(unit->lock->lockEnd()));
        setField(tr("Unlock date"), dateText(unit->lock->unlockDate()));
        const auto days = unit->daysUntilUnlock(today);
        setField(tr("Days left"), days > 0 ? QString::number(days) : tr("none: unlocked"));
    } else {
        for (const auto& label : {tr("Exemption start"), tr("Lock end"), tr("Unlock date")})
            setField(label, tr("no exemption (VAT paid at import)"));
        setField(tr("Days left"), {});
    }
    if (unit->releasedOn)
        setField(tr("Days left"),
                 tr("released by early exit on %1").arg(dateText(*unit->releasedOn)));
    setField(tr("VAT exempted"), unit->vatExempted
                                     ? tengeText(*unit->vatExempted) +
                                           tr(" (%1%)").arg(toQString(percentText(unit->vatRateBp)))
                                     : QString());

    setField(tr("Declaration"),
             toQString(unit->declarationNo) + tr(" of ") + dateText(unit->declarationDate));
    setField(tr("Route"), toQString(toText(unit->route)));
    setField(tr("Dispatched"), dateText(unit->dispatchDate));
    setField(tr("Arrived"), dateText(unit->arrivalDate));
    loadHistory(*unit);
    m_body->setVisible(true);
}

void UnitDetailsPane::loadHistory(const UnitRecord& unit)
{
    struct Line
    {
        Date date;
        QStringList cells;
    };
    std::vector<Line> lines;
    for (const auto& event : UnitRegister(m_session.ledger()).history(unit.id))
        lines.push_back({event.date,
                         {dateText(event.date), toQString(event.kind), toQString(event.detail),
                          toQString(event.recordedBy)}});
    for (const auto& seen : InspectionQuery(m_session.ledger()).sightingsOf(unit.serial)) {
        const auto& inspection = seen.inspection;
        lines.push_back(
            {inspection.date,
             {dateText(inspection.date), tr("inspection"),
              tr("seen at %1 by %2 (ref. %3): %4")
                  .arg(toQString(inspection.site), toQString(inspection.authority),
                       toQString(inspection.reference), toQString(describe(seen.sighting.finding))),
              toQString(inspection.recordedBy)}});
    }
    // Events and inspections on one timeline; the sort is stable, so same-day lines keep the
    // order the ledger gave them.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.date < b.date; });
    QVector<QStringList> rows;
    for (auto& line : lines)
        rows.append(std::move(line.cells));
    m_history->setRows(std::move(rows));
    m_historyView->resizeColumnToContents(0);
    m_historyView->resizeColumnToContents(1);
    m_historyView->resizeRowsToContents();
}

} // namespace asicledger::gui
