#include "ActivationApi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include "SiteCall.h"

using namespace Qt::StringLiterals;

namespace {
const QString pendingPath = u"/domain-types/activation_run/collections/pending_changes"_s;
const QString activatePath = u"/domain-types/activation_run/actions/activate-changes/invoke"_s;

std::optional<ActivationRun> readRun(const RestResult &r, ApiError *error)
{
    const QJsonObject o = r.json.object();
    ActivationRun run;
    run.id = o.value(u"id"_s).toString();
    if (run.id.isEmpty()) {
        error->kind = ApiError::Kind::MalformedReply;
        error->title = QObject::tr("The site's reply has an unexpected shape");
        error->detail = QObject::tr("activation_run: expected an \"id\".");
        return std::nullopt;
    }
    const QJsonObject ext = o.value(u"extensions"_s).toObject();
    run.running = ext.value(u"is_running"_s).toBool();
    for (const QJsonValue &s : ext.value(u"sites"_s).toArray())
        run.sites << s.toString();
    for (const QJsonValue &s : ext.value(u"status_per_site"_s).toArray())
        run.siteStates << u"%1: %2"_s.arg(s.toObject().value(u"site"_s).toString(),
                                          s.toObject().value(u"status_text"_s).toString());
    return run;
}
} // namespace

RestReply *ActivationApi::pendingChanges(QObject *context, Pending done) const
{
    return SiteCall::send<Versioned<PendingChanges>>(
        m_client, RestRequest::get(pendingPath), context,
        [](const RestResult &r, ApiError *error) -> std::optional<Versioned<PendingChanges>> {
            const QJsonValue value = r.json.object().value(u"value"_s);
            if (!value.isArray()) {
                error->kind = ApiError::Kind::MalformedReply;
                error->title = QObject::tr("The site's reply has an unexpected shape");
                error->detail = QObject::tr("pending changes: expected an array \"value\".");
                return std::nullopt;
            }
            PendingChanges out;
            for (const QJsonValue &v : value.toArray()) {
                const QJsonObject c = v.toObject();
                out.changes.append({ c.value(u"id"_s).toString(), c.value(u"user_id"_s).toString(),
                                     c.value(u"text"_s).toString() });
            }
            return Versioned<PendingChanges> { out, r.etag };
        },
        std::move(done));
}

RestReply *ActivationApi::activate(const QByteArray &pendingEtag, QObject *context, Run done,
                                   const QStringList &sites) const
{
    const QJsonDocument body(QJsonObject { { u"redirect"_s, false },
                                           { u"sites"_s, QJsonArray::fromStringList(sites) },
                                           { u"force_foreign_changes"_s, false } });
    return SiteCall::send<ActivationRun>(
        m_client,
        RestRequest::post(activatePath, body)
            .withIfMatch(pendingEtag.isEmpty() ? QByteArray("\"\"") : pendingEtag),
        context, readRun, std::move(done));
}

RestReply *ActivationApi::run(const QString &id, QObject *context, Run done) const
{
    return SiteCall::send<ActivationRun>(
        m_client,
        RestRequest::get(u"/objects/activation_run/"_s
                         + QString::fromLatin1(QUrl::toPercentEncoding(id))),
        context, readRun, std::move(done));
}
