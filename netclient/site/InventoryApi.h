#pragma once

#include <QList>
#include <QStringList>

#include <functional>

#include "Host.h"
#include "RestRequest.h"
#include "SiteResult.h"
#include "TagGroup.h"

class QObject;
class RestClient;
class RestReply;

// The site's setup as the condition editors and evaluations need it: hosts with their
// effective attributes, tag groups, host groups.
class InventoryApi final
{
public:
    explicit InventoryApi(RestClient *client)
        : m_client(client)
    { }

    using Hosts = std::function<void(SiteResult<QList<Host>>)>;
    using OneHost = std::function<void(SiteResult<Host>)>;
    using TagGroups = std::function<void(SiteResult<QList<TagGroup>>)>;
    using Names = std::function<void(SiteResult<QStringList>)>;

    // The request of every host with its effective attributes, for the shared inventory, which
    // reads the bytes itself (app/InventoryLoader).
    static RestRequest hostsRequest();
    // Every host, read in a worker (tens of megabytes at 100,000 hosts).
    RestReply *hosts(QObject *context, Hosts done) const;
    // One host; a 404 (no such host) is in the error's status.
    RestReply *host(const QString &name, QObject *context, OneHost done, int retries = -1) const;
    RestReply *tagGroups(QObject *context, TagGroups done) const;
    RestReply *hostGroups(QObject *context, Names done) const;

private:
    RestClient *m_client;
};
