#include "RegistrationsApi.h"

#include <algorithm>
#include <cctype>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
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
                const QByteArray &sb = e.hostSecret.bytes();
                const bool alphabet = std::all_of(sb.cbegin(), sb.cend(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) != 0;
                });
                if (e.hostName.isEmpty() || e.hostSecret.size() != 64 || !alphabet) {
                    *error = ApiError::local(QCoreApplication::translate(
                        "RegistrationsApi",
                        "The site handed out a registration without a host name or "
                        "with a host secret that is not 64 letters and digits."));
                    list = {};
                    return std::nullopt;
                }
                entries.push_back(std::move(e));
            }
            // Drops this reference to the reply's JSON; the reply's own buffers are released,
            // not wiped, with the reply.
            list = {};
            return entries;
        },
        std::move(done));
}

RestReply *RegistrationsApi::importRegistrations(const Entries &entries, QObject *context,
                                                 Ack done) const
{
    // The body is written straight into one buffer of the final size (no reallocation leaves a
    // copy behind) and sent from it as it is; it is wiped when the request goes. A host secret
    // byte outside letters and digits (the updater's alphabet; the export refuses others) is
    // written as a \u00XX escape; the other fields are written by QJsonDocument.
    QList<QByteArray> plainParts;
    qsizetype size = 32;
    for (const Entry &e : entries) {
        QByteArray part = QJsonDocument(QJsonObject { { u"host_name"_s, e.hostName },
                                                      { u"registered_at"_s, e.registeredAt },
                                                      { u"registered_by"_s, e.registeredBy } })
                              .toJson(QJsonDocument::Compact);
        part.chop(1); // the closing brace; the secret follows
        size += part.size() + 6 * e.hostSecret.size() + 24;
        plainParts << part;
    }
    QByteArray bytes;
    bytes.reserve(size);
    bytes += "{\"registrations\":[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0)
            bytes += ',';
        bytes += plainParts.at(qsizetype(i));
        bytes += ",\"host_secret\":\"";
        for (const char c : entries.at(i).hostSecret.bytes()) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                bytes += c;
            } else {
                static constexpr char hex[] = "0123456789abcdef";
                const auto u = static_cast<unsigned char>(c);
                bytes += "\\u00";
                bytes += hex[u >> 4];
                bytes += hex[u & 0xf];
            }
        }
        bytes += "\"}";
    }
    bytes += "]}";
    Q_ASSERT(bytes.size() <= size); // never grown past the first allocation
    RestRequest request = RestRequest::post(importPath);
    request.secretFormBody = std::make_shared<const SecureBuffer>(std::move(bytes));
    request.secretBodyIsJson = true;
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
