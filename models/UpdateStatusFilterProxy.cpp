#include "UpdateStatusFilterProxy.h"

#include "UpdateStatusModel.h"

UpdateStatusFilterProxy::UpdateStatusFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void UpdateStatusFilterProxy::setStatusModel(UpdateStatusModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void UpdateStatusFilterProxy::setCategoryMask(quint32 mask)
{
    if (mask == m_mask)
        return;
    m_mask = mask;
    refilter();
}

void UpdateStatusFilterProxy::setSearchText(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    if (needle == m_needle)
        return;
    m_needle = needle;
    refilter();
}

void UpdateStatusFilterProxy::refilter()
{
    // One layout change instead of invalidateFilter()'s removal of every range that no longer
    // matches: with 100,000 rows and scattered matches that is the difference between a few
    // milliseconds and seconds.
    invalidate();
}

bool UpdateStatusFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model)
        return true;
    if (!(m_mask & (1u << m_model->category(sourceRow))))
        return false;
    return m_needle.isEmpty() || m_model->searchKey(sourceRow).contains(m_needle);
}

bool UpdateStatusFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_model->lessThan(left.column(), left.row(), right.row());
}
