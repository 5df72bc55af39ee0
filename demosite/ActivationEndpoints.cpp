#include "ActivationEndpoints.h"

#include <QDateTime>

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;

QString iso(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(Qt::ISODate);
}

QJsonArray changesJson(const QList<DemoState::Change> &changes)
{
    QJsonArray out;
    for (const DemoState::Change &c : changes)
        out.append(QJsonObject { { u"id"_s, c.id },
                                 { u"user_id"_s, c.user },
                                 { u"action_name"_s, c.action },
                                 { u"text"_s, c.text },
                                 { u"time"_s, iso(c.time) } });
    return out;
}

QJsonObject runObject(const DemoState::Activation &a)
{
    QJsonArray perSite;
    for (const QString &site : a.sites) {
        perSite.append(QJsonObject {
            { u"site"_s, site },
            { u"phase"_s, a.running ? u"activate"_s : u"done"_s },
            // The document: null while the site is still activating.
            { u"state"_s, a.running ? QJsonValue(QJsonValue::Null) : QJsonValue(u"success"_s) },
            { u"status_text"_s, a.running ? u"Activating"_s : u"Success"_s },
            { u"status_details"_s,
              a.running ? u"Started at: %1."_s.arg(iso(a.started))
                        : u"Started at: %1. Finished at: %2."_s.arg(iso(a.started), iso(a.ended)) },
            { u"start_time"_s, iso(a.started) },
            { u"end_time"_s,
              a.running ? QJsonValue(QJsonValue::Null) : QJsonValue(iso(a.ended)) } });
    }
    const QJsonObject ext { { u"sites"_s, QJsonArray::fromStringList(a.sites) },
                            { u"is_running"_s, a.running },
                            { u"force_foreign_changes"_s, a.forceForeign },
                            { u"time_started"_s, iso(a.started) },
                            { u"changes"_s, changesJson(a.changes) },
                            { u"status_per_site"_s, perSite } };
    return DemoReply::object(u"activation_run"_s, a.id,
                             a.running ? u"Activation status: In progress."_s
                                       : u"Activation status: Complete."_s,
                             ext, base);
}

QString waitUrl(const DemoState &state, const DemoRequest &request, const QString &id)
{
    return u"%1://%2/%3/check_mk/api/1.0/objects/activation_run/%4/actions/wait-for-completion/invoke"_s
        .arg(state.options().plainHttp ? u"http"_s : u"https"_s,
             QString::fromLatin1(request.header("host")), state.siteName(), id);
}

} // namespace

void ActivationEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("GET", base + u"/domain-types/activation_run/collections/pending_changes"_s,
               [&state](DemoRequest &) {
                   QJsonObject body = DemoReply::collection(
                       u"activation_run"_s, changesJson(state.pendingChanges()), base);
                   body.insert(u"id"_s, u"pending_changes"_s);
                   return DemoReply::json(body).withEtag(state.pendingEtag());
               });
    router.add(
        "POST", base + u"/domain-types/activation_run/actions/activate-changes/invoke"_s,
        [&state](DemoRequest &request) {
            const QByteArray ifMatch = request.header("if-match");
            if (ifMatch.isEmpty())
                return DemoReply::problem(
                    428, u"Precondition required"_s,
                    u"If-Match header required for this operation. See documentation."_s);
            if (ifMatch != "*" && ifMatch != '"' + state.pendingEtag() + '"')
                return DemoReply::problem(
                    412, u"Precondition failed"_s,
                    u"ETag didn't match. Probable cause: Object changed by another user."_s);
            if (state.activationRunning())
                return DemoReply::problem(423, u"Locked"_s,
                                          u"There is an activation already running."_s);
            if (state.pendingChanges().isEmpty())
                return DemoReply::problem(422, u"Unprocessable Entity"_s,
                                          u"Currently there are no changes to activate."_s);
            const QJsonObject body = request.json().object();
            const bool force = body.value(u"force_foreign_changes"_s).toBool();
            // Changes of other users are activated only when asked for explicitly.
            bool foreign = false;
            for (const DemoState::Change &c : state.pendingChanges())
                foreign = foreign || c.user != request.user;
            if (foreign && !force)
                return DemoReply::problem(
                    401, u"Unauthorized"_s,
                    u"There are changes from other users and foreign changes are not allowed in "
                    "this API call."_s);
            QStringList sites;
            const QJsonArray requested = body.value(u"sites"_s).toArray();
            for (const QJsonValue &s : requested) {
                if (!state.inventory.sites.contains(s.toString()))
                    return DemoReply::problem(
                        400, u"Bad Request"_s, u"These fields have problems: sites"_s,
                        { { u"sites"_s, QJsonArray { u"Unknown site: %1"_s.arg(s.toString()) } } });
                sites << s.toString();
            }
            // Nothing pending on the chosen sites: nothing to activate there.
            if (!state.hasPendingFor(sites))
                return DemoReply::problem(422, u"Unprocessable Entity"_s,
                                          u"Currently there are no changes to activate."_s);
            const QString id = state.startActivation(request.user, sites, force);
            if (body.value(u"redirect"_s).toBool()) {
                // 303 to the wait-for-completion endpoint.
                DemoReply reply = DemoReply::noContent();
                reply.status = 303;
                reply.withHeader("Location", waitUrl(state, request, id).toUtf8());
                return reply;
            }
            return DemoReply::json(runObject(*state.activation(id)));
        });
    router.add(
        "GET",
        base + u"/objects/activation_run/{activation_id}/actions/wait-for-completion/invoke"_s,
        [&state](DemoRequest &request) {
            const QString id = request.param(u"activation_id"_s);
            const DemoState::Activation *a = state.activation(id);
            if (!a)
                return DemoReply::problem(404, u"Not Found"_s,
                                          u"Could not find activation with id '%1'"_s.arg(id));
            if (!a->running)
                return DemoReply::noContent();
            DemoReply reply = DemoReply::noContent();
            reply.status = 302;
            reply.withHeader("Location", waitUrl(state, request, id).toUtf8());
            return reply;
        });
    router.add("GET", base + u"/domain-types/activation_run/collections/running"_s,
               [&state](DemoRequest &) {
                   QJsonArray value;
                   for (const DemoState::Activation *a : state.activations()) {
                       if (a->running)
                           value.append(runObject(*a));
                   }
                   return DemoReply::json(DemoReply::collection(u"activation_run"_s, value, base));
               });
    router.add(
        "GET", base + u"/objects/activation_run/{activation_id}"_s, [&state](DemoRequest &request) {
            const DemoState::Activation *a = state.activation(request.param(u"activation_id"_s));
            if (!a)
                return DemoReply::problem(404, u"Not Found"_s,
                                          u"Could not find activation with id '%1'"_s.arg(
                                              request.param(u"activation_id"_s)));
            return DemoReply::json(runObject(*a));
        });
}
