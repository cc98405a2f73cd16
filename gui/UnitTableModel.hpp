#pragma once

// moc (Qt 6.4) cannot parse GCC 12's <compare>, which core headers reach; it needs none of them
// to read the Q_OBJECT class below.
#ifndef Q_MOC_RUN
#include "LedgerConnection.hpp"
#include "UnitRegister.hpp"
#endif

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <optional>
#include <string>
#include <vector>

namespace asicledger::gui {

// The fleet as a table that stays smooth at a million units. Rows come from the core in pages of
// kPageSize, keyed by the last serial of the page before (never OFFSET), as the view scrolls
// (canFetchMore/fetchMore). Only a few pages are kept; a page evicted and scrolled back to is read
// again by its key. The total is counted on a worker thread with its own connection, so the first
// page paints without waiting for count(*).
class UnitTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SerialColumn,
        ModelColumn,
        LockStateColumn,
        UnlockDateColumn,
        DaysLeftColumn,
        SiteColumn,
        LegalOwnerColumn,
        StatusColumn,
        BeneficialOwnerColumn,
        CustomsValueColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 200;

    UnitTableModel(Ledger& ledger, ConnectionFactory openConnection, QObject* parent = nullptr);
    ~UnitTableModel() override;

    // Starts over with another filter: the loaded pages go, a new count starts.
    void setFilter(const UnitFilter& filter);
    const UnitFilter& filter() const { return m_filter; }
    // Reads the same filter again (after a write).
    void reload();
    // By serial (the default) or by unlock date, both paged by key. Other orders would need an
    // index and a keyed page in the core for each.
    void setOrder(UnitOrder order);
    UnitOrder order() const { return m_order; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);

    // The background count, once it has arrived.
    std::optional<std::int64_t> totalCount() const { return m_total; }
    bool isCounting() const { return m_countWatcher.isRunning(); }
    // What went wrong reading the last page or count (an unknown site name...), in the core's
    // words.
    QString lastError() const { return m_lastError; }

    // The unit on a row (its page is read again if it was evicted); null outside the rows.
    const UnitRecord* unitAt(int row) const;
    QString serialAt(int row) const;

    // At most this many pages stay in memory (at least 2).
    void setCacheLimit(int pages);
    int cachedPages() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void totalCountChanged();
    void orderChanged();
    void loadFailed(const QString& message);

private:
    // Where a page starts: after a serial, or after an (unlock date, id) in unlock order, where
    // the units without an unlock date (VAT paid, never locked) come first.
    struct PageKey
    {
        std::optional<std::string> serial;
        std::optional<Date> unlock;
        std::int64_t id = 0;
        std::int64_t withoutUnlock = 0; // such units listed before this page
    };
    struct Page
    {
        PageKey key;  // read after this
        PageKey next; // the key of the page after it
        int size = 0;
        std::optional<std::vector<UnitRecord>> rows; // empty once evicted
    };

    std::vector<UnitRecord> readPage(const PageKey& key) const;
    PageKey keyAfter(const PageKey& key, const std::vector<UnitRecord>& rows) const;
    const Page* loadedPage(int pageIndex) const;
    void evictFarFrom(int pageIndex) const;
    void startCount();
    void fail(const QString& message);

    Ledger& m_ledger;
    ConnectionFactory m_connect;
    UnitFilter m_filter;
    UnitOrder m_order = UnitOrder::BySerial;
    mutable std::vector<Page> m_pages;
    int m_rows = 0;
    bool m_atEnd = false;
    bool m_fetching = false;
    int m_cacheLimit = 16;
    std::optional<std::int64_t> m_total;
    QString m_lastError;
    struct CountResult
    {
        int generation = 0;
        std::optional<std::int64_t> count;
        QString error;
    };
    QFutureWatcher<CountResult> m_countWatcher;
    int m_countGeneration = 0;
};

} // namespace asicledger::gui
