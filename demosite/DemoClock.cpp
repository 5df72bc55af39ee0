#include "DemoClock.h"

#include <QDateTime>

DemoClock::DemoClock(double scale, bool manual)
    : m_start(QDateTime::currentSecsSinceEpoch())
    , m_scale(scale)
    , m_manual(manual)
{
    m_elapsed.start();
}

qint64 DemoClock::now() const
{
    if (m_manual)
        return m_start + m_offset;
    return m_start + m_offset + qint64(double(m_elapsed.elapsed()) / 1000.0 * m_scale);
}

void DemoClock::advance(qint64 seconds)
{
    m_offset += seconds;
}
