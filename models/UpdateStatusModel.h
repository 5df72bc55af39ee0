#pragma once

#include <QAbstractTableModel>

#include <array>
#include <vector>

#include "HostUpdateStatus.h"
#include "UpdateCategory.h"

// The per-host update status as a table: formatted text for display, the real values under
// RawValueRole for sorting, the category of each row, and a precomputed search key so that a
// search over 100,000 rows stays within a keystroke.
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

    explicit UpdateStatusModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces everything (one reset).
    void setRows(std::vector<HostUpdateStatus> rows, qint64 now, bool deploymentEnabled);
    // Appends a batch (for handing rows over from a worker in steps).
    void appendRows(std::vector<HostUpdateStatus> batch);
    // New data for the same hosts: rows keep their identity (selection survives) when the hosts
    // are the same in the same order; otherwise it is a reset.
    void updateRows(std::vector<HostUpdateStatus> rows, qint64 now, bool deploymentEnabled);
    void setNow(qint64 now);
    void clear();

    const HostUpdateStatus &row(int r) const { return m_rows[size_t(r)]; }
    UpdateCategory::Category category(int r) const
    {
        return UpdateCategory::Category(m_categories[size_t(r)]);
    }
    const QString &searchKey(int r) const { return m_searchKeys[size_t(r)]; }
    int count(UpdateCategory::Category c) const { return m_counts[size_t(c)]; }
    qint64 now() const { return m_now; }
    bool deploymentEnabled() const { return m_enabled; }
    int rowOf(const QString &hostName) const;
    // Compares two rows on a column's real value (for the proxy's sort).
    bool lessThan(int column, int left, int right) const;

    static QString ageText(qint64 seconds);

Q_SIGNALS:
    void countsChanged();

private:
    void derive(size_t from);
    void recount();

    std::vector<HostUpdateStatus> m_rows;
    std::vector<quint8> m_categories;
    std::vector<QString> m_searchKeys;
    std::array<int, UpdateCategory::Count> m_counts {};
    qint64 m_now = 0;
    bool m_enabled = true;
};
