#pragma once

class DemoRouter;
class DemoState;

// The Agent Bakery endpoints of the public REST API (site-api.md section 2): bake, sign,
// bake_and_sign and baking_status as a background job; the baked agents and their packages.
class BakeryEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
};
