#include "SitesApi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include "SiteCall.h"

using namespace Qt::StringLiterals;

namespace {
const QString sitesPath = u"/domain-types/site_connection/collections/all"_s;

QString encoded(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

RestRequest internal(RestRequest r)
{
    r.base = RestRequest::Base::InternalApi;
    return r;
}

QString settingPath(const QString &varname, const QString &site)
{
    if (site.isEmpty())
        return u"/objects/global_setting/"_s + encoded(varname);
    return u"/objects/site_connection/%1/global_setting/%2"_s.arg(encoded(site), encoded(varname));
}

QByteArray ifMatch(const QByteArray &etag)
{
    // No ETag known means the write must not pass.
    return etag.isEmpty() ? QByteArray("\"\"") : etag;
}

ApiError malformed(const QString &detail)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedReply;
    e.title = QObject::tr("The site's reply has an unexpected shape");
    e.detail = detail;
    return e;
}
} // namespace

std::optional<DistributedSite> SitesApi::readSite(const QJsonObject &object, ApiError *error)
{
    const QJsonObject ext = object.value(u"extensions"_s).toObject();
    const QJsonObject basic = ext.value(u"basic_settings"_s).toObject();
    DistributedSite site;
    site.id = basic.value(u"site_id"_s).toString(object.value(u"id"_s).toString());
    if (site.id.isEmpty()) {
        *error = malformed(QObject::tr("site_connection: an entry without a site id."));
        return std::nullopt;
    }
    site.alias = basic.value(u"alias"_s).toString(object.value(u"title"_s).toString());
    const QJsonObject config = ext.value(u"configuration_connection"_s).toObject();
    const QJsonObject status = ext.value(u"status_connection"_s).toObject();
    site.url = config.value(u"url_of_remote_site"_s).toString();
    site.replication = config.value(u"enable_replication"_s).toBool();
    const QString socket
        = status.value(u"connection"_s).toObject().value(u"socket_type"_s).toString();
    // The document: the local site's connection is a local socket and has no login; a remote
    // site is reached over the network and the central logs in to it.
    if (socket == u"local"_s)
        site.state = DistributedSite::State::Local;
    else if (status.value(u"disable_in_status_gui"_s).toBool())
        site.state = DistributedSite::State::Disabled;
    else if (ext.value(u"logged_in"_s).toBool())
        site.state = DistributedSite::State::LoggedIn;
    else
        site.state = DistributedSite::State::NotLoggedIn;
    return site;
}

RestReply *SitesApi::sites(QObject *context, Sites done) const
{
    return SiteCall::send<QList<DistributedSite>>(
        m_client, RestRequest::get(sitesPath), context,
        [](const RestResult &r, ApiError *error) -> std::optional<QList<DistributedSite>> {
            const QJsonValue value = r.json.object().value(u"value"_s);
            if (!value.isArray()) {
                *error = malformed(QObject::tr("site_connection: expected an array \"value\"."));
                return std::nullopt;
            }
            QList<DistributedSite> out;
            for (const QJsonValue &v : value.toArray()) {
                auto site = readSite(v.toObject(), error);
                if (!site)
                    return std::nullopt;
                out.append(*site);
            }
            return out;
        },
        std::move(done));
}

RestReply *SitesApi::setting(const QString &varname, const QString &site, QObject *context,
                             Setting done) const
{
    return SiteCall::send<SiteSetting>(
        m_client, internal(RestRequest::get(settingPath(varname, site))), context,
        [varname, site](const RestResult &r, ApiError *error) -> std::optional<SiteSetting> {
            const QJsonObject o = r.json.object();
            const QJsonValue value = o.value(u"value"_s);
            if (!value.isObject()) {
                *error = malformed(QObject::tr("%1: expected a dictionary.").arg(varname));
                return std::nullopt;
            }
            SiteSetting s;
            s.varname = varname;
            s.site = site;
            s.value = value.toObject().toVariantMap();
            s.isDefault = o.value(u"is_default"_s).toBool(true);
            s.etag = r.etag;
            return s;
        },
        std::move(done));
}

RestReply *SitesApi::setSetting(const SiteSetting &setting, const QByteArray &etag,
                                QObject *context, Written done) const
{
    const QJsonDocument body(
        QJsonObject { { u"value"_s, QJsonObject::fromVariantMap(setting.value) } });
    return SiteCall::send<QByteArray>(
        m_client,
        internal(RestRequest::put(settingPath(setting.varname, setting.site), body))
            .withIfMatch(ifMatch(etag)),
        context, [](const RestResult &r, ApiError *) { return std::optional(r.etag); },
        std::move(done));
}

RestReply *SitesApi::resetSiteSetting(const SiteSetting &setting, const QByteArray &etag,
                                      QObject *context, Written done) const
{
    return SiteCall::send<QByteArray>(
        m_client,
        internal(RestRequest::del(settingPath(setting.varname, setting.site)))
            .withIfMatch(ifMatch(etag)),
        context, [](const RestResult &r, ApiError *) { return std::optional(r.etag); },
        std::move(done));
}
