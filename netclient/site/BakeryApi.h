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
    using Hash = std::function<void(SiteResult<QString>)>;
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

    // The package baked for one host (download_by_host with agent_type host_name); 404 when the
    // site has none of that OS type for it.
    RestReply *downloadForHost(const QString &hostName, const QString &osType, QObject *context,
                               Bytes done) const;
    // The hash of the agent the site baked for a host, which is what its updater is offered as
    // TargetHash while deployment allows it. No interface of a stock site names it (its agent
    // objects list no hosts, the Check_MK Agent service names only the installed and a pending
    // agent), so it is derived: the host's package (download_by_host) is compared byte for byte
    // with the same OS type's package of each agent of the collection (download_by_hash).
    // Packages are fetched one at a time and the search stops at the first match.
    void agentOfHost(const QString &hostName, QObject *context, Hash done) const;

private:
    RestClient *m_client;
};
