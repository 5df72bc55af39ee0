#include "SiteGroupTreeView.h"

#include <QHeaderView>
#include <QPainter>

#include "SiteGroupProxy.h"

SiteGroupTreeView::SiteGroupTreeView(QWidget *parent)
    : QTreeView(parent)
{ }

void SiteGroupTreeView::drawRow(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    if (!SiteGroupProxy::isHeading(index)) {
        QTreeView::drawRow(painter, option, index);
        return;
    }
    painter->save();
    // A band in the window colour sets the heading apart from the hosts under it.
    painter->fillRect(option.rect, palette().brush(QPalette::Window));
    const int x = header()->sectionViewportPosition(header()->logicalIndex(0));
    const QRect branch(x, option.rect.y(), indentation(), option.rect.height());
    drawBranches(painter, branch, index);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette().color(QPalette::WindowText));
    const QRect text = QRect(branch.right() + 4, option.rect.y(), 0, option.rect.height())
                           .adjusted(0, 0, viewport()->width() - branch.right() - 8, 0);
    const QString full = index.data().toString();
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(bold).elidedText(full, Qt::ElideRight, text.width()));
    if (index == currentIndex() && hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = option.rect;
        focus.backgroundColor = palette().color(QPalette::Window);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, this);
    }
    painter->restore();
}
