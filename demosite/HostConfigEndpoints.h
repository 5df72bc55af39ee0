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
    // extra: attributes a client set that Host does not model (alias, ipaddress, ...).
    static QJsonObject hostObject(const Host &host, bool effectiveAttributes,
                                  const QJsonObject &extra = {}, bool stock = false);
};
