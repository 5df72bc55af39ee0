#pragma once

class DemoRouter;
class DemoState;

// The internal global-setting endpoints of newer sites for the two variables of automatic
// updates: agent_deployment_enabled (the master switch) and agent_deployment_host_selection.
class GlobalSettingEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
