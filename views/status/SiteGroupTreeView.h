#pragma once

#include <QTreeView>

// The update status grouped by site: a tree view that paints a site's heading (SiteGroupProxy)
// across the whole row instead of in the first column only. QTreeView's own spanning would do
// that too, but it costs a persistent model index per row at every layout (some 20 ms at
// 100,000 rows); the heading rows are known from their index, at no cost.
class SiteGroupTreeView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteGroupTreeView)

public:
    explicit SiteGroupTreeView(QWidget *parent = nullptr);

protected:
    void drawRow(QPainter *painter, const QStyleOptionViewItem &option,
                 const QModelIndex &index) const override;
};
