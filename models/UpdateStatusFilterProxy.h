#pragma once

#include <QAbstractProxyModel>

#include <vector>

class UpdateStatusModel;

// Filters the status table by category and by a search over host, site, folder and error
// text, and sorts it on the real values. Sorting picks the model's precomputed order of the
// column (no comparisons at all); filtering walks that order and keeps the matching rows, so a
// keystroke never sorts again. Every change is one layout change that keeps selection and
// current row (persistent indexes are carried over).
class UpdateStatusFilterProxy final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateStatusFilterProxy)

public:
    explicit UpdateStatusFilterProxy(QObject *parent = nullptr);

    void setStatusModel(UpdateStatusModel *model);
    UpdateStatusModel *statusModel() const { return m_model; }
    // The status model's row shown at this row of the proxy (no bounds check: 0 <= row <
    // rowCount()); the grouping by site reads it for every row.
    int sourceRow(int proxyRow) const { return m_rows[size_t(proxyRow)]; }
    // Bit i set: category i is shown. All bits: no category filter.
    void setCategoryMask(quint32 mask);
    quint32 categoryMask() const { return m_mask; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }
    // Only the hosts monitored by this site; empty: every site.
    void setSiteFilter(const QString &site);
    QString siteFilter() const { return m_site; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool accepts(int sourceRow) const;
    void rebuild(); // m_rows and m_proxyRow from the order and the filter
    // One layout change around a rebuild, carrying persistent indexes over by source row.
    void beginRemap();
    void endRemap();
    void remap();

    UpdateStatusModel *m_model = nullptr;
    quint32 m_mask = ~0u;
    QString m_needle; // lower-case
    QString m_site;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_rows; // proxy row -> source row
    std::vector<int> m_proxyRow; // source row -> proxy row, -1 when filtered out
    bool m_remapping = false;
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource;
};
