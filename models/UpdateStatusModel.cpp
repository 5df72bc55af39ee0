#include "UpdateStatusModel.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

UpdateStatusModel::UpdateStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int UpdateStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.size());
}

int UpdateStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UpdateStatusModel::ageText(qint64 s)
{
    if (s < 0)
        return tr("in the future");
    if (s < 60)
        return tr("just now");
    if (s < 3600)
        return tr("%n min ago", nullptr, int(s / 60));
    if (s < 86400)
        return tr("%n h ago", nullptr, int(s / 3600));
    return tr("%n day(s) ago", nullptr, int(s / 86400));
}

namespace {

QString hashPrefix(quint64 h)
{
    return h == 0 ? QStringLiteral("—") : HostUpdateStatus::hashText(h).left(8);
}

QString exactTime(qint64 t)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::LongFormat);
}

} // namespace

QVariant UpdateStatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_table.size()))
        return {};
    const HostUpdateStatus &r = row(index.row());
    const int column = index.column();
    if (role == CategoryRole)
        return int(m_table.categories[size_t(index.row())]);
    if (role == RawValueRole) {
        switch (column) {
        case HostColumn:
            return r.hostName;
        case SiteColumn:
            return r.site;
        case FolderColumn:
            return r.folder;
        case RegisteredColumn:
            return r.registered;
        case TargetColumn:
            return r.targetHash;
        case DownloadedColumn:
            return r.downloadedHash;
        case InstalledColumn:
            return r.installedHash;
        case LastCheckColumn:
            return r.lastCheck;
        case LastUpdateColumn:
            return r.lastUpdate;
        case CheckStateColumn:
            return int(r.checkState);
        case CheckOutputColumn:
            return r.checkOutput;
        case LastErrorColumn:
            return r.lastError;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case HostColumn:
            return r.hostName;
        case SiteColumn:
            return r.site;
        case FolderColumn:
            return r.folder;
        case RegisteredColumn:
            return r.registered ? tr("yes") : tr("no");
        case TargetColumn:
            return hashPrefix(r.targetHash);
        case DownloadedColumn:
            return hashPrefix(r.downloadedHash);
        case InstalledColumn:
            return hashPrefix(r.installedHash);
        case LastCheckColumn:
            return r.lastCheck < 0 ? tr("never") : ageText(m_table.now - r.lastCheck);
        case LastUpdateColumn:
            return r.lastUpdate < 0 ? tr("never") : ageText(m_table.now - r.lastUpdate);
        case CheckStateColumn:
            return HostUpdateStatus::stateText(r.checkState);
        case CheckOutputColumn:
            return r.checkOutput;
        case LastErrorColumn:
            return r.lastError;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case TargetColumn:
            return HostUpdateStatus::hashText(r.targetHash);
        case DownloadedColumn:
        case InstalledColumn: {
            const quint64 h = column == DownloadedColumn ? r.downloadedHash : r.installedHash;
            if (h == 0)
                return tr("none");
            return h == r.targetHash
                ? tr("%1 (the target)").arg(HostUpdateStatus::hashText(h))
                : tr("%1 (differs from the target %2)")
                      .arg(HostUpdateStatus::hashText(h), HostUpdateStatus::hashText(r.targetHash));
        }
        case LastCheckColumn:
            return r.lastCheck < 0 ? QVariant() : exactTime(r.lastCheck);
        case LastUpdateColumn:
            return r.lastUpdate < 0 ? QVariant() : exactTime(r.lastUpdate);
        case CheckOutputColumn:
            return r.checkOutput;
        case LastErrorColumn:
            return r.lastError;
        case HostColumn:
            return UpdateCategory::description(category(index.row()));
        }
        return {};
    }
    if (role == Qt::ForegroundRole) {
        if ((column == DownloadedColumn && r.downloadedHash != r.targetHash)
            || (column == InstalledColumn && r.installedHash != r.targetHash))
            return QBrush(QColor(0xb3, 0x5c, 0x00));
        if (column == CheckStateColumn) {
            static const QColor colors[] = { QColor(0x1e, 0x7e, 0x34), QColor(0xa6, 0x6f, 0x00),
                                             QColor(0xb3, 0x26, 0x1e), QColor(0x6c, 0x63, 0x7a) };
            return QBrush(colors[qBound(0, int(r.checkState), 3)]);
        }
        if (column == LastErrorColumn)
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        return {};
    }
    if (role == Qt::FontRole
        && (column == TargetColumn || column == DownloadedColumn || column == InstalledColumn)) {
        static const QFont mono = [] {
            QFont f(QStringLiteral("DejaVu Sans Mono"));
            f.setStyleHint(QFont::Monospace);
            return f;
        }();
        return mono;
    }
    if (role == Qt::DecorationRole && column == HostColumn) {
        return UpdateCategory::color(category(index.row()));
    }
    if (role == Qt::AccessibleTextRole && column == HostColumn)
        return QString(r.hostName + u", "_s + UpdateCategory::name(category(index.row())));
    return {};
}

