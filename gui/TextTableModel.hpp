#pragma once

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace asicledger::gui {

// A small read-only table of texts the core has already answered: import problems, a unit's
// history, discrepancies, pending exits, liability rows. Each row may carry a key (a serial, an
// id) under Qt::UserRole so a page can act on the selected rows. Large lists (units, the journal)
// have paged models of their own.
class TextTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit TextTableModel(QStringList headers, QObject* parent = nullptr);

    // Right-aligned columns (amounts, counts, dates line up).
    void setNumericColumns(QSet<int> columns) { m_numeric = std::move(columns); }
    void setRows(QVector<QStringList> rows, QVector<QVariant> keys = {});
    // New columns and rows at once (a preview whose header comes from the file).
    void setTable(QStringList headers, QVector<QStringList> rows);
    void appendRow(const QStringList& cells, const QVariant& key = {});
    // A tooltip for a whole row (the full text of a long reason).
    void setRowToolTip(int row, const QString& toolTip);
    void clear();

    QVariant key(int row) const;
    QString text(int row, int column) const;
    QStringList headers() const { return m_headers; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QVector<QStringList> m_rows;
    QVector<QVariant> m_keys;
    QVector<QString> m_toolTips;
    QSet<int> m_numeric;
};

} // namespace asicledger::gui
