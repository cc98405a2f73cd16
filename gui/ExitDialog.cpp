#include "ExitDialog.hpp"

#include "CoreText.hpp"
#include "ExitDesk.hpp"
#include "LedgerError.hpp"
#include "LedgerSession.hpp"
#include "RateTables.hpp"
#include "RefusalPanel.hpp"
#include "TextTableModel.hpp"

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

ExitDialog::ExitDialog(LedgerSession& session, QStringList serials, QWidget* parent)
    : QDialog(parent), m_session(session), m_serials(std::move(serials)),
      m_date(new QDateEdit(this)), m_reference(new QLineEdit(this)), m_reason(new QLineEdit(this)),
      m_quotes(
          new TextTableModel({tr("Serial"), tr("Exempt from"), tr("Unlocks on"), tr("VAT rate"),
                              tr("Days"), tr("VAT"), tr("Penalty"), tr("Total")},
                             this)),
      m_total(new QLabel(this)), m_refusal(new RefusalPanel(this)),
      m_record(new QPushButton(tr("Record exit payment"), this))
{
    setWindowTitle(tr("Early exit: %n unit(s)", nullptr, static_cast<int>(m_serials.size())));
    auto* form = new QFormLayout();
    m_date->setObjectName("paymentDate");
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat("yyyy-MM-dd");
    m_date->setDate(toQDate(m_session.today()));
    form->addRow(tr("Payment date:"), m_date);
    m_reference->setObjectName("paymentReference");
    m_reference->setPlaceholderText(tr("Bank payment order number"));
    form->addRow(tr("Payment reference:"), m_reference);
    m_reason->setPlaceholderText(tr("Why the units leave the exemption (kept in the journal)"));
    form->addRow(tr("Reason:"), m_reason);

    auto* view = m_view = new QTableView(this);
    view->setObjectName("exitQuoteTable");
    view->setModel(m_quotes);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    m_quotes->setNumericColumns({3, 4, 5, 6, 7});
    m_total->setObjectName("exitTotal");
    m_total->setWordWrap(true);
    m_total->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* quoteButton = buttons->addButton(tr("Quote"), QDialogButtonBox::ActionRole);
    buttons->addButton(m_record, QDialogButtonBox::ActionRole);
    m_record->setObjectName("recordExit");
    m_record->setEnabled(m_session.may(Permission::RecordFinance));
    if (!m_record->isEnabled())
        m_record->setToolTip(tr("Only finance staff record exit payments; you can still quote."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(quoteButton, &QPushButton::clicked, this, &ExitDialog::quote);
    connect(m_record, &QPushButton::clicked, this, &ExitDialog::record);
    connect(m_date, &QDateEdit::dateChanged, this, [this] { quote(); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(view, 1);
    layout->addWidget(m_total);
    layout->addWidget(m_refusal);
    layout->addWidget(buttons);
    resize(860, 420);
    quote();
}

void ExitDialog::setPaymentDate(const QDate& date)
{
    m_date->setDate(date);
}

void ExitDialog::setPaymentReference(const QString& reference)
{
    m_reference->setText(reference);
}

void ExitDialog::setReason(const QString& reason)
{
    m_reason->setText(reason);
}

QString ExitDialog::totalText() const
{
    return m_total->text();
}

bool ExitDialog::quote()
{
    m_refusal->clear();
    m_quotes->clear();
    m_total->clear();
    std::vector<std::string> serials;
    for (const auto& serial : m_serials)
        serials.push_back(toStd(serial));
    try {
        const auto batch = ExitDesk(m_session.ledger()).quote(serials, toDate(m_date->date()));
        QVector<QStringList> rows;
        for (const auto& unit : batch.units)
            rows.append({toQString(unit.serial), dateText(unit.exemptionStart),
                         dateText(unit.unlockDate), toQString(percentText(unit.vatRateBp)) + "%",
                         QString::number(unit.accrualDays), toQString(formatTenge(unit.principal)),
                         toQString(formatTenge(unit.penalty)), toQString(formatTenge(unit.total))});
        m_quotes->setRows(std::move(rows));
        m_view->resizeColumnsToContents();
        m_total->setText(tr("Paid on %1: VAT %2 + penalty %3 = <b>%4</b>")
                             .arg(dateText(toDate(m_date->date())), tengeText(batch.principal),
                                  tengeText(batch.penalty), tengeText(batch.total)));
        return true;
    } catch (const std::exception& error) {
        m_refusal->showMessage(sentence(toQString(error.what())));
        return false;
    }
}

bool ExitDialog::record()
{
    m_refusal->clear();
    std::vector<std::string> serials;
    for (const auto& serial : m_serials)
        serials.push_back(toStd(serial));
    try {
        ExitDesk(m_session.ledger())
            .record(m_session.actor(), serials, toDate(m_date->date()),
                    toStd(m_reference->text().trimmed()), toStd(m_reason->text().trimmed()));
    } catch (const std::exception& error) {
        m_refusal->showError(error);
        return false;
    }
    m_session.notifyChanged();
    accept();
    return true;
}

} // namespace asicledger::gui
