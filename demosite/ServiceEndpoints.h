#pragma once

class DemoRouter;
class DemoState;

// The monitoring side of the REST API for the one service the demo site monitors per host,
// "Check_MK Agent" (the agent updater's status, at most WARN): POST
// /domain-types/service/collections/all and POST /objects/host/{host_name}/collections/services
// with a Livestatus query in nested dictionary form and the columns asked for. Served in stock
// mode too: this is how a stock site shows the per-host update status.
class ServiceEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
