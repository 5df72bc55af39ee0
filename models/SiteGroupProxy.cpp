#include "SiteGroupProxy.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"

using namespace Qt::StringLiterals;

SiteGroupProxy::SiteGroupProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void SiteGroupProxy::setFilterProxy(UpdateStatusFilterProxy *proxy)
{
    if (proxy == m_filter)
        return;
    beginResetModel();
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = proxy;
    QAbstractProxyModel::setSourceModel(proxy);
    rebuild();
    endResetModel();
    if (!proxy)
        return;
    connect(proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            &SiteGroupProxy::beginResetModel);
    connect(proxy, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] {
        if (!m_remapping)
            beginRemap();
    });
    connect(proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_remapping)
            endRemap();
    });
    // The filter proxy changes its rows by layout changes only; should that ever change, a
    // reset keeps this model right.
    const auto beginReset = [this] {
        beginResetModel();
    };
    const auto endReset = [this] {
        rebuild();
        endResetModel();
    };
    connect(proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, beginReset);
    connect(proxy, &QAbstractItemModel::rowsInserted, this, endReset);
    connect(proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, beginReset);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, endReset);
    connect(proxy, &QAbstractItemModel::dataChanged, this, &SiteGroupProxy::forwardDataChanged);
    connect(proxy, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
}

void SiteGroupProxy::rebuild()
{
    m_groups.clear();
    m_rows.clear();
    m_groupOf.clear();
    m_childRow.clear();
    const UpdateStatusModel *model = m_filter ? m_filter->statusModel() : nullptr;
    if (!model)
        return;
    // Pass 1, over every host: its site's slot and the sites' counts. A set-up has a handful of
    // sites: a short list tried at the last hit first costs about one string comparison a row.
    std::vector<Group> found;
    const int hosts = model->rowCount();
    std::vector<int> slotOf(size_t(hosts), 0);
    size_t last = 0;
    for (int row = 0; row < hosts; ++row) {
        const QString &site = model->row(row).site;
        if (last >= found.size() || found[last].site != site) {
            last = 0;
            while (last < found.size() && found[last].site != site)
                ++last;
            if (last == found.size())
                found.push_back({ site, 0, 0, 0, {} });
        }
        Group &g = found[last];
        ++g.hosts;
        ++g.categories[size_t(model->category(row))];
        slotOf[size_t(row)] = int(last);
    }
    // Pass 2, over the rows shown (in the filter proxy's order): each row's place under its
    // site. Only the sites with a row shown get a heading, in name order.
    const int shown = m_filter->rowCount();
    m_groupOf.resize(size_t(shown));
    m_childRow.resize(size_t(shown));
    for (int row = 0; row < shown; ++row) {
        const int slot = slotOf[size_t(m_filter->sourceRow(row))];
        m_groupOf[size_t(row)] = slot;
        m_childRow[size_t(row)] = found[size_t(slot)].count++;
    }
    std::vector<int> byName(found.size());
    for (size_t i = 0; i < found.size(); ++i)
        byName[i] = int(i);
    std::sort(byName.begin(), byName.end(),
              [&found](int a, int b) { return found[size_t(a)].site < found[size_t(b)].site; });
    std::vector<int> groupOfSlot(found.size(), -1);
    int first = 0;
    for (const int slot : byName) {
        Group &g = found[size_t(slot)];
        if (g.count == 0)
            continue;
        g.first = first;
        first += g.count;
        groupOfSlot[size_t(slot)] = int(m_groups.size());
        m_groups.push_back(std::move(g));
    }
    m_rows.resize(size_t(shown));
    for (int row = 0; row < shown; ++row) {
        const int group = groupOfSlot[size_t(m_groupOf[size_t(row)])];
        m_groupOf[size_t(row)] = group;
        m_rows[size_t(m_groups[size_t(group)].first + m_childRow[size_t(row)])] = row;
    }
}

void SiteGroupProxy::beginRemap()
{
    m_remapping = true;
    Q_EMIT layoutAboutToBeChanged();
    m_savedProxy = persistentIndexList();
    m_savedSource.clear();
    m_savedSites.clear();
    m_savedSource.reserve(m_savedProxy.size());
    m_savedSites.reserve(m_savedProxy.size());
    // A row is found again by the filter proxy's index (which that proxy carries over); a
    // heading by its site.
    for (const QModelIndex &i : std::as_const(m_savedProxy)) {
        const bool heading = isHeading(i);
        m_savedSource << (heading ? QPersistentModelIndex()
                                  : QPersistentModelIndex(mapToSource(i)));
        m_savedSites << (heading ? groupSite(i.row()) : QString());
    }
}

