#pragma once

class DemoRouter;
class DemoState;

// The rules of the "Agent updater" rule set (agent_config:cmk_update_agent): list, create,
// show, edit, delete and move (the move action), with ETags, the OpenAPI document's field checks
// and a pending change for every edit.
class RuleEndpoints final
{
public:
    static constexpr const char *ruleset = "agent_config:cmk_update_agent";
    static void install(DemoRouter &router, DemoState &state);
};
