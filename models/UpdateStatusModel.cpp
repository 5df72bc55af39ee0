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
    return parent.isValid() ? 0 : int(m_rows.size());
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
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const HostUpdateStatus &r = m_rows[size_t(index.row())];
    const int column = index.column();
    if (role == CategoryRole)
        return int(m_categories[size_t(index.row())]);
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
            return r.lastCheck < 0 ? tr("never") : ageText(m_now - r.lastCheck);
        case LastUpdateColumn:
            return r.lastUpdate < 0 ? tr("never") : ageText(m_now - r.lastUpdate);
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

void UpdateStatusModel::derive(size_t from)
{
    m_categories.resize(m_rows.size());
    m_searchKeys.resize(m_rows.size());
    for (size_t i = from; i < m_rows.size(); ++i) {
        const HostUpdateStatus &r = m_rows[i];
        m_categories[i] = quint8(UpdateCategory::categorize(r, m_now, m_enabled));
        m_searchKeys[i]
            = (r.hostName + u'\t' + r.site + u'\t' + r.folder + u'\t' + r.lastError).toLower();
    }
}

void UpdateStatusModel::recount()
{
    m_counts.fill(0);
    for (const quint8 c : m_categories)
        ++m_counts[c];
    Q_EMIT countsChanged();
}

void UpdateStatusModel::setRows(std::vector<HostUpdateStatus> rows, qint64 now,
                                bool deploymentEnabled)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_now = now;
    m_enabled = deploymentEnabled;
    derive(0);
    endResetModel();
    recount();
}

void UpdateStatusModel::appendRows(std::vector<HostUpdateStatus> batch)
{
    if (batch.empty())
        return;
    const size_t first = m_rows.size();
    beginInsertRows({}, int(first), int(first + batch.size() - 1));
    m_rows.insert(m_rows.end(), std::make_move_iterator(batch.begin()),
                  std::make_move_iterator(batch.end()));
    derive(first);
    endInsertRows();
    recount();
}

void UpdateStatusModel::updateRows(std::vector<HostUpdateStatus> rows, qint64 now,
                                   bool deploymentEnabled)
{
    bool sameHosts = rows.size() == m_rows.size() && !rows.empty();
    for (size_t i = 0; sameHosts && i < rows.size(); ++i)
        sameHosts = rows[i].hostName == m_rows[i].hostName;
    if (!sameHosts) {
        setRows(std::move(rows), now, deploymentEnabled);
        return;
    }
    m_rows = std::move(rows);
    m_now = now;
    m_enabled = deploymentEnabled;
    derive(0);
    // Most rows change at every refresh: one signal for the whole table.
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    recount();
}

void UpdateStatusModel::setNow(qint64 now)
{
    if (now == m_now)
        return;
    m_now = now;
    derive(0);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    recount();
}

void UpdateStatusModel::clear()
{
    setRows({}, m_now, m_enabled);
}

int UpdateStatusModel::rowOf(const QString &hostName) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].hostName == hostName)
            return int(i);
    }
    return -1;
}

bool UpdateStatusModel::lessThan(int column, int left, int right) const
{
    const HostUpdateStatus &a = m_rows[size_t(left)];
    const HostUpdateStatus &b = m_rows[size_t(right)];
    switch (column) {
    case HostColumn:
        return a.hostName < b.hostName;
    case SiteColumn:
        return a.site < b.site;
    case FolderColumn:
        return a.folder < b.folder;
    case RegisteredColumn:
        return a.registered < b.registered;
    case TargetColumn:
        return a.targetHash < b.targetHash;
    case DownloadedColumn:
        return a.downloadedHash < b.downloadedHash;
    case InstalledColumn:
        return a.installedHash < b.installedHash;
    case LastCheckColumn:
        return a.lastCheck < b.lastCheck;
    case LastUpdateColumn:
        return a.lastUpdate < b.lastUpdate;
    case CheckStateColumn:
        return a.checkState < b.checkState;
    case CheckOutputColumn:
        return a.checkOutput < b.checkOutput;
    case LastErrorColumn:
        return a.lastError < b.lastError;
    }
    return false;
}
