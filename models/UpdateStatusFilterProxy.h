#pragma once

#include <QSortFilterProxyModel>

class UpdateStatusModel;

// Filters the status table by category and by a search over host, site, folder and error
// text; sorts on the real values, not on the formatted text.
class UpdateStatusFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateStatusFilterProxy)

public:
    explicit UpdateStatusFilterProxy(QObject *parent = nullptr);

    void setStatusModel(UpdateStatusModel *model);
    // Bit i set: category i is shown. All bits: no category filter.
    void setCategoryMask(quint32 mask);
    quint32 categoryMask() const { return m_mask; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    UpdateStatusModel *m_model = nullptr;
    quint32 m_mask = ~0u;
    QString m_needle; // lower-case
};
