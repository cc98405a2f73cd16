#include "CryptoPage.hpp"

#include "CoreText.hpp"
#include "CryptoEntryForms.hpp"
#include "CryptoReconciliation.hpp"
#include "EntityRegistry.hpp"
#include "LedgerSession.hpp"
#include "TextTableModel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

QTableView* tableOf(TextTableModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

QString btc(Satoshi sats)
{
    return toQString(formatBtc(sats));
}

QString heldBy(const CryptoPairLine& line)
{
    return line.overseas ? toQString(line.overseas->name) : QObject::tr("own wallet");
}

} // namespace

CryptoPage::CryptoPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_forms(new CryptoEntryForms(session, this)),
      m_useFrom(new QCheckBox(tr("From"), this)), m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)), m_entity(new QComboBox(this)), m_message(new QLabel(this)),
      m_bitcoin(
          new TextTableModel({tr("Domestic entity"), tr("Held by"), tr("Opening BTC"), tr("Mined"),
                              tr("Transferred"), tr("Converted"), tr("Closing BTC")},
                             this)),
      m_fiat(new TextTableModel({tr("Domestic entity"), tr("Raised by"), tr("Currency"),
                                 tr("Opening owed"), tr("Raised"), tr("Fees"), tr("Remitted"),
                                 tr("Outstanding"), tr("Average per BTC"), tr("Oldest unremitted")},
                                this)),
      m_ruleBreaks(new QLabel(this))
{
    m_bitcoin->setNumericColumns({2, 3, 4, 5, 6});
    m_fiat->setNumericColumns({3, 4, 5, 6, 7, 8});
    for (auto* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat("yyyy-MM-dd");
    }
    m_from->setEnabled(false);
    m_entity->setObjectName("cryptoEntity");
    m_message->setWordWrap(true);
    m_message->setStyleSheet("QLabel { color: #a02000; }");
    m_ruleBreaks->setObjectName("cryptoRuleBreaks");
    m_ruleBreaks->setWordWrap(true);
    m_ruleBreaks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* show = new QPushButton(tr("Reconcile"), this);

    auto* period = new QHBoxLayout();
    period->addWidget(m_useFrom);
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    period->addWidget(m_entity, 1);
    period->addWidget(show);

    auto* reconciliation = new QGroupBox(tr("Reconciliation"), this);
    auto* right = new QVBoxLayout(reconciliation);
    right->addLayout(period);
    right->addWidget(m_message);
    right->addWidget(new QLabel(tr("<b>Bitcoin</b>: each domestic entity's coins, in its own "
                                   "wallet and at each overseas entity"),
                                reconciliation));
    right->addWidget(tableOf(m_bitcoin, reconciliation, "cryptoBitcoin"), 1);
    right->addWidget(new QLabel(tr("<b>Fiat</b>: proceeds raised from those coins and what is "
                                   "still owed home"),
                                reconciliation));
    right->addWidget(tableOf(m_fiat, reconciliation, "cryptoFiat"), 1);
    right->addWidget(m_ruleBreaks);

    auto* record = new QGroupBox(tr("Record"), this);
    auto* left = new QVBoxLayout(record);
    left->addWidget(m_forms);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(record);
    split->addWidget(reconciliation);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({340, 860});
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(show, &QPushButton::clicked, this, &CryptoPage::reconcile);
    connect(&m_session, &LedgerSession::signedIn, this, [this] {
        reloadChoices();
        reconcile();
    });
    connect(&m_session, &LedgerSession::ledgerChanged, this, &CryptoPage::reconcile);
}

void CryptoPage::reloadChoices()
{
    m_forms->reloadChoices();
    const auto today = toQDate(m_session.today());
    m_to->setDate(today);
    m_from->setDate(QDate(today.year(), 1, 1));
    m_entity->clear();
    m_entity->addItem(tr("All entities"));
    for (const auto& entity : EntityRegistry(m_session.ledger()).list())
        m_entity->addItem(toQString(entity.name), toQString(entity.name));
}

QString CryptoPage::ruleBreaksText() const
{
    return m_ruleBreaks->text();
}

void CryptoPage::reconcile()
{
    if (!m_session.isSignedIn())
        return;
    m_message->clear();
    std::optional<Date> from;
    if (m_useFrom->isChecked())
        from = toDate(m_from->date());
    const auto entity = toStd(m_entity->currentData().toString());
    CryptoReconciliationResult result;
    try {
        result =
            CryptoReconciliation(m_session.ledger()).compute(from, toDate(m_to->date()), entity);
    } catch (const std::exception& error) {
        m_message->setText(sentence(toQString(error.what())));
        m_bitcoin->clear();
        m_fiat->clear();
        return;
    }
    QVector<QStringList> coins;
    QVector<QStringList> money;
    for (const auto& line : result.lines) {
        coins.append({toQString(line.domestic.name), heldBy(line), btc(line.openingHeld),
                      btc(line.mined), btc(line.transferred), btc(line.converted),
                      btc(line.closingHeld)});
        for (const auto& fiat : line.fiat) {
            const auto amount = [&](std::int64_t minor) {
                return toQString(formatMinorUnits(minor, fiat.currencyDigits));
            };
            QString oldest;
            if (fiat.oldestUnremitted)
                oldest = tr("%1 (%2 days)")
                             .arg(dateText(*fiat.oldestUnremitted))
                             .arg(fiat.oldestUnremittedDays.value_or(0));
            money.append({toQString(line.domestic.name), heldBy(line), toQString(fiat.currency),
                          amount(fiat.openingOutstandingMinor), amount(fiat.raisedMinor),
                          amount(fiat.feesMinor), amount(fiat.remittedMinor),
                          amount(fiat.closingOutstandingMinor),
                          fiat.averagePriceMinor ? amount(*fiat.averagePriceMinor) : QString(),
                          oldest});
        }
    }
    m_bitcoin->setRows(std::move(coins));
    m_fiat->setRows(std::move(money));
    if (result.ruleBreaks.empty()) {
        m_ruleBreaks->setText(tr("No record in the period breaks a rule."));
        m_ruleBreaks->setStyleSheet({});
    } else {
        QString text =
            tr("<b>Records that break a rule</b> (accepted then, questionable now):<ul>");
        for (const auto& rule : result.ruleBreaks)
            text += QStringLiteral("<li>%1 %2: %3</li>")
                        .arg(dateText(rule.date), toQString(toText(rule.kind)),
                             toQString(rule.message).toHtmlEscaped());
        m_ruleBreaks->setText(text + "</ul>");
        m_ruleBreaks->setStyleSheet("QLabel { color: #a02000; }");
    }
}

} // namespace asicledger::gui
