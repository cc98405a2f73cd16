#include "DashboardPage.hpp"

#include "BackgroundWork.hpp"
#include "CoreText.hpp"
#include "LedgerSession.hpp"
#include "TextTableModel.hpp"
#include "UnlockChart.hpp"

#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

QTableView* tableFor(TextTableModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    return view;
}

QWidget* titled(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

QString count(std::int64_t value)
{
    return countText(value);
}

} // namespace

DashboardPage::DashboardPage(LedgerSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_chart(new UnlockChart(this)),
      m_chartTitle(new QLabel(this)), m_message(new QLabel(this)),
      m_byEntity(new TextTableModel(
          {tr("Entity"), tr("Units"), tr("VAT"), tr("Penalty"), tr("Total, KZT")}, this)),
      m_bySite(new TextTableModel(
          {tr("Site"), tr("Units"), tr("VAT"), tr("Penalty"), tr("Total, KZT")}, this)),
      m_sites(new TextTableModel(
          {tr("Site"), tr("Operator"), tr("Inspections"), tr("Last inspected")}, this)),
      m_watcher(new QFutureWatcher<WorkOutcome<DashboardFigures>>(this))
{
    m_byEntity->setNumericColumns({1, 2, 3, 4});
    m_bySite->setNumericColumns({1, 2, 3, 4});
    m_sites->setNumericColumns({2});

    auto* cards = new QGridLayout();
    addCard(cards, 0, tr("In Kazakhstan"));
    addCard(cards, 1, tr("Locked today"));
    addCard(cards, 2, tr("Free to sell, move or export"));
    addCard(cards, 3, tr("Unlock in the next 30 days"));
    addCard(cards, 4, tr("Unlock in the next 90 days"));
    addCard(cards, 5, tr("Exit liability today"));

    m_message->setObjectName("dashboardMessage");
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    auto* chartBox = new QGroupBox(this);
    auto* chartLayout = new QVBoxLayout(chartBox);
    m_chartTitle->setText(tr("<b>Units unlocking per month, next 24 months</b> "
                             "(point at a bar for its customs value)"));
    chartLayout->addWidget(m_chartTitle);
    chartLayout->addWidget(m_chart, 1);

    // The liability by entity and by site share one place: each needs its five columns whole.
    auto* liability = new QTabWidget(this);
    liability->setObjectName("liabilityTabs");
    liability->addTab(tableFor(m_byEntity, this, "liabilityByEntity"),
                      tr("Contingent exit liability by entity"));
    liability->addTab(tableFor(m_bySite, this, "liabilityBySite"), tr("… by site"));
    auto* tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(liability);
    tables->addWidget(
        titled(tr("Last inspection per site"), tableFor(m_sites, this, "siteInspections"), this));
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);
    tables->setChildrenCollapsible(false);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(chartBox);
    split->addWidget(tables);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(cards);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_watcher, &QFutureWatcher<WorkOutcome<DashboardFigures>>::finished, this, [this] {
        const auto outcome = m_watcher->result();
        m_control.reset();
        if (m_again) {
            // The ledger changed while counting: count again rather than show stale figures.
            m_again = false;
            refresh();
            return;
        }
        if (outcome.value) {
            showFigures(*outcome.value);
        } else if (outcome.failure) {
            try {
                std::rethrow_exception(outcome.failure);
            } catch (const std::exception& error) {
                showFailure(toQString(error.what()));
            }
        }
        emit refreshed();
    });
    connect(&m_session, &LedgerSession::signedIn, this, &DashboardPage::refresh);
    connect(&m_session, &LedgerSession::ledgerChanged, this, &DashboardPage::refresh);
}

DashboardPage::~DashboardPage()
{
    if (m_control)
        m_control->cancel();
    m_watcher->waitForFinished();
}

