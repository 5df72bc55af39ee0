#include "SiteConnection.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString SiteConnection::sitePinKey(const QString &site, const QString &server)
{
    return site + u'@' + server.toLower();
}

QUrl SiteConnection::checkmkUrl() const
{
    const QString scheme = protocol == Protocol::Https ? u"https"_s : u"http"_s;
    return QUrl(scheme + u"://"_s + server + u'/' + site + u"/check_mk/"_s);
}

QUrl SiteConnection::apiBaseUrl() const
{
    return QUrl(checkmkUrl().toString() + u"api/1.0"_s);
}

QString SiteConnection::keychainKey() const
{
    // Percent-encoded parts: a '/' in a user name cannot make two triples one key. Host names
    // are case-insensitive.
    const auto part = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    };
    return u"secret/"_s + part(server.toLower()) + u'/' + part(site) + u'/' + part(user);
}

QString SiteConnection::legacyKeychainKey() const
{
    return u"connection/"_s + name + u"/secret"_s;
}

QString SiteConnection::validationError() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("SiteConnection", text);
    };
    if (name.trimmed().isEmpty())
        return tr("Name: enter a name for this connection.");
    static const QRegularExpression serverPattern(
        uR"(^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$)"_s);
    if (!serverPattern.match(server).hasMatch())
        return tr("Server: expected a host name or address, optionally with :port.");
    static const QRegularExpression sitePattern(u"^[A-Za-z0-9_]+$"_s);
    if (!sitePattern.match(site).hasMatch())
        return tr("Site: expected the site id (letters, digits, underscore).");
    if (user.trimmed().isEmpty())
        return tr("User: enter the automation user.");
    if (timeoutMs < 1000)
        return tr("Timeout: expected at least one second.");
    return {};
}

QVariantMap SiteConnection::toVariant() const
{
    QVariantMap sitePins;
    for (auto it = sitePinnedSha256.cbegin(); it != sitePinnedSha256.cend(); ++it)
        sitePins.insert(it.key(), it.value());
    return {
        { u"name"_s, name },
        { u"server"_s, server },
        { u"site"_s, site },
        { u"protocol"_s, protocol == Protocol::Https ? u"https"_s : u"http"_s },
        { u"user"_s, user },
        { u"trustedCertificates"_s, trustedCertificatesPem },
        { u"pinnedSha256"_s, pinnedSha256 },
        { u"insecure"_s, insecure },
        { u"timeoutMs"_s, timeoutMs },
        { u"sitePinnedSha256"_s, sitePins },
    };
}

SiteConnection SiteConnection::fromVariant(const QVariantMap &map)
{
    SiteConnection c;
    c.name = map.value(u"name"_s).toString();
    c.server = map.value(u"server"_s).toString();
    c.site = map.value(u"site"_s).toString();
    c.protocol
        = map.value(u"protocol"_s).toString() == u"http"_s ? Protocol::Http : Protocol::Https;
    c.user = map.value(u"user"_s).toString();
    c.trustedCertificatesPem = map.value(u"trustedCertificates"_s).toStringList();
    c.pinnedSha256 = map.value(u"pinnedSha256"_s).toStringList();
    c.insecure = map.value(u"insecure"_s).toBool();
    c.timeoutMs = map.value(u"timeoutMs"_s, 30000).toInt();
    const QVariantMap sitePins = map.value(u"sitePinnedSha256"_s).toMap();
    for (auto it = sitePins.cbegin(); it != sitePins.cend(); ++it)
        c.sitePinnedSha256.insert(it.key(), it.value().toStringList());
    return c;
}
