#pragma once

class DemoRouter;
class DemoState;

// GET /domain-types/site_connection/collections/all (public REST API): this site and, on a
// central site, the remote sites given with --remote, shaped as SiteConnectionResponse.
class SiteConnectionEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
