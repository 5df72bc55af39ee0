#pragma once

#include <QByteArray>
#include <QList>

#include <functional>

#include "BakedAgent.h"
#include "DeploymentStatus.h"
#include "SiteResult.h"

class QObject;
class RestClient;
class RestReply;
class SecureBuffer;

// The Agent Bakery: baked agents, baking and signing, the baking job, package downloads.
class BakeryApi final
{
public:
    explicit BakeryApi(RestClient *client)
        : m_client(client)
    { }

    using Agents = std::function<void(SiteResult<QList<BakedAgent>>)>;
    using Job = std::function<void(SiteResult<BakingJob>)>;
    using Bytes = std::function<void(SiteResult<QByteArray>)>;
    using Deployment = std::function<void(SiteResult<DeploymentStatus>)>;
    using Ack = std::function<void(SiteAck)>;

    RestReply *agents(QObject *context, Agents done) const;
    // `retries` -1: the client's default for a GET.
    RestReply *bakingStatus(QObject *context, Job done, int retries = -1) const;
    // The site's own status of automatic deployment (public API). A site without it answers
    // 404 (or 403 without the permission): the error's status says which.
    RestReply *deploymentStatus(QObject *context, Deployment done) const;
    // 409 (a job runs already) is in the error's status.
    RestReply *bake(QObject *context, Ack done) const;
    // Signs (after baking when `bakeFirst`); the passphrase is not kept.
    RestReply *sign(int keyId, const SecureBuffer &passphrase, bool bakeFirst, QObject *context,
                    Ack done) const;
    RestReply *download(const QString &agentHash, const QString &osType, QObject *context,
                        Bytes done) const;

private:
    RestClient *m_client;
};