void SiteGroupProxy::endRemap()
{
    rebuild();
    QModelIndexList to;
    to.reserve(m_savedProxy.size());
    for (qsizetype k = 0; k < m_savedProxy.size(); ++k) {
        if (isHeading(m_savedProxy.at(k))) {
            const int group = groupOf(m_savedSites.at(k));
            to << (group < 0 ? QModelIndex() : groupIndex(group, m_savedProxy.at(k).column()));
        } else {
            to << mapFromSource(m_savedSource.at(k));
        }
    }
    changePersistentIndexList(m_savedProxy, to);
    m_savedProxy.clear();
    m_savedSource.clear();
    m_savedSites.clear();
    m_remapping = false;
    Q_EMIT layoutChanged();
}

void SiteGroupProxy::forwardDataChanged()
{
    if (m_remapping || m_groups.empty())
        return;
    const int last = columnCount() - 1;
    Q_EMIT dataChanged(groupIndex(0), groupIndex(groupCount() - 1, last));
    for (int group = 0; group < groupCount(); ++group) {
        const QModelIndex heading = groupIndex(group);
        Q_EMIT dataChanged(index(0, 0, heading), index(groupRowCount(group) - 1, last, heading));
    }
}

int SiteGroupProxy::groupOf(const QString &site) const
{
    for (size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].site == site)
            return int(g);
    }
    return -1;
}

QModelIndex SiteGroupProxy::groupIndex(int group, int column) const
{
    return index(group, column);
}

QString SiteGroupProxy::headingText(int group) const
{
    const Group &g = m_groups[size_t(group)];
    QStringList counts;
    for (int c = 0; c < UpdateCategory::Count; ++c) {
        if (g.categories[size_t(c)] > 0)
            counts << u"%1 %2"_s.arg(UpdateCategory::name(UpdateCategory::Category(c)),
                                     QLocale().toString(g.categories[size_t(c)]));
    }
    const QString site = g.site.isEmpty() ? tr("(no site)") : g.site;
    const QString hosts = g.count == g.hosts
        ? tr("%n host(s)", nullptr, g.hosts)
        : tr("%1 of %n host(s) shown", nullptr, g.hosts).arg(QLocale().toString(g.count));
    return tr("%1 — %2: %3").arg(site, hosts, counts.join(u", "_s));
}

int SiteGroupProxy::filterRow(const QModelIndex &index) const
{
    if (!index.isValid() || isHeading(index))
        return -1;
    const Group &g = m_groups[size_t(index.internalId() - 1)];
    return m_rows[size_t(g.first + index.row())];
}

void SiteGroupProxy::sort(int column, Qt::SortOrder order)
{
    if (m_filter)
        m_filter->sort(column, order); // its layout change regroups here
}

QModelIndex SiteGroupProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    const int row = filterRow(proxyIndex);
    return row < 0 ? QModelIndex() : m_filter->index(row, proxyIndex.column());
}

QModelIndex SiteGroupProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_filter || !sourceIndex.isValid() || sourceIndex.row() >= int(m_groupOf.size()))
        return {};
    const size_t row = size_t(sourceIndex.row());
    return createIndex(m_childRow[row], sourceIndex.column(), quintptr(m_groupOf[row] + 1));
}

QModelIndex SiteGroupProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    if (!parent.isValid())
        return row < groupCount() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (!isHeading(parent) || parent.column() != 0 || row >= groupRowCount(parent.row()))
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SiteGroupProxy::parent(const QModelIndex &child) const
{
    if (!child.isValid() || isHeading(child))
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int SiteGroupProxy::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return groupCount();
    return isHeading(parent) && parent.column() == 0 ? groupRowCount(parent.row()) : 0;
}

int SiteGroupProxy::columnCount(const QModelIndex &) const
{
    return m_filter ? m_filter->columnCount() : 0;
}

bool SiteGroupProxy::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QModelIndex SiteGroupProxy::sibling(int row, int column, const QModelIndex &idx) const
{
    return index(row, column, parent(idx));
}

QVariant SiteGroupProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (!isHeading(index)) {
        if (role == HeadingRole)
            return false;
        if (role == SiteRole)
            return m_groups[size_t(index.internalId() - 1)].site;
        return m_filter->data(mapToSource(index), role);
    }
    switch (role) {
    case HeadingRole:
        return true;
    case SiteRole:
        return groupSite(index.row());
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return index.column() == 0 ? QVariant(headingText(index.row())) : QVariant();
    case Qt::FontRole: {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    default:
        return {};
    }
}

Qt::ItemFlags SiteGroupProxy::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // A heading can be the current item (to expand or collapse it) but is never selected: a
    // copy or an export takes hosts only.
    if (isHeading(index))
        return Qt::ItemIsEnabled;
    // Said outright, not asked down two proxies: a tree view asks for every row it lays out,
    // and "never has children" spares it a persistent-index lookup per row.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant SiteGroupProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_filter || orientation != Qt::Horizontal)
        return {};
    return m_filter->headerData(section, orientation, role);
}
