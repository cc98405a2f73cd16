#include "JournalTableModel.hpp"

#include "CoreText.hpp"
#include "Ledger.hpp"

#include <QScopeGuard>

namespace asicledger::gui {
namespace {

// The UTC day of a journal timestamp, to start the next page's query near where the last ended.
std::optional<Date> dayOf(const std::string& recordedAt)
{
    return parseDate(recordedAt.substr(0, 10));
}

} // namespace

JournalTableModel::JournalTableModel(Ledger& ledger, QObject* parent)
    : QAbstractTableModel(parent), m_ledger(ledger)
{}

void JournalTableModel::setFilter(const JournalFilter& filter)
{
    // No fetch from inside the reset signals: the rows are about to go.
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    beginResetModel();
    m_filter = filter;
    m_entries.clear();
    m_atEnd = false;
    m_lastError.clear();
    endResetModel();
}

void JournalTableModel::reload()
{
    setFilter(JournalFilter(m_filter));
}

bool JournalTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void JournalTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // A fetch from inside the insert signals would read the same page twice.
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    auto filter = m_filter;
    std::int64_t after = 0;
    if (!m_entries.empty()) {
        after = m_entries.back().seq;
        // Entries are in time order too, so the next page starts on the last entry's day.
        const auto day = dayOf(m_entries.back().recordedAt);
        if (day && (!filter.since || *filter.since < *day))
            filter.since = day;
    }
    std::vector<JournalEntry> page;
    try {
        JournalQuery(m_ledger).forEach(filter, /*withChanges=*/false,
                                       [&](const JournalEntry& entry) {
                                           if (entry.seq > after)
                                               page.push_back(entry);
                                           return page.size() < static_cast<std::size_t>(kPageSize);
                                       });
    } catch (const std::exception& error) {
        m_lastError = toQString(error.what());
        m_atEnd = true;
        return;
    }
    if (page.size() < static_cast<std::size_t>(kPageSize))
        m_atEnd = true;
    if (page.empty())
        return;
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_entries.insert(m_entries.end(), page.begin(), page.end());
    endInsertRows();
}

const JournalEntry* JournalTableModel::entryAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_entries.size()))
        return nullptr;
    return &m_entries[static_cast<std::size_t>(row)];
}

std::string JournalTableModel::entryChanges(int row) const
{
    const auto* entry = entryAt(row);
    if (!entry)
        return {};
    JournalFilter filter;
    filter.since = dayOf(entry->recordedAt);
    std::string changes;
    JournalQuery(m_ledger).forEach(filter, /*withChanges=*/true, [&](const JournalEntry& each) {
        if (each.seq == entry->seq)
            changes = each.changes;
        return each.seq < entry->seq;
    });
    return changes;
}

int JournalTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int JournalTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& entry = m_entries[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() == SeqColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return static_cast<qlonglong>(entry.seq);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SeqColumn:
        return static_cast<qlonglong>(entry.seq);
    case RecordedAtColumn:
        return toQString(entry.recordedAt);
    case UserColumn:
        return toQString(entry.userName);
    case ActionColumn:
        return toQString(entry.action);
    case SummaryColumn:
        return toQString(entry.summary);
    case ReasonColumn:
        return toQString(entry.reason);
    default:
        return {};
    }
}

QVariant JournalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("#");
    case RecordedAtColumn:
        return tr("Recorded (UTC)");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case SummaryColumn:
        return tr("What");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace asicledger::gui
