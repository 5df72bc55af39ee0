#include "BakeryApi.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

#include <memory>

#include "SecureBuffer.h"
#include "SiteCall.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

RestReply *BakeryApi::agents(QObject *context, Agents done) const
{
    return SiteCall::send<QList<BakedAgent>>(
        m_client, RestRequest::get(u"/domain-types/agent/collections/all"_s), context,
        [](const RestResult &r, ApiError *error) {
            return SiteReplyReader::bakedAgents(r.json, error);
        },
        std::move(done));
}

RestReply *BakeryApi::bakingStatus(QObject *context, Job done, int retries) const
{
    RestRequest request = RestRequest::get(u"/domain-types/agent/actions/baking_status/invoke"_s);
    if (retries >= 0)
        request.withRetries(retries);
    return SiteCall::send<BakingJob>(
        m_client, request, context,
        [](const RestResult &r, ApiError *error) {
            return SiteReplyReader::bakingJob(r.json, error);
        },
        std::move(done));
}

RestReply *BakeryApi::deploymentStatus(QObject *context, Deployment done) const
{
    return SiteCall::send<DeploymentStatus>(
        m_client, RestRequest::get(u"/domain-types/agent/actions/automatic-deployment/invoke"_s),
        context,
        [](const RestResult &r, ApiError *error) {
            return SiteReplyReader::deploymentStatus(r.json, error);
        },
        std::move(done));
}

RestReply *BakeryApi::bake(QObject *context, Ack done) const
{
    return SiteCall::send<std::monostate>(
        m_client, RestRequest::post(u"/domain-types/agent/actions/bake/invoke"_s), context,
        SiteCall::nothing, std::move(done));
}

RestReply *BakeryApi::sign(int keyId, const SecureBuffer &passphrase, bool bakeFirst,
                           QObject *context, Ack done) const
{
    QJsonObject body { { u"key_id"_s, keyId },
                       { u"passphrase"_s, QString::fromUtf8(passphrase.bytes()) } };
    const QString path = bakeFirst ? u"/domain-types/agent/actions/bake_and_sign/invoke"_s
                                   : u"/domain-types/agent/actions/sign/invoke"_s;
    RestRequest request = RestRequest::post(path, QJsonDocument(body));
    body = {};
    return SiteCall::send<std::monostate>(m_client, std::move(request), context, SiteCall::nothing,
                                          std::move(done));
}

RestReply *BakeryApi::download(const QString &agentHash, const QString &osType, QObject *context,
                               Bytes done) const
{
    QUrlQuery query;
    query.addQueryItem(u"agent_hash"_s, agentHash);
    query.addQueryItem(u"os_type"_s, osType);
    return SiteCall::send<QByteArray>(
        m_client,
        RestRequest::get(u"/domain-types/agent/actions/download_by_hash/invoke"_s, query)
            .withAccept("application/octet-stream"),
        context,
        [](const RestResult &r, ApiError *) -> std::optional<QByteArray> { return r.body; },
        std::move(done));
}

RestReply *BakeryApi::downloadForHost(const QString &hostName, const QString &osType,
                                      QObject *context, Bytes done) const
{
    QUrlQuery query;
    query.addQueryItem(u"agent_type"_s, u"host_name"_s);
    query.addQueryItem(u"host_name"_s, hostName);
    query.addQueryItem(u"os_type"_s, osType);
    return SiteCall::send<QByteArray>(
        m_client,
        RestRequest::get(u"/domain-types/agent/actions/download_by_host/invoke"_s, query)
            .withAccept("application/octet-stream"),
        context,
        [](const RestResult &r, ApiError *) -> std::optional<QByteArray> { return r.body; },
        std::move(done));
}

