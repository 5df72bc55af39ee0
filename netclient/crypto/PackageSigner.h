#pragma once

#include <QByteArray>
#include <QString>

class SecureBuffer;

// Signs an agent package the way the agent updater checks it: RSA PKCS#1 v1.5 over SHA-256.
class PackageSigner final
{
public:
    // The raw signature (base64 it for the updater's protocol); empty with error set when the
    // key does not open, is not RSA, or signing fails. Nothing is signed on a wrong passphrase.
    static QByteArray sign(const QByteArray &package, const QByteArray &encryptedKeyPem,
                           const SecureBuffer &passphrase, QString *error = nullptr);
};
