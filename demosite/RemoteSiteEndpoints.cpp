#include "RemoteSiteEndpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <memory>

#include "DemoAgentCache.h"
#include "DemoCentralLink.h"
#include "DemoPendingReply.h"
#include "DemoRouter.h"

using namespace Qt::StringLiterals;

namespace {

struct RemoteState
{
    DemoAgentCache cache;
    int forwarded = 0; // deploy_agent.py requests passed to the central site
    int servedFromCache = 0;
};

QString value(const QUrlQuery &form, const QString &name)
{
    return form.queryItemValue(name, QUrl::FullyDecoded);
}

DemoReply updaterReply(int code, const QJsonValue &result)
{
    return DemoReply::json(QJsonObject { { u"result_code"_s, code }, { u"result"_s, result } });
}

QJsonObject replyObject(const DemoReply &reply)
{
    if (reply.status != 200)
        return {};
    return QJsonDocument::fromJson(reply.body).object();
}

// The central site's registration reply, with this site's certificate added when the host's
// updates come from here: the updater must trust it for HTTPS to its update URL.
DemoReply withOwnCertificate(DemoReply reply, const QString &siteName,
                             const QByteArray &certificatePem)
{
    QJsonObject whole = replyObject(reply);
    if (certificatePem.isEmpty() || whole.value(u"result_code"_s).toInt(1) != 0)
        return reply;
    QJsonObject result = whole.value(u"result"_s).toObject();
    const QUrl updateUrl(result.value(u"update_url"_s).toString());
    if (!updateUrl.path().startsWith(u'/' + siteName + u'/'))
        return reply;
    QJsonArray certificates = result.value(u"certificates"_s).toArray();
    const QString own = QString::fromLatin1(certificatePem);
    if (!certificates.contains(own))
        certificates.append(own);
    result.insert(u"certificates"_s, certificates);
    whole.insert(u"result"_s, result);
    return DemoReply::json(whole);
}

DemoReply deploy(const std::shared_ptr<RemoteState> &state, DemoCentralLink &link,
                 const QUrlQuery &form)
{
    RemoteState &remote = *state;
    const QString host = value(form, u"host"_s);
    const QString hostSecret = value(form, u"host_secret"_s);
    const QString mode = value(form, u"mode"_s);
    // Consistency checks the remote site makes itself, without asking the central site, in the
    // central's words.
    if (host.isEmpty() || hostSecret.isEmpty())
        return updaterReply(1,
                            u"Host %1 is not registered or its host secret is wrong. "
                            "Register it again."_s.arg(host));
    if (mode != u"status"_s && mode != u"agent"_s)
        return updaterReply(1, u"Unknown mode \"%1\"."_s.arg(mode));
    const QByteArray digest = DemoAgentCache::digestOf(hostSecret);
    const QString wanted = value(form, u"aghash"_s);
    if (mode == u"agent"_s) {
        if (const auto package = remote.cache.lookup(host, digest, wanted)) {
            ++remote.servedFromCache;
            return updaterReply(
                0, QJsonObject { { u"agent"_s, QString::fromLatin1(package->toBase64()) } });
        }
    }
    ++remote.forwarded;
    auto pending = std::make_shared<DemoPendingReply>();
    link.post(
        u"deploy_agent.py"_s, form, [state, pending, host, digest, mode, wanted](DemoReply reply) {
            RemoteState &remote = *state;
            const QJsonObject whole = replyObject(reply);
            const bool ok = whole.value(u"result_code"_s).toInt(1) == 0;
            const QJsonObject result = whole.value(u"result"_s).toObject();
            if (mode == u"status"_s) {
                if (ok) {
                    const bool available = result.value(u"AgentAvailable"_s).toBool();
                    remote.cache.noteStatus(host, digest,
                                            available ? result.value(u"TargetHash"_s).toString()
                                                      : QString());
                } else if (!whole.isEmpty()) {
                    remote.cache.forgetHost(host);
                }
            } else if (ok && remote.cache.isConfirmedTarget(host, digest, wanted)) {
                // Only a package the central site named as this host's target is kept.
                const auto decoded
                    = QByteArray::fromBase64Encoding(result.value(u"agent"_s).toString().toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
                if (decoded)
                    remote.cache.store(wanted, *decoded);
            }
            pending->resolve(std::move(reply));
        });
    return DemoReply::later(pending);
}

} // namespace

RegistrationEndpoints::Forwarding RemoteSiteEndpoints::install(DemoRouter &router,
                                                               DemoCentralLink &link,
                                                               const QString &siteName,
                                                               const QByteArray &certificatePem)
{
    auto remote = std::make_shared<RemoteState>();
    router.add("GET"_ba, u"/demo-control/agent-cache"_s, [remote](DemoRequest &) {
        QStringList hashes = remote->cache.hashes();
        hashes.sort();
        return DemoReply::json(QJsonObject { { u"hashes"_s, QJsonArray::fromStringList(hashes) },
                                             { u"forwarded"_s, remote->forwarded },
                                             { u"served_from_cache"_s, remote->servedFromCache } });
    });
    RegistrationEndpoints::Forwarding forwarding;
    forwarding.registerAgent = [&link, siteName, certificatePem](const QUrlQuery &form) {
        auto pending = std::make_shared<DemoPendingReply>();
        link.post(u"register_agent.py"_s, form, [pending, siteName, certificatePem](DemoReply r) {
            pending->resolve(withOwnCertificate(std::move(r), siteName, certificatePem));
        });
        return DemoReply::later(pending);
    };
    forwarding.deployAgent = [remote, &link](const QUrlQuery &form) {
        return deploy(remote, link, form);
    };
    return forwarding;
}
