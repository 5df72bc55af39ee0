#include "SiteConnectionEndpoints.h"

#include <QJsonArray>
#include <QJsonObject>

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;

QJsonObject statusConnection(const QString &site, const QJsonObject &connection)
{
    return { { u"connection"_s, connection },
             { u"proxy"_s, QJsonObject { { u"use_livestatus_daemon"_s, u"direct"_s } } },
             { u"connect_timeout"_s, 2 },
             { u"persistent_connection"_s, false },
             { u"url_prefix"_s, QString(u'/' + site + u'/') },
             { u"status_host"_s, QJsonObject { { u"status_host_set"_s, u"disabled"_s } } },
             { u"disable_in_status_gui"_s, false } };
}

QJsonObject configurationConnection(bool replicated, const QString &url)
{
    return { { u"enable_replication"_s, replicated },
             { u"url_of_remote_site"_s, url },
             { u"disable_remote_configuration"_s, replicated },
             { u"ignore_tls_errors"_s, false },
             { u"direct_login_to_web_gui_allowed"_s, true },
             { u"user_sync"_s, QJsonObject { { u"sync_with_ldap_connections"_s, u"all"_s } } },
             { u"replicate_event_console"_s, replicated },
             { u"replicate_extensions"_s, false },
             { u"message_broker_port"_s, 5672 },
             { u"is_trusted"_s, false } };
}

QJsonObject localSite(const DemoState &state)
{
    const QString alias = u"Local site %1"_s.arg(state.siteName());
    // The site itself: no replication, no logged_in (the document: nothing for the main site).
    return DemoReply::object(
        u"site_connection"_s, state.siteName(), alias,
        QJsonObject {
            { u"basic_settings"_s,
              QJsonObject { { u"alias"_s, alias }, { u"site_id"_s, state.siteName() } } },
            { u"status_connection"_s,
              statusConnection(state.siteName(),
                               QJsonObject { { u"socket_type"_s, u"local"_s } }) },
            { u"configuration_connection"_s, configurationConnection(false, QString()) } },
        base);
}

QJsonObject remoteSite(const DemoSiteOptions::RemoteSite &remote, int index)
{
    const QString alias = u"Remote site %1"_s.arg(remote.name);
    // Livestatus over TLS on the remote's host; the demo has no Livestatus, so the port is
    // only a plausible value (6557 and up).
    const QJsonObject connection { { u"socket_type"_s, u"tcp"_s },
                                   { u"host"_s, remote.url.host() },
                                   { u"port"_s, 6557 + index },
                                   { u"encrypted"_s, true },
                                   { u"verify"_s, true } };
    QJsonObject extensions {
        { u"basic_settings"_s,
          QJsonObject { { u"alias"_s, alias }, { u"site_id"_s, remote.name } } },
        { u"status_connection"_s, statusConnection(remote.name, connection) },
        // The document: the URL of the remote Checkmk including /check_mk/.
        { u"configuration_connection"_s,
          configurationConnection(true, remote.url.toString() + u'/') },
        { u"logged_in"_s, true },
    };
    return DemoReply::object(u"site_connection"_s, remote.name, alias, extensions, base);
}

} // namespace

void SiteConnectionEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("GET"_ba, base + u"/domain-types/site_connection/collections/all"_s,
               [&state](DemoRequest &) {
                   QJsonArray sites { localSite(state) };
                   const auto &remotes = state.options().remotes;
                   for (int i = 0; i < remotes.size(); ++i)
                       sites.append(remoteSite(remotes.at(i), i));
                   QJsonObject collection
                       = DemoReply::collection(u"site_connection"_s, sites, base);
                   collection.insert(u"id"_s, u"all"_s);
                   return DemoReply::json(collection);
               });
}
