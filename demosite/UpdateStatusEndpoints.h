#pragma once

class DemoRouter;
class DemoState;

// GET /domain-types/agent_update_status/collections/all: one row a host, from the fleet
// simulation. An extension endpoint: a real site shows this only in its web GUI.
class UpdateStatusEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
