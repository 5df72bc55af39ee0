#include "UpdaterConfigModel.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

UpdaterConfigModel::UpdaterConfigModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void UpdaterConfigModel::setEntries(QList<UpdaterConfigEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void UpdaterConfigModel::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
}

int UpdaterConfigModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int UpdaterConfigModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UpdaterConfigModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UpdaterConfigEntry &e = m_entries.at(index.row());
    if (role == SecretRole)
        return e.secret;
    if (role == RawValueRole)
        return m_revealed || !e.secret ? e.value : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return e.key;
        case ValueColumn:
            return UpdaterConfigView::readableValue(e.key, e.value, m_revealed);
        case SourceColumn:
            return UpdaterConfigView::sourceName(e.source);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn && e.overridesState)
            return tr("Overrides the value in cmk-update-agent.state: %1")
                .arg(UpdaterConfigView::readableValue(e.key, e.shadowedStateValue, m_revealed));
        if (index.column() == ValueColumn && (m_revealed || !e.secret))
            return UpdaterConfigView::displayValue(e.key, e.value, true).left(4000);
        break;
    case Qt::FontRole:
        if (index.column() == KeyColumn) {
            QFont f;
            f.setFamily(QStringLiteral("monospace"));
            return f;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant UpdaterConfigModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}
