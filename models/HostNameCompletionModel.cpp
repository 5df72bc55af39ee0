#include "HostNameCompletionModel.h"

#include "Inventory.h"

using namespace Qt::StringLiterals;

HostNameCompletionModel::HostNameCompletionModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void HostNameCompletionModel::setInventory(std::shared_ptr<const Inventory> inventory)
{
    m_inventory = std::move(inventory);
    const QString prefix = m_prefix;
    m_prefix = u"\n"_s; // differs from any typed text: forces the refill
    setPrefix(prefix);
}

void HostNameCompletionModel::setPrefix(const QString &prefix)
{
    if (prefix == m_prefix)
        return;
    m_prefix = prefix;
    QStringList names;
    // Nothing typed: no list (every host would match, and nobody reads 100,000 names).
    if (m_inventory && !prefix.isEmpty()) {
        for (const qsizetype host : m_inventory->withPrefix(prefix, MaxRows))
            names << m_inventory->name(host).toString();
    }
    if (names == m_names)
        return;
    beginResetModel();
    m_names = std::move(names);
    endResetModel();
}

int HostNameCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant HostNameCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_names.size())
        return {};
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return m_names.at(index.row());
    return {};
}
