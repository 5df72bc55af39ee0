#pragma once

#include <QByteArray>

class DemoRouter;
class DemoState;

// The agent updater's pages (site-api.md section 4), which are not REST: login.py with its
// session cookie, register_agent.py and deploy_agent.py, all form-encoded; plus a demo control
// that adds a host to Setup without activating it (POST /demo-control/unactivated-hosts).
class RegistrationEndpoints final
{
public:
    // `certificatePem`: the site's certificate, handed out at registration (empty for http).
    static void install(DemoRouter &router, DemoState &state, const QByteArray &certificatePem);
};
