#include "DemoRouter.h"

#include <QUrl>

void DemoRouter::add(const QByteArray &method, const QString &pattern, Handler handler, Auth auth)
{
    m_routes.append({ method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler), auth });
}

bool DemoRouter::matches(const Route &route, const QStringList &segments,
                         QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &expected = route.segments.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}'))
            found.insert(expected.mid(1, expected.size() - 2),
                         QUrl::fromPercentEncoding(segments.at(i).toUtf8()));
        else if (expected != segments.at(i))
            return false;
    }
    *params = std::move(found);
    return true;
}

DemoRouter::Match DemoRouter::match(const QByteArray &method, const QString &sitePath,
                                    QHash<QString, QString> *params) const
{
    const QStringList segments = sitePath.split(u'/', Qt::SkipEmptyParts);
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> found;
        if (!matches(route, segments, &found))
            continue;
        if (route.method != method) {
            result.pathKnown = true;
            continue;
        }
        *params = std::move(found);
        result.handler = &route.handler;
        result.auth = route.auth;
        return result;
    }
    return result;
}
