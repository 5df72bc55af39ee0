#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

#include "DemoReply.h"
#include "DemoRequest.h"

// Maps method and path (below /{site}) to a handler. Patterns are segments with {name}
// placeholders: "/check_mk/api/1.0/objects/host_config/{host_name}".
class DemoRouter final
{
public:
    using Handler = std::function<DemoReply(DemoRequest &)>;
    // Control: the demo-only endpoints, for whoever holds the process's control token
    // ("Authorization: Bearer demo-control <token>"); no site user can reach them.
    enum class Auth { Bearer, Control, None };

    void add(const QByteArray &method, const QString &pattern, Handler handler,
             Auth auth = Auth::Bearer);

    struct Match
    {
        const Handler *handler = nullptr;
        Auth auth = Auth::Bearer;
        bool pathKnown = false; // some route has this path, but not this method
    };
    Match match(const QByteArray &method, const QString &sitePath,
                QHash<QString, QString> *params) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Handler handler;
        Auth auth;
    };
    static bool matches(const Route &route, const QStringList &segments,
                        QHash<QString, QString> *params);
    QList<Route> m_routes;
};
