#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The signature keys of the demo site, as a real site stores them: certificate, encrypted
// private key, alias, owner, creation date. The demo starts with one seeded key.
struct DemoKeyStore
{
    struct Key
    {
        int id = 0; // >= 1
        QString alias;
        QString owner;
        qint64 date = 0; // epoch of creation
        QByteArray certificatePem;
        QByteArray privateKeyPem; // PKCS#8, encrypted with the passphrase
        bool notDownloaded = true;
    };

    // The passphrase of the seeded key, printed by the demo site and named in the README.
    static constexpr const char *seededPassphrase = "demo-passphrase-2026";

    QList<Key> keys;
    int nextId = 1;

    const Key *find(int id) const;
    // Creates the seeded key (RSA 2048 for a quick start); false with *error.
    bool seed(const QString &site, QString *error);
};
