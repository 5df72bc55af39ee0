#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

// Faults injected by tests through the demo-control endpoint: a forced status, latency, a
// malformed or truncated body, a connection closed mid-reply, a redirect.
class DemoFaults final
{
public:
    enum class Body { Normal, Malformed, Truncated, Close };
    struct Fault
    {
        QString path; // below /check_mk/api/1.0 (or below /{site} when it starts with /check_mk)
        QByteArray method = "*";
        int status = 0;
        int latencyMs = 0;
        Body body = Body::Normal;
        QString redirectTo;
        int remaining = 0; // 0: until cleared
    };

    // Reads {path, method, status, latency_ms, body, redirect_to, count}; false with an error.
    bool add(const QJsonObject &spec, QString *error);
    void clear() { m_faults.clear(); }
    // The fault for this request, counting it down.
    std::optional<Fault> take(const QByteArray &method, const QString &sitePath);

private:
    QList<Fault> m_faults;
};
