#include "RegistrationsApi.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include "SiteCall.h"

using namespace Qt::StringLiterals;

namespace {
const QString collectionPath = u"/domain-types/agent_registration/collections/all"_s;
const QString exportPath = u"/domain-types/agent_registration/actions/export/invoke"_s;
const QString importPath = u"/domain-types/agent_registration/actions/import/invoke"_s;

} // namespace

RestReply *RegistrationsApi::registeredHosts(QObject *context, Names done) const
{
    return SiteCall::send<QStringList>(
        m_client, RestRequest::get(collectionPath), context,
        [](const RestResult &r, ApiError *error) -> std::optional<QStringList> {
            const QJsonValue value = r.json.object().value(u"value"_s);
            if (!value.isArray()) {
                *error = ApiError::local(QCoreApplication::translate(
                    "RegistrationsApi", "The site's reply has no list of registrations."));
                return std::nullopt;
            }
            QStringList names;
            for (const QJsonValue &v : value.toArray()) {
                const QString name = v.toObject()
                                         .value(u"extensions"_s)
                                         .toObject()
                                         .value(u"host_name"_s)
                                         .toString();
                if (!name.isEmpty())
                    names << name;
            }
            names.sort();
            return names;
        },
        std::move(done));
}

RestReply *RegistrationsApi::exportRegistrations(const QStringList &hostNames, QObject *context,
                                                 Exported done) const
{
    const QJsonObject body { { u"host_names"_s, QJsonArray::fromStringList(hostNames) } };
    return SiteCall::send<Entries>(
        m_client, RestRequest::post(exportPath, QJsonDocument(body)), context,
        [](const RestResult &r, ApiError *error) -> std::optional<Entries> {
            QJsonArray list = r.json.object()
                                  .value(u"result"_s)
                                  .toObject()
                                  .value(u"value"_s)
                                  .toObject()
                                  .value(u"registrations"_s)
                                  .toArray();
            Entries entries;
            for (const QJsonValue &v : std::as_const(list)) {
                const QJsonObject o = v.toObject();
                QString secret = o.value(u"host_secret"_s).toString();
                Entry e { o.value(u"host_name"_s).toString(), SecureBuffer::fromString(secret),
                          o.value(u"registered_at"_s).toInteger(),
                          o.value(u"registered_by"_s).toString() };
                SecureBuffer::wipe(secret);
                if (e.hostName.isEmpty() || e.hostSecret.size() != 64) {
                    *error = ApiError::local(QCoreApplication::translate(
                        "RegistrationsApi",
                        "The site handed out a registration without a host name or "
                        "with a host secret that is not 64 characters long."));
                    list = {}; // the JSON's copies of the secrets go at once
                    return std::nullopt;
                }
                entries.push_back(std::move(e));
            }
            list = {}; // the JSON's copies of the secrets go at once
            return entries;
        },
        std::move(done));
}

RestReply *RegistrationsApi::importRegistrations(const Entries &entries, QObject *context,
                                                 Ack done) const
{
    QJsonArray list;
    for (const Entry &e : entries)
        list.append(QJsonObject { { u"host_name"_s, e.hostName },
                                  { u"host_secret"_s, QString::fromLatin1(e.hostSecret.bytes()) },
                                  { u"registered_at"_s, e.registeredAt },
                                  { u"registered_by"_s, e.registeredBy } });
    QJsonObject body { { u"registrations"_s, list } };
    RestRequest request = RestRequest::post(importPath, QJsonDocument(body));
    list = {}; // the JSON's copies of the secrets go at once
    body = {};
    return SiteCall::send<std::monostate>(m_client, std::move(request), context, SiteCall::nothing,
                                          std::move(done));
}

QString RegistrationsApi::manualCopyCommand(const QString &oldServer, const QString &oldSite,
                                            const QString &newSite)
{
    // Run as the new site's user; the server part without a port, as ssh wants it.
    const QString host = QUrl(u"https://"_s + oldServer).host();
    return u"rsync -a %1@%2:/omd/sites/%1/var/check_mk/agent_deployment/ "
           "/omd/sites/%3/var/check_mk/agent_deployment/"_s.arg(
               oldSite, host.isEmpty() ? oldServer : host, newSite);
}
