#include "UnitDetailsPane.hpp"

#include "CoreText.hpp"
#include "InspectionQuery.hpp"
#include "LedgerSession.hpp"
#include "RateTables.hpp"
#include "Serial.hpp"
#include "TextTableModel.hpp"
#include "UnitRegister.hpp"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace asicledger::gui {

UnitDetailsPane::UnitDetailsPane(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_body(new QWidget(this)),
      m_history(
          new TextTableModel({tr("Date"), tr("Event"), tr("Detail"), tr("Recorded by")}, this)),
      m_timeline(new QTextBrowser(this))
{
    m_title->setObjectName("unitTitle");
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    // One column of label/value pairs, the lock first: it is what a clerk opens a unit for.
    auto* fields = new QWidget(this);
    auto* form = new QFormLayout(fields);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto section = [&](const QString& title) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title), fields);
        label->setContentsMargins(0, 6, 0, 0);
        form->addRow(label);
    };
    section(tr("Five-year lock"));
    for (const auto& label : {tr("Lock today"), tr("Exemption start"), tr("Lock end"),
                              tr("Unlock date"), tr("Days left"), tr("VAT exempted")})
        addField(form, label);
    section(tr("Owners and site"));
    for (const auto& label : {tr("Legal owner"), tr("Beneficial owner"), tr("Site"), tr("Status")})
        addField(form, label);
    section(tr("Unit"));
    for (const auto& label : {tr("Model"), tr("Hashrate"), tr("Power"), tr("Customs value")})
        addField(form, label);
    section(tr("Import"));
    for (const auto& label : {tr("Declaration"), tr("Route"), tr("Dispatched"), tr("Arrived")})
        addField(form, label);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_timeline->setObjectName("unitHistory");
    m_timeline->setOpenLinks(false);
    auto* history = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("<b>History</b>, oldest first"), history));
    historyLayout->addWidget(m_timeline, 1);

    auto* split = new QSplitter(Qt::Vertical, m_body);
    split->addWidget(scroll);
    split->addWidget(history);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(split);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    showNothing();
}

QLabel* UnitDetailsPane::addField(QFormLayout* form, const QString& label)
{
    auto* value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    form->addRow(label + ":", value);
    m_fields.insert(label, value);
    return value;
}

void UnitDetailsPane::setField(const QString& label, const QString& text)
{
    if (auto* field = m_fields.value(label))
        field->setText(text.isEmpty() ? QStringLiteral("—") : text);
}

QString UnitDetailsPane::timelineText() const
{
    return m_timeline->toPlainText();
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
    m_timeline->clear();
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
        setField(tr("Days left"), days > 0 ? countText(days) : tr("0 (unlocked)"));
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

    // The timeline reads the model: one paragraph per event, date and kind first.
    QString html;
    for (int row = 0; row < m_history->rowCount(); ++row)
        html += QStringLiteral("<p style='margin:0 0 6px 0'><b>%1</b> &nbsp;%2 <span "
                               "style='color:#666'>(%3)</span><br>%4</p>")
                    .arg(m_history->text(row, 0).toHtmlEscaped(),
                         m_history->text(row, 1).toHtmlEscaped(),
                         m_history->text(row, 3).toHtmlEscaped(),
                         m_history->text(row, 2).toHtmlEscaped());
    m_timeline->setHtml(html);
}

} // namespace asicledger::gui
