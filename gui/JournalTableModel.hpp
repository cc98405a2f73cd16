#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "JournalQuery.hpp"
#endif

#include <QAbstractTableModel>
#include <vector>

namespace asicledger {
class Ledger;
}

namespace asicledger::gui {

// Journal entries in sequence order, read in pages as the view scrolls. The row images (which can
// be megabytes for a large import) are not held; entryChanges() reads one entry's on demand.
class JournalTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeqColumn,
        RecordedAtColumn,
        UserColumn,
        ActionColumn,
        SummaryColumn,
        ReasonColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 200;

    explicit JournalTableModel(Ledger& ledger, QObject* parent = nullptr);

    void setFilter(const JournalFilter& filter);
    void reload();
    const JournalEntry* entryAt(int row) const;
    // The row images of one entry, as the journal stores them (JSON).
    std::string entryChanges(int row) const;
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Ledger& m_ledger;
    JournalFilter m_filter;
    std::vector<JournalEntry> m_entries;
    bool m_atEnd = false;
    bool m_fetching = false;
    QString m_lastError;
};

} // namespace asicledger::gui
