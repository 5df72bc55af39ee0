#include "DistributedSite.h"

#include <QUrl>

using namespace Qt::StringLiterals;

bool DistributedSite::parseUrl(const QString &url, Address *address)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != u"https"_s && u.scheme() != u"http"_s) || u.host().isEmpty())
        return false;
    const QStringList parts = u.path().split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != 2 || parts.at(1) != u"check_mk"_s)
        return false;
    address->https = u.scheme() == u"https"_s;
    const int defaultPort = address->https ? 443 : 80;
    address->server
        = u.port(defaultPort) == defaultPort ? u.host() : u"%1:%2"_s.arg(u.host()).arg(u.port());
    address->site = parts.at(0);
    return true;
}
