#include "DistributionBar.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

DistributionBar::DistributionBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Distribution of hosts per category"));
}

void DistributionBar::setSegments(const QList<Segment> &segments)
{
    m_segments = segments;
    m_total = 0;
    for (const Segment &s : segments)
        m_total += s.count;
    QStringList parts;
    for (const Segment &s : segments) {
        if (s.count > 0)
            parts << tr("%1: %2").arg(s.label, QLocale().toString(s.count));
    }
    setAccessibleDescription(parts.join(QStringLiteral(", ")));
    update();
}

QSize DistributionBar::sizeHint() const
{
    return { 400, 18 };
}

QSize DistributionBar::minimumSizeHint() const
{
    return { 100, 18 };
}

int DistributionBar::segmentAt(int x) const
{
    if (m_total == 0)
        return -1;
    double left = 0;
    for (int i = 0; i < m_segments.size(); ++i) {
        const double w = double(width()) * m_segments.at(i).count / m_total;
        if (x >= left && x < left + w)
            return i;
        left += w;
    }
    return -1;
}

void DistributionBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRectF area = rect().adjusted(0, 2, -1, -2);
    if (m_total == 0) {
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(area);
        return;
    }
    double left = area.left();
    for (const Segment &s : std::as_const(m_segments)) {
        const double w = area.width() * s.count / m_total;
        if (w <= 0)
            continue;
        p.fillRect(QRectF(left, area.top(), w, area.height()), s.color);
        left += w;
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(area);
}

bool DistributionBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int i = segmentAt(help->pos().x());
        if (i >= 0) {
            const Segment &s = m_segments.at(i);
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2 hosts (%3 %)")
                                   .arg(s.label, QLocale().toString(s.count))
                                   .arg(QLocale().toString(100.0 * s.count / m_total, 'f', 1)),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}
