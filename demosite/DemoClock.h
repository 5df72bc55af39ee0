#pragma once

#include <QElapsedTimer>

// Simulated time of the demo site: real time times a scale, or a manual clock that moves only
// when told to (for tests).
class DemoClock final
{
public:
    DemoClock(double scale, bool manual);

    qint64 now() const; // epoch seconds, simulated
    void advance(qint64 seconds);
    bool isManual() const { return m_manual; }
    double scale() const { return m_scale; }

private:
    qint64 m_start; // epoch seconds at start
    QElapsedTimer m_elapsed;
    double m_scale;
    bool m_manual;
    qint64 m_offset = 0;
};
