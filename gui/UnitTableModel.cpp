#include "UnitTableModel.hpp"

#include "CoreText.hpp"
#include "LedgerError.hpp"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>
#include <cstdlib>

namespace asicledger::gui {

UnitTableModel::UnitTableModel(Ledger& ledger, ConnectionFactory openConnection, QObject* parent)
    : QAbstractTableModel(parent), m_ledger(ledger), m_connect(std::move(openConnection))
{
    connect(&m_countWatcher, &QFutureWatcher<CountResult>::finished, this, [this] {
        const auto result = m_countWatcher.result();
        if (result.generation != m_countGeneration)
            return; // a count for a filter no longer shown
        if (!result.error.isEmpty()) {
            fail(result.error);
            return;
        }
        m_total = result.count;
        emit totalCountChanged();
    });
    setFilter({});
}

UnitTableModel::~UnitTableModel()
{
    // The count holds its own connection and clock; it only has to finish before the watcher goes.
    m_countWatcher.waitForFinished();
}

void UnitTableModel::setFilter(const UnitFilter& filter)
{
    // No fetch from inside the reset signals: the rows are about to go.
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    beginResetModel();
    m_filter = filter;
    m_pages.clear();
    m_rows = 0;
    m_atEnd = false;
    m_total.reset();
    m_lastError.clear();
    endResetModel();
    startCount();
    emit totalCountChanged();
}

void UnitTableModel::reload()
{
    setFilter(UnitFilter(m_filter));
}

void UnitTableModel::startCount()
{
    const int generation = ++m_countGeneration;
    auto openConnection = m_connect;
    auto filter = m_filter;
    m_countWatcher.setFuture(QtConcurrent::run([openConnection, filter, generation] {
        CountResult result{generation, std::nullopt, {}};
        try {
            auto connection = openConnection();
            result.count = UnitRegister(connection->ledger()).count(filter);
        } catch (const std::exception& error) {
            result.error = toQString(error.what());
        }
        return result;
    }));
}

void UnitTableModel::fail(const QString& message)
{
    m_lastError = message;
    m_atEnd = true;
    emit loadFailed(message);
}

std::vector<UnitRecord> UnitTableModel::readPage(const PageKey& key) const
{
    UnitRegister units(m_ledger);
    if (m_order == UnitOrder::BySerial)
        return units.page(m_filter, kPageSize, key.serial);
    // Keyed by (unlock date, id): the core's unlock-ordered stream, started at the key's date by
    // the filter (so SQLite seeks in unit_by_unlock), passing only the rows of that date already
    // shown. Units without an unlock date come first; they are passed by count.
    auto filter = m_filter;
    std::int64_t skip = 0;
    if (key.unlock) {
        const auto dayBefore = *key.unlock - boost::gregorian::days(1);
        if (!filter.unlocksAfter || *filter.unlocksAfter < dayBefore)
            filter.unlocksAfter = dayBefore;
    } else {
        skip = key.withoutUnlock;
    }
    std::vector<UnitRecord> rows;
    units.forEach(filter, UnitOrder::ByUnlockDate, [&](const UnitRecord& unit) {
        if (key.unlock) {
            if (unit.lock && unit.lock->unlockDate() == *key.unlock && unit.id <= key.id)
                return true;
        } else if (skip > 0) {
            --skip;
            return true;
        }
        rows.push_back(unit);
        return rows.size() < static_cast<std::size_t>(kPageSize);
    });
    return rows;
}

UnitTableModel::PageKey UnitTableModel::keyAfter(const PageKey& key,
                                                 const std::vector<UnitRecord>& rows) const
{
    PageKey next = key;
    if (rows.empty())
        return next;
    const auto& last = rows.back();
    next.serial = last.serial;
    for (const auto& unit : rows)
        next.withoutUnlock += unit.lock ? 0 : 1;
    if (last.lock) {
        next.unlock = last.lock->unlockDate();
        next.id = last.id;
    }
    return next;
}

void UnitTableModel::setOrder(UnitOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    reload();
    emit orderChanged();
}

bool UnitTableModel::isSortable(int column)
{
    return column == SerialColumn || column == UnlockDateColumn || column == DaysLeftColumn;
}

void UnitTableModel::sort(int column, Qt::SortOrder)
{
    // Ascending only: the core pages forwards. A column it cannot order by leaves the order as
    // it is, and orderChanged lets the view put its indicator back.
    if (column == SerialColumn)
        setOrder(UnitOrder::BySerial);
    else if (column == UnlockDateColumn || column == DaysLeftColumn)
        setOrder(UnitOrder::ByUnlockDate);
    else
        emit orderChanged();
}

bool UnitTableModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() || m_atEnd || m_fetching)
        return false;
    return !m_total || m_rows < *m_total;
}

void UnitTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // Views and testers may ask for more from inside the insert signals; the page being added is
    // not in m_pages yet, so a nested fetch would read it twice.
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    Page page;
    if (!m_pages.empty())
        page.key = m_pages.back().next;
    std::vector<UnitRecord> rows;
    try {
        rows = readPage(page.key);
    } catch (const std::exception& error) {
        fail(toQString(error.what()));
        return;
    }
    if (rows.size() < static_cast<std::size_t>(kPageSize))
        m_atEnd = true;
    if (rows.empty())
        return;
    page.size = static_cast<int>(rows.size());
    page.next = keyAfter(page.key, rows);
    page.rows = std::move(rows);
    beginInsertRows({}, m_rows, m_rows + page.size - 1);
    m_pages.push_back(std::move(page));
    m_rows += m_pages.back().size;
    endInsertRows();
    evictFarFrom(static_cast<int>(m_pages.size()) - 1);
}