namespace {

// One search for the agent of a host, its steps chained through the replies.
struct AgentOfHostSearch
{
    // Both may go while the search waits for a reply; then it ends without an answer.
    QPointer<RestClient> client;
    QPointer<QObject> context;
    QString host;
    BakeryApi::Hash done;
    QStringList hashes; // the agents of the collection
    QString os; // the OS type the host's package was found for
    QByteArray package;
    int nextOs = 0;
    int nextHash = 0;

    // The formats tried for the host's package: every agent configuration is baked for all of
    // them on a real site, so the first one the host has decides.
    static const QStringList &osTypes()
    {
        static const QStringList types { u"linux_deb"_s,   u"linux_rpm"_s,   u"linux_tgz"_s,
                                         u"windows_msi"_s, u"solaris_pkg"_s, u"solaris_tgz"_s,
                                         u"aix_tgz"_s };
        return types;
    }

    static void fail(const std::shared_ptr<AgentOfHostSearch> &s, ApiError error)
    {
        SiteResult<QString> out;
        out.error = std::move(error);
        s->done(std::move(out));
    }

    static void fail(const std::shared_ptr<AgentOfHostSearch> &s, const QString &detail)
    {
        ApiError error;
        error.kind = ApiError::Kind::Local;
        error.title = QCoreApplication::translate("BakeryApi", "Target agent not found");
        error.detail = detail;
        fail(s, std::move(error));
    }

    static void findHostPackage(const std::shared_ptr<AgentOfHostSearch> &s)
    {
        if (!s->context || !s->client)
            return;
        if (s->nextOs >= osTypes().size()) {
            fail(s,
                 QCoreApplication::translate("BakeryApi",
                                             "The site has no baked agent package for this host."));
            return;
        }
        const QString os = osTypes().at(s->nextOs++);
        BakeryApi(s->client).downloadForHost(
            s->host, os, s->context, [s, os](SiteResult<QByteArray> r) {
                if (r.error.status == 404 && s->nextOs < osTypes().size()) {
                    findHostPackage(s); // none of this OS type: the next one
                    return;
                }
                if (!r.ok()) {
                    fail(s, r.error);
                    return;
                }
                s->os = os;
                s->package = std::move(*r.value);
                compareNext(s);
            });
    }

    static void compareNext(const std::shared_ptr<AgentOfHostSearch> &s)
    {
        if (!s->context || !s->client)
            return;
        if (s->nextHash >= s->hashes.size()) {
            fail(s,
                 QCoreApplication::translate(
                     "BakeryApi",
                     "None of the site's %n agent(s) has this host's package; bake the agents "
                     "again and retry.",
                     nullptr, int(s->hashes.size())));
            return;
        }
        const QString hash = s->hashes.at(s->nextHash++);
        BakeryApi(s->client).download(hash, s->os, s->context, [s, hash](SiteResult<QByteArray> r) {
            // An agent without a package of this OS type (400/404) is not the host's.
            if (!r.ok() && r.error.status != 400 && r.error.status != 404) {
                fail(s, r.error);
                return;
            }
            if (r.ok() && *r.value == s->package) {
                SiteResult<QString> out;
                out.value = hash;
                s->package.clear();
                s->done(std::move(out));
                return;
            }
            compareNext(s);
        });
    }
};

} // namespace

void BakeryApi::agentOfHost(const QString &hostName, QObject *context, Hash done) const
{
    auto search = std::make_shared<AgentOfHostSearch>();
    search->client = m_client;
    search->context = context;
    search->host = hostName;
    search->done = std::move(done);
    agents(context, [search](SiteResult<QList<BakedAgent>> r) {
        if (!r.ok()) {
            AgentOfHostSearch::fail(search, r.error);
            return;
        }
        for (const BakedAgent &a : *r.value)
            search->hashes << a.hash;
        if (search->hashes.isEmpty()) {
            AgentOfHostSearch::fail(
                search,
                QCoreApplication::translate("BakeryApi", "The site lists no baked agents."));
            return;
        }
        AgentOfHostSearch::findHostPackage(search);
    });
}