QLabel* DashboardPage::addCard(QGridLayout* grid, int column, const QString& title)
{
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setObjectName("card");
    auto* layout = new QVBoxLayout(card);
    auto* caption = new QLabel(title, card);
    caption->setWordWrap(true);
    auto* value = new QLabel(QStringLiteral("…"), card);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value->setFont(big);
    auto* detail = new QLabel(card);
    detail->setWordWrap(true);
    layout->addWidget(caption);
    layout->addWidget(value);
    layout->addWidget(detail);
    layout->addStretch(1);
    grid->addWidget(card, 0, column);
    grid->setColumnStretch(column, 1);
    m_cardValues.insert(title, value);
    m_cardDetails.insert(title, detail);
    return value;
}

void DashboardPage::setCard(const QString& title, const QString& value, const QString& detail)
{
    if (auto* label = m_cardValues.value(title))
        label->setText(value);
    if (auto* label = m_cardDetails.value(title))
        label->setText(detail);
}

QString DashboardPage::cardValue(const QString& title) const
{
    auto* label = m_cardValues.value(title);
    return label ? label->text() : QString();
}

bool DashboardPage::isRefreshing() const
{
    return m_control != nullptr;
}

void DashboardPage::refresh()
{
    if (!m_session.isSignedIn())
        return;
    if (isRefreshing()) {
        m_again = true;
        return;
    }
    m_control = std::make_shared<WorkControl>();
    m_watcher->setFuture(runInWorker<DashboardFigures>(
        m_session.connectionFactory(), m_control,
        [](Ledger& ledger, WorkControl&) { return DashboardFigures::compute(ledger); }));
}

void DashboardPage::showFigures(const DashboardFigures& figures)
{
    m_figures = figures;
    m_message->setVisible(false);
    setCard(tr("In Kazakhstan"), count(figures.unitsInCountry), tr("units not exported"));
    setCard(tr("Locked today"), count(figures.locked), tr("may not be sold, moved or exported"));
    setCard(tr("Free to sell, move or export"), count(figures.unitsInCountry - figures.locked),
            tr("unlocked, released or never exempt"));
    setCard(tr("Unlock in the next 30 days"), count(figures.unlockIn30Days),
            tr("customs value\n%1").arg(tengeText(figures.valueIn30Days)));
    setCard(tr("Unlock in the next 90 days"), count(figures.unlockIn90Days),
            tr("customs value\n%1").arg(tengeText(figures.valueIn90Days)));
    if (figures.liabilityProblem.empty())
        setCard(tr("Exit liability today"), toQString(formatTenge(figures.liabilityTotal)),
                tr("KZT to exit every locked unit\non %1").arg(dateText(figures.today)));
    else
        setCard(tr("Exit liability today"), tr("cannot quote"),
                toQString(figures.liabilityProblem));

    QVector<UnlockChart::Month> months;
    for (const auto& month : DashboardFigures::monthsShown(figures.today)) {
        UnlockChart::Month bar{toQString(month), 0, Tiyn()};
        for (const auto& row : figures.nextMonths) {
            if (row.month == month) {
                bar.units += row.units;
                bar.customsValue += row.customsValue;
            }
        }
        months.append(bar);
    }
    m_chart->setMonths(std::move(months));

    const auto liabilityRows = [](const std::vector<LiabilityRow>& rows) {
        QVector<QStringList> out;
        for (const auto& row : rows)
            out.append({toQString(row.group), count(row.units),
                        toQString(formatTenge(row.principal)), toQString(formatTenge(row.penalty)),
                        toQString(formatTenge(row.total))});
        return out;
    };
    m_byEntity->setRows(liabilityRows(figures.liabilityByEntity));
    m_bySite->setRows(liabilityRows(figures.liabilityBySite));
    QVector<QStringList> sites;
    for (const auto& site : figures.sites)
        sites.append({toQString(site.site), toQString(site.siteOperator), count(site.inspections),
                      site.lastInspected ? dateText(*site.lastInspected) : tr("never")});
    m_sites->setRows(std::move(sites));
}

void DashboardPage::showFailure(const QString& message)
{
    m_message->setText(tr("The dashboard could not be read: %1").arg(message));
    m_message->setVisible(true);
}

} // namespace asicledger::gui
