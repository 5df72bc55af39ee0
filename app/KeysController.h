#pragma once

#include <QObject>

#include <atomic>
#include <memory>

#include "SignatureKey.h"

class KeysPage;
class SiteSession;

// Signature keys: list, create (generated in a worker thread, cancellable, backed up before the
// upload), upload (checked locally first), download, delete, certificate details. Passphrases
// go straight into wiping buffers and are gone when each action ends.
class KeysController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysController)

public:
    KeysController(SiteSession *session, KeysPage *page, QObject *parent = nullptr);

    void refresh();
    // Bits of generated keys: 4096 as a site makes them; tests may ask for fewer.
    void setKeyBits(int bits) { m_keyBits = bits; }

Q_SIGNALS:
    void keysChanged();
    void actionFinished(bool ok, const QString &message);

private:
    void createKey(const QString &alias, const QByteArray &passphrase, const QString &backupPath);
    void uploadKey(const QByteArray &pem, const QByteArray &passphrase);
    void downloadKey(int id, const QByteArray &passphrase, const QString &targetPath);
    void deleteKey(int id);
    void showDetails(int id);
    void upload(const QString &alias, const QByteArray &keyPem, const QByteArray &certificatePem,
                std::shared_ptr<class SecureBuffer> passphrase);

    SiteSession *m_session;
    KeysPage *m_page;
    QList<SignatureKey> m_keys;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_keyBits = 4096;
};
