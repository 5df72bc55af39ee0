#pragma once

class DemoRouter;
class DemoState;

// Extension endpoints for moving hosts to a new site: a real site keeps its registrations in
// ~/var/check_mk/agent_deployment and offers no interface for them (the manual says to copy
// that directory). The demo lists them, hands them out and takes them over, so that the
// console's migration assistant can copy them; on a stock site that step is done by hand.
class RegistrationCopyEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
