#pragma once

#include <QList>

#include <functional>

#include "DistributedSite.h"
#include "SiteResult.h"
#include "SiteSetting.h"

class QJsonObject;
class QObject;
class RestClient;
class RestReply;

// The sites of a distributed set-up (the public site_connection collection) and the
// automatic-update settings that matter there, globally and per site. The per-site values are
// site-specific global settings, for which no interface is published: the client uses the
// extension endpoint /api/internal/objects/site_connection/{site}/global_setting/{varname} in the
// conventions of the internal global-settings API (site-api.md 3 and 7).
class SitesApi final
{
public:
    explicit SitesApi(RestClient *client)
        : m_client(client)
    { }

    using Sites = std::function<void(SiteResult<QList<DistributedSite>>)>;
    using Setting = std::function<void(SiteResult<SiteSetting>)>;
    // A write answers the setting's new ETag (empty when the site sent none).
    using Written = std::function<void(SiteResult<QByteArray>)>;

    RestReply *sites(QObject *context, Sites done) const;
    // `site` empty: the global value.
    RestReply *setting(const QString &varname, const QString &site, QObject *context,
                       Setting done) const;
    // Writes `setting.value` with If-Match `etag` ("*" overwrites): the global value, or a value
    // of the site's own.
    RestReply *setSetting(const SiteSetting &setting, const QByteArray &etag, QObject *context,
                          Written done) const;
    // Drops the site's own value: the site follows the global value again.
    RestReply *resetSiteSetting(const SiteSetting &setting, const QByteArray &etag,
                                QObject *context, Written done) const;

    // Reads one entry of the site_connection collection; nullopt (with `error`) when it lacks
    // the site's id.
    static std::optional<DistributedSite> readSite(const QJsonObject &object, ApiError *error);

private:
    RestClient *m_client;
};
