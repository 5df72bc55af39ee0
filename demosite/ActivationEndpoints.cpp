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
            { u"state"_s, a.running ? QString() : u"success"_s },
            { u"status_text"_s, a.running ? u"Activating"_s : u"Success"_s },
            { u"status_details"_s,
              a.running ? u"Started at: %1."_s.arg(iso(a.started))
                        : u"Started at: %1. Finished at: %2."_s.arg(iso(a.started), iso(a.ended)) },
            { u"start_time"_s, iso(a.started) },
            { u"end_time"_s, a.running ? QString() : iso(a.ended) } });
    }
    const QJsonObject ext { { u"sites"_s, QJsonArray::fromStringList(a.sites) },
                            { u"is_running"_s, a.running },
                            { u"force_foreign_changes"_s, false },
                            { u"time_started"_s, iso(a.started) },
                            { u"changes"_s, changesJson(a.changes) },
                            { u"status_per_site"_s, perSite } };
    return DemoReply::object(u"activation_run"_s, a.id,
                             a.running ? u"Activation status: In progress."_s
                                       : u"Activation status: Complete."_s,
                             ext, base);
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
            QStringList sites;
            const QJsonArray requested = request.json().object().value(u"sites"_s).toArray();
            for (const QJsonValue &s : requested) {
                if (!state.inventory.sites.contains(s.toString()))
                    return DemoReply::problem(
                        400, u"Bad Request"_s, u"These fields have problems: sites"_s,
                        { { u"sites"_s, QJsonArray { u"Unknown site: %1"_s.arg(s.toString()) } } });
                sites << s.toString();
            }
            const QString id = state.startActivation(request.user, sites);
            return DemoReply::json(runObject(*state.activation(id)));
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