const UnitTableModel::Page* UnitTableModel::loadedPage(int pageIndex) const
{
    if (pageIndex < 0 || pageIndex >= static_cast<int>(m_pages.size()))
        return nullptr;
    auto& page = m_pages[static_cast<std::size_t>(pageIndex)];
    if (!page.rows) {
        try {
            auto rows = readPage(page.key);
            // Someone may have written since the page was first read; keep the row count the
            // view knows, and reload() when our own writes change it.
            rows.resize(std::min(rows.size(), static_cast<std::size_t>(page.size)));
            page.rows = std::move(rows);
        } catch (const std::exception&) {
            return nullptr;
        }
        evictFarFrom(pageIndex);
    }
    return &page;
}

void UnitTableModel::evictFarFrom(int pageIndex) const
{
    int loaded = 0;
    for (const auto& page : m_pages)
        loaded += page.rows ? 1 : 0;
    while (loaded > m_cacheLimit) {
        int farthest = -1;
        for (int i = 0; i < static_cast<int>(m_pages.size()); ++i) {
            if (m_pages[static_cast<std::size_t>(i)].rows &&
                (farthest < 0 || std::abs(i - pageIndex) > std::abs(farthest - pageIndex)))
                farthest = i;
        }
        if (farthest < 0 || farthest == pageIndex)
            break;
        m_pages[static_cast<std::size_t>(farthest)].rows.reset();
        --loaded;
    }
}

void UnitTableModel::setCacheLimit(int pages)
{
    m_cacheLimit = std::max(2, pages);
    evictFarFrom(static_cast<int>(m_pages.size()) - 1);
}

int UnitTableModel::cachedPages() const
{
    int loaded = 0;
    for (const auto& page : m_pages)
        loaded += page.rows ? 1 : 0;
    return loaded;
}

const UnitRecord* UnitTableModel::unitAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const auto* page = loadedPage(row / kPageSize);
    const auto offset = static_cast<std::size_t>(row % kPageSize);
    if (!page || offset >= page->rows->size())
        return nullptr;
    return &(*page->rows)[offset];
}

QString UnitTableModel::serialAt(int row) const
{
    const auto* unit = unitAt(row);
    return unit ? toQString(unit->serial) : QString();
}

int UnitTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int UnitTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnitTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::TextAlignmentRole && role != Qt::ForegroundRole &&
        role != Qt::UserRole && role != Qt::ToolTipRole)
        return {};
    const auto* unit = unitAt(index.row());
    if (!unit)
        return {};
    const auto today = m_ledger.today();
    const auto state = unit->lockStateOn(today);
    switch (role) {
    case Qt::UserRole:
        return toQString(unit->serial);
    case Qt::TextAlignmentRole:
        if (index.column() == DaysLeftColumn || index.column() == CustomsValueColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Locked rows in the ledger's warning colour, so a clerk sees them before trying a sale.
        if (index.column() == LockStateColumn && unit->isLockedOn(today))
            return QBrush(QColor(0xb0, 0x40, 0x00));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LockStateColumn && unit->lock)
            return tr("Lock ends %1; may be sold, moved or exported from %2")
                .arg(dateText(unit->lock->lockEnd()), dateText(unit->lock->unlockDate()));
        return {};
    default:
        break;
    }
    switch (index.column()) {
    case SerialColumn:
        return toQString(unit->serial);
    case ModelColumn:
        return toQString(unit->manufacturer + " " + unit->model);
    case LegalOwnerColumn:
        return toQString(unit->legalOwner);
    case BeneficialOwnerColumn:
        return unit->beneficialOwner ? toQString(*unit->beneficialOwner) : QString();
    case SiteColumn:
        return toQString(unit->site);
    case StatusColumn:
        return toQString(toText(unit->status));
    case LockStateColumn:
        return toQString(toText(state));
    case UnlockDateColumn:
        return unit->lock ? dateText(unit->lock->unlockDate()) : QString();
    case DaysLeftColumn: {
        const auto days = unit->daysUntilUnlock(today);
        return days > 0 ? countText(days) : QString();
    }
    case CustomsValueColumn:
        return toQString(formatTenge(unit->customsValue));
    default:
        return {};
    }
}

QVariant UnitTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SerialColumn:
        return tr("Serial");
    case ModelColumn:
        return tr("Model");
    case LegalOwnerColumn:
        return tr("Legal owner");
    case BeneficialOwnerColumn:
        return tr("Beneficial owner");
    case SiteColumn:
        return tr("Site");
    case StatusColumn:
        return tr("Status");
    case LockStateColumn:
        return tr("Lock");
    case UnlockDateColumn:
        return tr("Unlocks on");
    case DaysLeftColumn:
        return tr("Days left");
    case CustomsValueColumn:
        return tr("Customs value, KZT");
    default:
        return {};
    }
}

} // namespace asicledger::gui
