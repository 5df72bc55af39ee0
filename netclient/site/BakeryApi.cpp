#include "BakeryApi.h"

#include <QJsonObject>
#include <QUrlQuery>

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
