#pragma once

#include <functional>

#include "HostSelection.h"
#include "SiteResult.h"
#include "Versioned.h"

class QObject;
class RestClient;
class RestReply;

// The global settings of automatic agent updates (internal API of newer sites): the master
// switch and the host selection, each read with its ETag and written with the ETag it was read
// with.
class GlobalSettingsApi final
{
public:
    explicit GlobalSettingsApi(RestClient *client)
        : m_client(client)
    { }

    using Switch = std::function<void(SiteResult<Versioned<bool>>)>;
    using Selection = std::function<void(SiteResult<Versioned<HostSelection>>)>;
    // A write answers the setting's new ETag (empty when the site sent none).
    using Written = std::function<void(SiteResult<QByteArray>)>;

    RestReply *masterSwitch(QObject *context, Switch done) const;
    // `etag`: the version the user saw; "*" to overwrite.
    RestReply *setMasterSwitch(bool on, const QByteArray &etag, QObject *context,
                               Written done) const;
    RestReply *hostSelection(QObject *context, Selection done) const;
    RestReply *setHostSelection(const HostSelection &selection, const QByteArray &etag,
                                QObject *context, Written done) const;

    // The request body of a setting's PUT ({"value": ...}), for the round-trip tests.
    static QJsonObject hostSelectionBody(const HostSelection &selection);
    static QJsonObject masterSwitchBody(bool on);

private:
    RestClient *m_client;
};
