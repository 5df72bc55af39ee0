#include "DemoFaults.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

bool DemoFaults::add(const QJsonObject &spec, QString *error)
{
    Fault f;
    f.path = spec.value(u"path"_s).toString();
    if (f.path.isEmpty() || !f.path.startsWith(u'/')) {
        *error = u"path: expected a path starting with /"_s;
        return false;
    }
    f.method = spec.value(u"method"_s).toString(u"*"_s).toUpper().toLatin1();
    f.status = spec.value(u"status"_s).toInt();
    if (f.status != 0 && (f.status < 200 || f.status > 599)) {
        *error = u"status: expected an HTTP status from 200 to 599"_s;
        return false;
    }
    f.latencyMs = spec.value(u"latency_ms"_s).toInt();
    const QString body = spec.value(u"body"_s).toString();
    if (body == u"malformed"_s)
        f.body = Body::Malformed;
    else if (body == u"truncated"_s)
        f.body = Body::Truncated;
    else if (body == u"close"_s)
        f.body = Body::Close;
    else if (!body.isEmpty()) {
        *error = u"body: expected malformed, truncated or close"_s;
        return false;
    }
    f.redirectTo = spec.value(u"redirect_to"_s).toString();
    f.remaining = spec.value(u"count"_s).toInt();
    m_faults.append(f);
    return true;
}

std::optional<DemoFaults::Fault> DemoFaults::take(const QByteArray &method, const QString &sitePath)
{
    static const QString api = u"/check_mk/api/1.0"_s;
    const QString apiPath = sitePath.startsWith(api) ? sitePath.mid(api.size()) : QString();
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &f = m_faults[i];
        if (f.method != "*" && f.method != method)
            continue;
        if (f.path != apiPath && f.path != sitePath)
            continue;
        const Fault hit = f;
        if (f.remaining > 0 && --f.remaining == 0)
            m_faults.removeAt(i);
        return hit;
    }
    return std::nullopt;
}