QVariant UpdateStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case SiteColumn:
        return tr("Site");
    case FolderColumn:
        return tr("Folder");
    case RegisteredColumn:
        return tr("Registered");
    case TargetColumn:
        return role == Qt::ToolTipRole ? tr("Agent the site wants the host to run") : tr("Target");
    case DownloadedColumn:
        return tr("Downloaded");
    case InstalledColumn:
        return tr("Installed");
    case LastCheckColumn:
        return tr("Last check");
    case LastUpdateColumn:
        return tr("Last update");
    case CheckStateColumn:
        return tr("Update check");
    case CheckOutputColumn:
        return tr("Check output");
    case LastErrorColumn:
        return tr("Last error");
    }
    return {};
}

void UpdateStatusModel::recount()
{
    m_counts.fill(0);
    for (const quint8 c : m_table.categories)
        ++m_counts[c];
    Q_EMIT countsChanged();
}

void UpdateStatusModel::setTable(StatusTable table)
{
    beginResetModel();
    m_retired = std::exchange(m_table, std::move(table));
    endResetModel();
    recount();
}

void UpdateStatusModel::applyRefresh(StatusRefresh refresh)
{
    // Each removed range shifts the rows after it; beyond a few dozen scattered ranges one
    // reset is cheaper (the page then finds the selected host again by name).
    if (refresh.removed.size() > MaxRemovedRanges) {
        setTable(std::move(refresh.table));
        return;
    }
    m_inBatch = true;
    Q_EMIT batchStarted();
    const bool clockMoved = refresh.table.now != m_table.now
        || refresh.table.deploymentEnabled != m_table.deploymentEnabled;
    // Removals, last range first so that earlier positions stay valid. The rows shown are only
    // shrunk here; the new table replaces them once their positions match.
    if (!refresh.removed.empty()) {
        auto rows = std::make_shared<std::vector<HostUpdateStatus>>(*m_table.rows);
        for (const auto &[first, last] : refresh.removed) {
            beginRemoveRows({}, first, last);
            rows->erase(rows->begin() + first, rows->begin() + last + 1);
            m_table.categories.erase(m_table.categories.begin() + first,
                                     m_table.categories.begin() + last + 1);
            m_table.searchKeys.erase(m_table.searchKeys.begin() + first,
                                     m_table.searchKeys.begin() + last + 1);
            m_table.rows = rows;
            endRemoveRows();
        }
    }
    const int kept = int(m_table.size());
    // The new table: kept rows in their places, new hosts after them.
    if (refresh.inserted > 0) {
        beginInsertRows({}, kept, kept + refresh.inserted - 1);
        m_retired = std::exchange(m_table, std::move(refresh.table));
        endInsertRows();
    } else {
        m_retired = std::exchange(m_table, std::move(refresh.table));
    }
    if (kept > 0) {
        if (clockMoved || refresh.changed.size() > 64) {
            // Ages or categories move with the clock, or changes are scattered: one signal.
            Q_EMIT dataChanged(index(0, 0), index(kept - 1, ColumnCount - 1));
        } else {
            for (const auto &[first, last] : refresh.changed)
                Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        }
    }
    m_inBatch = false;
    Q_EMIT batchFinished();
    recount();
}

void UpdateStatusModel::setRows(std::vector<HostUpdateStatus> rows, qint64 now,
                                bool deploymentEnabled)
{
    setTable(StatusTable::derive(std::move(rows), now, deploymentEnabled));
}

void UpdateStatusModel::appendRows(std::vector<HostUpdateStatus> batch)
{
    if (batch.empty())
        return;
    std::vector<HostUpdateStatus> all
        = m_table.rows ? *m_table.rows : std::vector<HostUpdateStatus>();
    const int first = int(all.size());
    all.insert(all.end(), std::make_move_iterator(batch.begin()),
               std::make_move_iterator(batch.end()));
    StatusTable table = StatusTable::derive(std::move(all), m_table.now, m_table.deploymentEnabled);
    beginInsertRows({}, first, int(table.size()) - 1);
    m_table = std::move(table);
    endInsertRows();
    recount();
}

void UpdateStatusModel::updateRows(std::vector<HostUpdateStatus> rows, qint64 now,
                                   bool deploymentEnabled)
{
    const std::vector<HostUpdateStatus> none;
    applyRefresh(StatusRefresh::compute(m_table.rows ? *m_table.rows : none, std::move(rows), now,
                                        deploymentEnabled));
}

void UpdateStatusModel::setNow(qint64 now)
{
    if (now == m_table.now)
        return;
    m_table.recategorize(now, m_table.deploymentEnabled);
    if (m_table.size() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    recount();
}

void UpdateStatusModel::clear()
{
    setRows({}, m_table.now, m_table.deploymentEnabled);
}

int UpdateStatusModel::rowOf(const QString &hostName) const
{
    for (size_t i = 0; i < m_table.size(); ++i) {
        if ((*m_table.rows)[i].hostName == hostName)
            return int(i);
    }
    return -1;
}
