#pragma once

class DemoRouter;
class DemoState;

// Pending changes, activate changes (If-Match from the pending changes' ETag) and the status of
// an activation run.
class ActivationEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
