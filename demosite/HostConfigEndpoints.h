#pragma once

#include <QByteArray>
#include <QJsonObject>

class DemoRouter;
class DemoState;
struct Host;

// host_config (collection, object, update), host_tag_group and host_group_config collections.
class HostConfigEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
    // The one writer of a host object: the collection appends it as bytes (no per-host JSON
    // objects for 100,000 hosts), the single-object replies read the same bytes back.
    // extra: attributes a client set that Host does not model (alias, ipaddress, ...).
    static void writeHostObject(QByteArray &out, const Host &host, bool effectiveAttributes,
                                const QJsonObject &extra = {}, bool stock = false);
    static QJsonObject hostObject(const Host &host, bool effectiveAttributes,
                                  const QJsonObject &extra = {}, bool stock = false);
};
