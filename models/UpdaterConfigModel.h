#pragma once

#include <QAbstractTableModel>

#include "UpdaterConfigView.h"

// The updater's effective configuration as a table: key, value (secrets masked until
// revealed) and the file it comes from.
class UpdaterConfigModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdaterConfigModel)

public:
    enum Column { KeyColumn, ValueColumn, SourceColumn, ColumnCount };
    enum Role { SecretRole = Qt::UserRole + 1, RawValueRole };

    explicit UpdaterConfigModel(QObject *parent = nullptr);

    void setEntries(QList<UpdaterConfigEntry> entries);
    const QList<UpdaterConfigEntry> &entries() const { return m_entries; }
    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_revealed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<UpdaterConfigEntry> m_entries;
    bool m_revealed = false;
};
