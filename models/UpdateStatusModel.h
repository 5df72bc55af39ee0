#pragma once

#include <QAbstractTableModel>

#include <array>
#include <utility>
#include <vector>

#include "HostUpdateStatus.h"
#include "StatusRefresh.h"
#include "StatusTable.h"
#include "UpdateCategory.h"

// The per-host update status as a table: formatted text for display, the real values under
// RawValueRole, the category of each row, a precomputed search key and every column's sort
// order (StatusTable, derived in a worker). A refresh is applied as row removals, inserts and
// batched dataChanged (StatusRefresh), between batchStarted() and batchFinished().
class UpdateStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateStatusModel)

public:
    enum Column {
        HostColumn,
        SiteColumn,
        FolderColumn,
        RegisteredColumn,
        TargetColumn,
        DownloadedColumn,
        InstalledColumn,
        LastCheckColumn,
        LastUpdateColumn,
        CheckStateColumn,
        CheckOutputColumn,
        LastErrorColumn,
        ColumnCount
    };
    enum Role { RawValueRole = Qt::UserRole + 1, CategoryRole };

    static constexpr size_t MaxRemovedRanges = 32;

    explicit UpdateStatusModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces everything (one reset) with a table derived elsewhere (a worker).
    void setTable(StatusTable table);
    // Applies a refresh computed in a worker against the rows shown now.
    void applyRefresh(StatusRefresh refresh);
    // The same on the calling thread (tests, small tables).
    void setRows(std::vector<HostUpdateStatus> rows, qint64 now, bool deploymentEnabled);
    void appendRows(std::vector<HostUpdateStatus> batch);
    void updateRows(std::vector<HostUpdateStatus> rows, qint64 now, bool deploymentEnabled);
    void setNow(qint64 now);
    void clear();

    const StatusTable &table() const { return m_table; }
    // The rows shown, shared read-only (a worker diffs a refresh against them).
    std::shared_ptr<const std::vector<HostUpdateStatus>> rowsSnapshot() const
    {
        return m_table.rows;
    }
    const HostUpdateStatus &row(int r) const { return (*m_table.rows)[size_t(r)]; }
    UpdateCategory::Category category(int r) const
    {
        return UpdateCategory::Category(m_table.categories[size_t(r)]);
    }
    const QString &searchKey(int r) const { return m_table.searchKeys[size_t(r)]; }
    // Source rows in ascending order of a column's real value.
    const StatusTable::Order &order(int column) const { return *m_table.orders[size_t(column)]; }
    int count(UpdateCategory::Category c) const { return m_counts[size_t(c)]; }
    qint64 now() const { return m_table.now; }
    bool deploymentEnabled() const { return m_table.deploymentEnabled; }
    int rowOf(const QString &hostName) const;
    bool isApplyingBatch() const { return m_inBatch; }
    // The table replaced by the last setTable()/applyRefresh(), handed out so that the caller
    // can free its 100,000 strings off the UI thread (else they are freed at the next change).
    StatusTable takeRetired() { return std::exchange(m_retired, StatusTable()); }

    static QString ageText(qint64 seconds);

Q_SIGNALS:
    void countsChanged();
    // Around the steps of applyRefresh(): a proxy re-maps once at the end, not at every step.
    void batchStarted();
    void batchFinished();

private:
    void recount();

    StatusTable m_table;
    StatusTable m_retired;
    std::array<int, UpdateCategory::Count> m_counts {};
    bool m_inBatch = false;
};
