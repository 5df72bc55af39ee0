#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

#include "SignatureKey.h"
#include "SiteResult.h"

class QObject;
class RestClient;
class RestReply;
class SecureBuffer;

// Extension endpoints: the site's agent signature keys (a real site manages them only in its
// GUI). Kept here so that another adapter can replace them.
class KeysApi final
{
public:
    explicit KeysApi(RestClient *client)
        : m_client(client)
    { }

    using Keys = std::function<void(SiteResult<QList<SignatureKey>>)>;
    using Bytes = std::function<void(SiteResult<QByteArray>)>;
    using Ack = std::function<void(SiteAck)>;

    RestReply *keys(QObject *context, Keys done) const;
    // 400 when the passphrase does not open the key, 409 when it exists already.
    RestReply *upload(const QString &alias, const QByteArray &certificatePem,
                      const QByteArray &privateKeyPem, const SecureBuffer &passphrase,
                      QObject *context, Ack done) const;
    // The private key PEM followed by the certificate PEM.
    RestReply *download(int id, const SecureBuffer &passphrase, QObject *context, Bytes done) const;
    // 409 while the updater rule uses it.
    RestReply *remove(int id, QObject *context, Ack done) const;

private:
    RestClient *m_client;
};
