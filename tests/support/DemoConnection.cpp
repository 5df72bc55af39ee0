#include "DemoConnection.h"

using namespace Qt::StringLiterals;

SiteConnection DemoConnection::make(const QString &server, const QString &site,
                                    const QByteArray &sha256, const QString &name)
{
    SiteConnection c;
    c.name = name;
    c.server = server;
    c.site = site;
    c.user = u"automation"_s;
    if (!sha256.isEmpty())
        c.pinnedSha256 = { QString::fromLatin1(sha256) };
    return c;
}

SiteConnection DemoConnection::make(quint16 port, const QByteArray &sha256, const QString &name)
{
    return make(u"127.0.0.1:%1"_s.arg(port), u"demo"_s, sha256, name);
}
