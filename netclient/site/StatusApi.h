#pragma once

#include <functional>

#include "RestRequest.h"
#include "SiteResult.h"
#include "UpdateStatusParser.h"

class QObject;
class RestClient;
class RestReply;

// Extension endpoint: the per-host update status (a real site shows it only in its GUI).
class StatusApi final
{
public:
    explicit StatusApi(RestClient *client)
        : m_client(client)
    { }

    using Status = std::function<void(SiteResult<UpdateStatusParser::Result>)>;
    using Count = std::function<void(SiteResult<int>)>;

    // Read in a worker; the reply can be cancelled.
    RestReply *updateStatus(QObject *context, Status done) const;
    // The requests themselves, for the status page, which falls back from the first (extension)
    // to the second (a stock site's Check_MK Agent services) and reads the bytes in stages.
    static RestRequest statusRequest();
    static RestRequest servicesRequest();
    // Only the number of registered hosts, counted in the worker.
    RestReply *registeredHosts(QObject *context, Count done) const;

private:
    RestClient *m_client;
};
