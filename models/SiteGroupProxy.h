#pragma once

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>
#include <QPointer>

#include <array>
#include <vector>

#include "UpdateCategory.h"
#include "UpdateStatusFilterProxy.h" // complete: QPointer converts to it

// The update-status table grouped under one heading per site (distributed monitoring): a
// two-level tree over UpdateStatusFilterProxy. The headings are the sites in name order, each
// with its host and category counts; under a heading are that site's rows as the filter proxy
// shows them, so its sort order and its search and category filters apply inside each group.
// Built in two O(n) passes of integer bucketing (no item per row, no sorting): the rows keep
// the filter proxy's order, only split by site. The filter proxy's layout changes (a sort, a
// keystroke, a refresh) are one layout change here that carries selection, current row and the
// expanded headings over.
class SiteGroupProxy final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteGroupProxy)

public:
    enum Role { HeadingRole = Qt::UserRole + 100, SiteRole };

    explicit SiteGroupProxy(QObject *parent = nullptr);

    // nullptr detaches: no rows, and no work on the filter proxy's changes.
    void setFilterProxy(UpdateStatusFilterProxy *proxy);
    UpdateStatusFilterProxy *filterProxy() const { return m_filter; }

    int groupCount() const { return int(m_groups.size()); }
    QString groupSite(int group) const { return m_groups[size_t(group)].site; }
    // The rows under the heading (those the filters pass).
    int groupRowCount(int group) const { return m_groups[size_t(group)].count; }
    // Every host of the site and its category counts, whatever the filters.
    int groupHostCount(int group) const { return m_groups[size_t(group)].hosts; }
    int groupCategoryCount(int group, UpdateCategory::Category c) const
    {
        return m_groups[size_t(group)].categories[size_t(c)];
    }
    int groupOf(const QString &site) const; // -1 when no row of the site is shown
    QModelIndex groupIndex(int group, int column = 0) const;
    static bool isHeading(const QModelIndex &index)
    {
        return index.isValid() && index.internalId() == 0;
    }
    QString headingText(int group) const;
    // The filter proxy's row shown at `index` (-1 for a heading or an invalid index).
    int filterRow(const QModelIndex &index) const;

    // Sorting is the filter proxy's: the order inside every group.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString site;
        int first = 0; // in m_rows
        int count = 0;
        int hosts = 0;
        std::array<int, UpdateCategory::Count> categories {};
    };

    void rebuild();
    void beginRemap();
    void endRemap();
    void forwardDataChanged();

    // Guarded: the page may destroy the filter before this proxy (members die in reverse order).
    QPointer<UpdateStatusFilterProxy> m_filter;
    std::vector<Group> m_groups; // by site name
    std::vector<int> m_rows; // filter rows, group after group
    std::vector<int> m_groupOf; // filter row -> group
    std::vector<int> m_childRow; // filter row -> row under its heading
    bool m_remapping = false;
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource; // rows: the filter proxy's index
    QStringList m_savedSites; // headings: the site ("" for a row)
};
