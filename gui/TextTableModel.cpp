#include "TextTableModel.hpp"

namespace asicledger::gui {

TextTableModel::TextTableModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent), m_headers(std::move(headers))
{}

void TextTableModel::setRows(QVector<QStringList> rows, QVector<QVariant> keys)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_keys = std::move(keys);
    m_keys.resize(m_rows.size());
    m_toolTips = QVector<QString>(m_rows.size());
    endResetModel();
}

void TextTableModel::setTable(QStringList headers, QVector<QStringList> rows)
{
    beginResetModel();
    m_headers = std::move(headers);
    m_rows = std::move(rows);
    m_keys = QVector<QVariant>(m_rows.size());
    m_toolTips = QVector<QString>(m_rows.size());
    endResetModel();
}

void TextTableModel::appendRow(const QStringList& cells, const QVariant& key)
{
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(cells);
    m_keys.append(key);
    m_toolTips.append(QString());
    endInsertRows();
}

void TextTableModel::setRowToolTip(int row, const QString& toolTip)
{
    if (row < 0 || row >= m_toolTips.size())
        return;
    m_toolTips[row] = toolTip;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1), {Qt::ToolTipRole});
}

void TextTableModel::clear()
{
    setRows({});
}

QVariant TextTableModel::key(int row) const
{
    return row >= 0 && row < m_keys.size() ? m_keys[row] : QVariant();
}

QString TextTableModel::text(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_rows[row].size())
        return {};
    return m_rows[row][column];
}

int TextTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TextTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant TextTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), index.column());
    case Qt::ToolTipRole: {
        const auto& tip = m_toolTips[index.row()];
        return tip.isEmpty() ? QVariant(text(index.row(), index.column())) : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (m_numeric.contains(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::UserRole:
        return m_keys[index.row()];
    default:
        return {};
    }
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_headers.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_headers[section];
}

} // namespace asicledger::gui
