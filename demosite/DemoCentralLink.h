#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

#include "DemoReply.h"

// A remote site's connection to its central site: posts an updater page's form there with the
// automation login the remote site has on the central site, asynchronously (the remote site's
// event loop keeps serving meanwhile). TLS is verified; a pinned SHA-256 fingerprint replaces
// the system's trust store for the central's self-signed certificate.
class DemoCentralLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCentralLink)

public:
    DemoCentralLink(const QUrl &centralUrl, const QString &user, const QByteArray &secret,
                    const QByteArray &sha256, QObject *parent = nullptr);

    // POST {central}/{page} with the form (the updater's own login fields replaced by the
    // remote site's); `done` gets the central's reply as it came, or an updater error when the
    // central site cannot be reached. `done` is not called when the link goes away first.
    void post(const QString &page, QUrlQuery form, std::function<void(DemoReply)> done);

private:
    QNetworkAccessManager m_network;
    QUrl m_centralUrl;
    QString m_user;
    QByteArray m_secret;
    QByteArray m_sha256;
};
