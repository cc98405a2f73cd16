#include "CryptoEntryForms.hpp"

#include "CoreText.hpp"
#include "CryptoLedger.hpp"
#include "CryptoVenues.hpp"
#include "DecimalNumber.hpp"
#include "EntityRegistry.hpp"
#include "LedgerError.hpp"
#include "LedgerSession.hpp"
#include "RefusalPanel.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

enum class FieldKind
{
    Domestic,
    Overseas,
    AnyEntity,
    Venue,
    Date,
    Text
};

struct FieldSpec
{
    const char* label;
    FieldKind kind;
    const char* placeholder = "";
};

QList<FieldSpec> specOf(CryptoEntryForms::Form form)
{
    switch (form) {
    case CryptoEntryForms::MinedForm:
        return {{"Credited to", FieldKind::Domestic},
                {"Date", FieldKind::Date},
                {"BTC", FieldKind::Text, "0.00000000"},
                {"Payout reference", FieldKind::Text, "the pool's payout id"},
                {"Pool", FieldKind::Text, "e.g. F2Pool"}};
    case CryptoEntryForms::TransferForm:
        return {{"From", FieldKind::Domestic},
                {"To", FieldKind::Overseas},
                {"Date", FieldKind::Date},
                {"BTC", FieldKind::Text, "0.00000000"},
                {"Txid", FieldKind::Text, "64 hex digits"}};
    case CryptoEntryForms::ConversionForm:
        return {{"Seller", FieldKind::AnyEntity},
                {"Venue", FieldKind::Venue},
                {"Date", FieldKind::Date},
                {"BTC sold", FieldKind::Text, "0.00000000"},
                {"Proceeds", FieldKind::Text, "gross, e.g. 76543.21"},
                {"Currency", FieldKind::Text, "USD"},
                {"Fee", FieldKind::Text, "the venue's fee; empty if none"},
                {"Whose coins", FieldKind::Domestic}};
    case CryptoEntryForms::RemittanceForm:
        return {{"From", FieldKind::Overseas},
                {"To", FieldKind::Domestic},
                {"Date", FieldKind::Date},
                {"Amount", FieldKind::Text, "e.g. 50000.00"},
                {"Currency", FieldKind::Text, "USD"},
                {"Bank reference", FieldKind::Text, "the wire's reference"}};
    }
    return {};
}

// BTC as typed ("0.5", "0,5") into satoshi, exactly.
Satoshi btcOf(const QString& text, const QString& label)
{
    const auto number = DecimalNumber::parse(toStd(text));
    if (number) {
        if (const auto sats = number->toMinorUnits(8))
            return Satoshi(*sats);
    }
    throw InvalidInput(toStd(
        QObject::tr("%1 '%2' is not an amount of BTC with at most 8 decimals").arg(label, text)));
}

} // namespace

CryptoEntryForms::CryptoEntryForms(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_tabs(new QTabWidget(this)),
      m_refusal(new RefusalPanel(this)), m_done(new QLabel(this))
{
    setObjectName("cryptoForms");
    for (int form = MinedForm; form <= RemittanceForm; ++form)
        m_fields.append(QMap<QString, QWidget*>());
    m_tabs->addTab(buildForm(MinedForm), tr("Mined"));
    m_tabs->addTab(buildForm(TransferForm), tr("Transfer"));
    m_tabs->addTab(buildForm(ConversionForm), tr("Conversion"));
    m_tabs->addTab(buildForm(RemittanceForm), tr("Remittance"));
    m_done->setObjectName("cryptoRecorded");
    m_done->setWordWrap(true);
    m_done->setStyleSheet("QLabel { color: #1a7f37; }");
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_refusal->clear();
        m_done->clear();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_done);
    layout->addWidget(m_refusal, 1);
}

void CryptoEntryForms::showForm(Form form)
{
    m_tabs->setCurrentIndex(form);
}

QWidget* CryptoEntryForms::buildForm(Form form)
{
    auto* page = new QWidget(m_tabs);
    auto* formLayout = new QFormLayout();
    for (const auto& spec : specOf(form)) {
        QWidget* field = nullptr;
        switch (spec.kind) {
        case FieldKind::Date: {
            auto* date = new QDateEdit(page);
            date->setCalendarPopup(true);
            date->setDisplayFormat("yyyy-MM-dd");
            field = date;
            break;
        }
        case FieldKind::Text: {
            auto* edit = new QLineEdit(page);
            edit->setPlaceholderText(tr(spec.placeholder));
            if (QString(spec.label) == "Currency")
                edit->setText("USD");
            field = edit;
            break;
        }
        default: {
            auto* combo = new QComboBox(page);
            combo->setProperty("kind", static_cast<int>(spec.kind));
            field = combo;
            break;
        }
        }
        field->setObjectName(QString("crypto-%1-%2").arg(int(form)).arg(spec.label));
        formLayout->addRow(tr(spec.label) + ":", field);
        m_fields[form].insert(spec.label, field);
    }
    auto* button = new QPushButton(tr("Record"), page);
    button->setObjectName(QString("recordCrypto%1").arg(int(form)));
    connect(button, &QPushButton::clicked, this, [this, form] { record(form); });
    m_buttons.append(button);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(formLayout);
    layout->addWidget(button, 0, Qt::AlignRight);
    layout->addStretch(1);
    return page;
}

