#pragma once

#include "RegistrationEndpoints.h"

class DemoCentralLink;
class DemoRouter;

// What makes a demo site a remote site (site-api.md 7): register_agent.py and deploy_agent.py
// are answered by the central site through `link`, agent packages are cached by hash and the
// second download is served from the cache; GET /demo-control/agent-cache shows the cache.
class RemoteSiteEndpoints final
{
public:
    // The hooks for RegistrationEndpoints::install(); `siteName` and `certificatePem` are this
    // remote site's (its certificate is handed to updaters whose update URL is this site).
    static RegistrationEndpoints::Forwarding install(DemoRouter &router, DemoCentralLink &link,
                                                     const QString &siteName,
                                                     const QByteArray &certificatePem);
};
