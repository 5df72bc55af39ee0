#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// A global setting of automatic agent updates that matters in a distributed set-up, either its
// global value or one site's view of it. The names of these settings are not published (site-api.md
// 7); the console uses extension names and says so. The whole value is kept as read, so that a
// write changes only the keys the console shows.
struct SiteSetting
{
    // {url, user}: the URL (including check_mk) of the central agent bakery and the automation
    // user the remote sites log in with there.
    static inline const QString centralBakery = QStringLiteral("agent_deployment_central_bakery");
    // {url, certificates}: the URL at which hosts reach a site, and the CA certificates (PEM)
    // handed to the updater for it.
    static inline const QString siteUrl = QStringLiteral("agent_deployment_site_url");
    static QStringList names() { return { centralBakery, siteUrl }; }

    QString varname;
    QString site; // empty: the global value
    QVariantMap value;
    // For a site: false when the site has a value of its own (a site-specific global setting),
    // true when it follows the global value. For the global value: true when never changed.
    bool isDefault = true;
    QByteArray etag; // as the site sent it

    QString url() const { return value.value(QStringLiteral("url")).toString(); }
    QString user() const { return value.value(QStringLiteral("user")).toString(); }
    QStringList certificates() const
    {
        return value.value(QStringLiteral("certificates")).toStringList();
    }
    bool siteSpecific() const { return !site.isEmpty() && !isDefault; }
};