void CryptoEntryForms::reloadChoices()
{
    if (!m_session.isSignedIn())
        return;
    const auto entities = EntityRegistry(m_session.ledger()).list();
    const auto venues = CryptoVenues(m_session.ledger()).list();
    for (auto& fields : m_fields) {
        for (auto* widget : fields) {
            if (auto* date = qobject_cast<QDateEdit*>(widget))
                date->setDate(toQDate(m_session.today()));
            auto* combo = qobject_cast<QComboBox*>(widget);
            if (!combo)
                continue;
            const auto kind = static_cast<FieldKind>(combo->property("kind").toInt());
            const auto keep = combo->currentText();
            combo->clear();
            if (kind == FieldKind::Venue) {
                for (const auto& venue : venues)
                    combo->addItem(toQString(venue.name) +
                                       (venue.aifcLicensed ? tr("  (AIFC-licensed)") : QString()),
                                   toQString(venue.name));
            } else {
                if (combo->objectName().endsWith("Whose coins"))
                    combo->addItem(tr("(the seller's only source)"), QString());
                for (const auto& entity : entities) {
                    const bool domestic = entity.kind == EntityKind::Domestic;
                    if ((kind == FieldKind::Domestic && !domestic) ||
                        (kind == FieldKind::Overseas && domestic))
                        continue;
                    combo->addItem(toQString(entity.name), toQString(entity.name));
                }
            }
            const int index = combo->findText(keep);
            if (index >= 0)
                combo->setCurrentIndex(index);
        }
    }
    const bool may = m_session.may(Permission::RecordFinance);
    for (auto* button : m_buttons) {
        button->setEnabled(may);
        button->setToolTip(may ? QString() : tr("Only finance staff record crypto flows"));
    }
}

void CryptoEntryForms::setField(Form form, const QString& label, const QString& text)
{
    auto* widget = m_fields[form].value(label);
    if (auto* edit = qobject_cast<QLineEdit*>(widget))
        edit->setText(text);
    else if (auto* date = qobject_cast<QDateEdit*>(widget))
        date->setDate(QDate::fromString(text, "yyyy-MM-dd"));
    else if (auto* combo = qobject_cast<QComboBox*>(widget))
        combo->setCurrentIndex(combo->findData(text));
}

QString CryptoEntryForms::text(Form form, const QString& label) const
{
    auto* widget = m_fields[form].value(label);
    if (auto* edit = qobject_cast<QLineEdit*>(widget))
        return edit->text().trimmed();
    if (auto* combo = qobject_cast<QComboBox*>(widget))
        return combo->currentData().toString();
    return {};
}

QDate CryptoEntryForms::dateOf(Form form) const
{
    auto* date = qobject_cast<QDateEdit*>(m_fields[form].value("Date"));
    return date ? date->date() : QDate();
}

bool CryptoEntryForms::record(Form form)
{
    m_refusal->clear();
    m_done->clear();
    const auto date = toDate(dateOf(form));
    const auto field = [&](const char* label) { return toStd(text(form, label)); };
    try {
        CryptoLedger ledger(m_session.ledger());
        const auto& actor = m_session.actor();
        CryptoFlow flow;
        switch (form) {
        case MinedForm:
            flow = ledger.recordMined(actor, {field("Credited to"), date,
                                              btcOf(text(form, "BTC"), tr("BTC")),
                                              field("Payout reference"), field("Pool")});
            break;
        case TransferForm:
            flow =
                ledger.recordTransfer(actor, {field("From"), field("To"), date,
                                              btcOf(text(form, "BTC"), tr("BTC")), field("Txid")});
            break;
        case ConversionForm:
            flow = ledger.recordConversion(actor, {field("Seller"), field("Venue"), date,
                                                   btcOf(text(form, "BTC sold"), tr("BTC sold")),
                                                   field("Proceeds"), field("Currency"),
                                                   field("Fee"), field("Whose coins")});
            break;
        case RemittanceForm:
            flow =
                ledger.recordRemittance(actor, {field("From"), field("To"), date, field("Amount"),
                                                field("Currency"), field("Bank reference")});
            break;
        }
        m_lastRecorded = toQString(CryptoLedger::describe(flow));
    } catch (const std::exception& error) {
        m_refusal->showError(error);
        return false;
    }
    m_done->setText(tr("Recorded: %1").arg(m_lastRecorded));
    m_session.notifyChanged();
    emit recorded();
    return true;
}

} // namespace asicledger::gui
