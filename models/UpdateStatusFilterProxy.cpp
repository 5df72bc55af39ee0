#include "UpdateStatusFilterProxy.h"

#include "UpdateStatusModel.h"

UpdateStatusFilterProxy::UpdateStatusFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void UpdateStatusFilterProxy::setStatusModel(UpdateStatusModel *model)
{
    beginResetModel();
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    QAbstractProxyModel::setSourceModel(model);
    rebuild();
    endResetModel();
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            &UpdateStatusFilterProxy::beginResetModel);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    // Structural changes: one layout change; inside a batch (a refresh), one for the batch.
    const auto begin = [this] {
        if (!m_remapping)
            beginRemap();
    };
    const auto end = [this] {
        if (!m_model->isApplyingBatch())
            endRemap();
    };
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
    connect(model, &QAbstractItemModel::rowsInserted, this, end);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(model, &QAbstractItemModel::rowsRemoved, this, end);
    connect(model, &UpdateStatusModel::batchStarted, this, begin);
    connect(model, &UpdateStatusModel::batchFinished, this, [this] {
        if (m_remapping)
            endRemap();
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_model->isApplyingBatch())
            return; // batchFinished() covers it
        // Values changed (the clock moved): categories may no longer pass the filter.
        remap();
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    connect(model, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
}

void UpdateStatusFilterProxy::setCategoryMask(quint32 mask)
{
    if (mask == m_mask)
        return;
    m_mask = mask;
    remap();
}

void UpdateStatusFilterProxy::setSearchText(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    if (needle == m_needle)
        return;
    m_needle = needle;
    remap();
}

void UpdateStatusFilterProxy::setSiteFilter(const QString &site)
{
    if (site == m_site)
        return;
    m_site = site;
    remap();
}

void UpdateStatusFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column >= UpdateStatusModel::ColumnCount)
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    remap();
}

bool UpdateStatusFilterProxy::accepts(int sourceRow) const
{
    if (!(m_mask & (1u << m_model->category(sourceRow))))
        return false;
    if (!m_site.isEmpty() && m_model->row(sourceRow).site != m_site)
        return false;
    return m_needle.isEmpty() || m_model->searchKey(sourceRow).contains(m_needle);
}

void UpdateStatusFilterProxy::rebuild()
{
    m_rows.clear();
    const int n = m_model ? m_model->rowCount() : 0;
    m_proxyRow.assign(size_t(n), -1);
    if (n == 0)
        return;
    m_rows.reserve(size_t(n));
    // The filter runs in source order (the search keys lie in memory in that order); the
    // sorted walk then reads only this small table, not 100,000 strings in random order.
    std::vector<bool> pass(static_cast<size_t>(n), false);
    for (int source = 0; source < n; ++source)
        pass[size_t(source)] = accepts(source);
    const auto take = [this, &pass](int source) {
        if (pass[size_t(source)]) {
            m_proxyRow[size_t(source)] = int(m_rows.size());
            m_rows.push_back(source);
        }
    };
    if (m_sortColumn < 0) {
        for (int source = 0; source < n; ++source)
            take(source);
    } else {
        const auto &order = m_model->order(m_sortColumn);
        if (m_sortOrder == Qt::AscendingOrder) {
            for (const quint32 source : order)
                take(int(source));
        } else {
            // Descending is the ascending order read backwards.
            for (auto it = order.crbegin(); it != order.crend(); ++it)
                take(int(*it));
        }
    }
}

void UpdateStatusFilterProxy::beginRemap()
{
    m_remapping = true;
    Q_EMIT layoutAboutToBeChanged();
    m_savedProxy = persistentIndexList();
    m_savedSource.clear();
    m_savedSource.reserve(m_savedProxy.size());
    for (const QModelIndex &i : std::as_const(m_savedProxy))
        m_savedSource << QPersistentModelIndex(mapToSource(i));
}

void UpdateStatusFilterProxy::endRemap()
{
    rebuild();
    QModelIndexList to;
    to.reserve(m_savedSource.size());
    for (const QPersistentModelIndex &source : std::as_const(m_savedSource))
        to << mapFromSource(source);
    changePersistentIndexList(m_savedProxy, to);
    m_savedProxy.clear();
    m_savedSource.clear();
    m_remapping = false;
    Q_EMIT layoutChanged();
}

void UpdateStatusFilterProxy::remap()
{
    beginRemap();
    endRemap();
}

QModelIndex UpdateStatusFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.row() >= int(m_rows.size()))
        return {};
    return m_model->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex UpdateStatusFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.row() >= int(m_proxyRow.size()))
        return {};
    const int row = m_proxyRow[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex UpdateStatusFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_rows.size()) || column < 0
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex UpdateStatusFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

int UpdateStatusFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UpdateStatusFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool UpdateStatusFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QModelIndex UpdateStatusFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

QVariant UpdateStatusFilterProxy::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    // Columns are the model's own (also when no row passes the filter).
    if (!m_model)
        return {};
    if (orientation == Qt::Horizontal)
        return m_model->headerData(section, orientation, role);
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}
