#pragma once

class DemoRouter;
class DemoState;

// GET /version and the demo-only control endpoints under /{site}/demo-control/ (faults,
// redirect, last-request, clock). The console never uses the latter; tests do.
class CoreEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
