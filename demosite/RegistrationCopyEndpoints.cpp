#include "RegistrationCopyEndpoints.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include "DemoRouter.h"
#include "DemoState.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;
const QString domainType = u"agent_registration"_s;

DemoReply fieldProblem(const QString &field, const QString &message)
{
    return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                              { { field, QJsonArray { message } } });
}

QJsonObject actionResult(const QJsonValue &value)
{
    return QJsonObject {
        { u"links"_s, QJsonArray {} },
        { u"resultType"_s, u"object"_s },
        { u"result"_s, QJsonObject { { u"links"_s, QJsonArray {} }, { u"value"_s, value } } },
    };
}

bool isHostSecret(const QString &secret)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9]{64}$"_s);
    return pattern.match(secret).hasMatch();
}

} // namespace

void RegistrationCopyEndpoints::install(DemoRouter &router, DemoState &state)
{
    // The registered hosts, without their secrets: what a migration compares.
    router.add("GET", base + u"/domain-types/agent_registration/collections/all"_s,
               [&state](DemoRequest &) {
                   QJsonArray value;
                   for (const DemoRegisteredHost &h : state.registrations.all()) {
                       const QJsonObject ext {
                           { u"host_name"_s, h.hostName },
                           { u"registered_at"_s, h.registeredAt },
                           { u"registered_by"_s, h.registeredBy },
                       };
                       value.append(
                           DemoReply::object(domainType, h.hostName, h.hostName, ext, base));
                   }
                   return DemoReply::json(DemoReply::collection(domainType, value, base));
               });

    // The registrations of the named hosts with their host secrets (what the directory holds).
    router.add(
        "POST", base + u"/domain-types/agent_registration/actions/export/invoke"_s,
        [&state](DemoRequest &request) {
            const QJsonValue names = request.json().object().value(u"host_names"_s);
            if (!names.isArray())
                return fieldProblem(u"host_names"_s, u"Missing data for required field."_s);
            QJsonArray out;
            for (const QJsonValue &name : names.toArray()) {
                const DemoRegisteredHost *h = state.registrations.find(name.toString());
                if (!h)
                    continue; // not registered here: nothing to copy
                out.append(QJsonObject {
                    { u"host_name"_s, h->hostName },
                    { u"host_secret"_s, QString::fromLatin1(h->hostSecret) },
                    { u"registered_at"_s, h->registeredAt },
                    { u"registered_by"_s, h->registeredBy },
                });
            }
            return DemoReply::json(actionResult(QJsonObject { { u"registrations"_s, out } }));
        });

    // Takes registrations over with their secrets. Refused as a whole when one names a host
    // this site's setup does not know or carries no valid host secret.
    router.add(
        "POST", base + u"/domain-types/agent_registration/actions/import/invoke"_s,
        [&state](DemoRequest &request) {
            QJsonObject body = request.json().object();
            SecureBuffer::wipe(request.body);
            const QJsonValue list = body.value(u"registrations"_s);
            if (!list.isArray())
                return fieldProblem(u"registrations"_s, u"Missing data for required field."_s);
            const QJsonArray entries = list.toArray();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const QJsonObject e = entries.at(i).toObject();
                const QString field = u"registrations[%1]"_s.arg(i);
                const QString host = e.value(u"host_name"_s).toString();
                if (state.inventory.indexOf(host) < 0)
                    return fieldProblem(field + u".host_name"_s,
                                        u"Host %1 does not exist in the setup of site %2."_s.arg(
                                            host, state.siteName()));
                if (!isHostSecret(e.value(u"host_secret"_s).toString()))
                    return fieldProblem(field + u".host_secret"_s,
                                        u"Expected exactly 64 letters and digits."_s);
            }
            for (const QJsonValue &v : entries) {
                const QJsonObject e = v.toObject();
                QString secret = e.value(u"host_secret"_s).toString();
                state.registrations.restore(e.value(u"host_name"_s).toString(), secret.toLatin1(),
                                            e.value(u"registered_at"_s).toInteger(),
                                            e.value(u"registered_by"_s).toString());
                SecureBuffer::wipe(secret);
            }
            return DemoReply::json(
                actionResult(QJsonObject { { u"imported"_s, qint64(entries.size()) } }));
        });
}
