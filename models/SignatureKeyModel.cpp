#include "SignatureKeyModel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString dateText(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(u"yyyy-MM-dd"_s) : QString();
}

} // namespace

SignatureKeyModel::SignatureKeyModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{ }

void SignatureKeyModel::setKeys(const QList<SignatureKey> &keys)
{
    beginResetModel();
    m_keys = keys;
    endResetModel();
}

void SignatureKeyModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, Expires), index(rowCount() - 1, Expires));
}

void SignatureKeyModel::setExpiryIcons(const QIcon &warning, const QIcon &critical,
                                       const QIcon &expired)
{
    m_warningIcon = warning;
    m_criticalIcon = critical;
    m_expiredIcon = expired;
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, Expires), index(rowCount() - 1, Expires),
                           { Qt::DecorationRole });
}

const SignatureKey *SignatureKeyModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? &m_keys.at(row) : nullptr;
}

int SignatureKeyModel::rowOfKey(int id) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).id == id)
            return row;
    }
    return -1;
}

int SignatureKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int SignatureKeyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SignatureKeyModel::expiresText(const SignatureKey &key) const
{
    if (!key.notAfter.isValid())
        return tr("unknown");
    const QString date = dateText(key.notAfter);
    switch (key.expiryState(m_now)) {
    case SignatureKey::ExpiryState::Expired:
        return tr("%1 (expired)").arg(date);
    case SignatureKey::ExpiryState::Critical:
    case SignatureKey::ExpiryState::Warning: {
        // Spelled out: without a loaded translation %n would show as "day(s)".
        const qint64 days = key.daysLeft(m_now);
        return days == 1 ? tr("%1 (in 1 day)").arg(date)
                         : tr("%1 (in %2 days)").arg(date).arg(days);
    }
    case SignatureKey::ExpiryState::Ok:
        break;
    }
    return date;
}

QVariant SignatureKeyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SignatureKey &key = m_keys.at(index.row());
    const auto state = key.expiryState(m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Description:
            return key.alias;
        case Created:
            return dateText(key.created);
        case Expires:
            return expiresText(key);
        case By:
            return key.owner;
        case Digest:
            return key.md5Digest;
        case KeyId:
            return key.id;
        case InUse:
            return key.inUse ? tr("Yes") : tr("No");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == InUse && key.inUse)
            return tr("Used by the agent updater rule; it cannot be deleted.");
        if (index.column() == Expires && state != SignatureKey::ExpiryState::Ok)
            return state == SignatureKey::ExpiryState::Expired
                ? tr("This key has expired: agents signed with it are refused by the updater.")
                : tr("This key expires soon: create a new key and sign the agents with it.");
        break;
    case Qt::ForegroundRole:
        if (index.column() != Expires)
            break;
        switch (state) {
        case SignatureKey::ExpiryState::Warning:
            return QBrush(QColor(0x9a, 0x67, 0x00)); // dark amber, readable on white
        case SignatureKey::ExpiryState::Critical:
        case SignatureKey::ExpiryState::Expired:
            return QBrush(QColor(0xb0, 0x00, 0x20));
        case SignatureKey::ExpiryState::Ok:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() != Expires)
            break;
        switch (state) {
        case SignatureKey::ExpiryState::Warning:
            return m_warningIcon.isNull() ? QVariant() : QVariant(m_warningIcon);
        case SignatureKey::ExpiryState::Critical:
            return m_criticalIcon.isNull() ? QVariant() : QVariant(m_criticalIcon);
        case SignatureKey::ExpiryState::Expired:
            return m_expiredIcon.isNull() ? QVariant() : QVariant(m_expiredIcon);
        case SignatureKey::ExpiryState::Ok:
            break;
        }
        break;
    case KeyIdRole:
        return key.id;
    case ExpiryStateRole:
        return int(state);
    case SortRole:
        switch (index.column()) {
        case Created:
            return key.created;
        case Expires:
            return key.notAfter;
        case KeyId:
            return key.id;
        case InUse:
            return key.inUse;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant SignatureKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == InUse)
        return tr("Listed in the agent updater rule (such keys cannot be deleted)");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Description:
        return tr("Description");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case By:
        return tr("By");
    case Digest:
        return tr("Digest (MD5)");
    case KeyId:
        return tr("Key ID");
    case InUse:
        return tr("In use");
    }
    return {};
}
