#pragma once

#include <QList>
#include <QWidget>

// A horizontal stacked bar of the hosts per category, with the share of each on hover.
class DistributionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributionBar)

public:
    struct Segment
    {
        QString label;
        int count = 0;
        QColor color;
    };

    explicit DistributionBar(QWidget *parent = nullptr);
    void setSegments(const QList<Segment> &segments);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int segmentAt(int x) const;
    QList<Segment> m_segments;
    int m_total = 0;
};
