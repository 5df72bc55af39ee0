#pragma once

#include <QJsonObject>

class DemoRouter;
class DemoState;
struct Host;

// host_config (collection, object, update), host_tag_group and host_group_config collections.
class HostConfigEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
    static QJsonObject hostObject(const Host &host, bool effectiveAttributes);
};
