#pragma once

#include <QAbstractListModel>

#include <memory>

class Inventory;

// The host names a completer offers for what has been typed: at most a screenful of them,
// looked up in the inventory's name index at every keystroke. A QCompleter over a list of all
// 100,000 names stalls the UI for hundreds of milliseconds per key; this stays at a binary
// search and a few dozen rows.
class HostNameCompletionModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostNameCompletionModel)

public:
    static constexpr qsizetype MaxRows = 50;

    explicit HostNameCompletionModel(QObject *parent = nullptr);

    void setInventory(std::shared_ptr<const Inventory> inventory);
    // The names starting with prefix (case-insensitively), in case-insensitive order.
    void setPrefix(const QString &prefix);
    QString prefix() const { return m_prefix; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Inventory> m_inventory;
    QString m_prefix;
    QStringList m_names;
};
