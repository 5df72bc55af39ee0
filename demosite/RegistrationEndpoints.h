#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <functional>

#include "DemoReply.h"

struct DemoRequest;

class DemoRouter;
class DemoState;

// The agent updater's pages (site-api.md section 4), which are not REST: login.py with its
// session cookie, register_agent.py and deploy_agent.py, all form-encoded; plus a demo control
// that adds a host to Setup without activating it (POST /demo-control/unactivated-hosts).
// On a central site (or a single site) register_agent.py computes the update URL from the
// site that monitors the host; deploy_agent.py verifies the automation login a remote site
// forwards with, and counts the agents it hands out (GET /demo-control/agent-downloads).
class RegistrationEndpoints final
{
public:
    // A remote site answers through its central site (see RemoteSiteEndpoints): `registerAgent`
    // gets a registration whose user was authenticated here, `deployAgent` every
    // deploy_agent.py request; both with the request's form fields.
    struct Forwarding
    {
        std::function<DemoReply(const QUrlQuery &form)> registerAgent;
        std::function<DemoReply(const QUrlQuery &form)> deployAgent;
    };
    // `certificatePem`: the site's certificate, handed out at registration (empty for http).
    static void install(DemoRouter &router, DemoState &state, const QByteArray &certificatePem,
                        const Forwarding &forwarding = {});
};
