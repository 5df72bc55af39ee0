#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>

#include "SecureBuffer.h"

// Makes a signature key as a newer Checkmk site does: RSA (4096 bit), a self-signed X.509 v3
// certificate (CN = alias, O = "Checkmk Site {site}", OU = user, SHA-512, key usage
// digitalSignature, CA:FALSE, subject key identifier) and the private key as PKCS#8 PEM
// encrypted with the passphrase (AES-256-CBC, PBKDF2). Runs in a worker thread; cancellable.
class SigningKeyGenerator final
{
public:
    struct Request
    {
        QString alias;
        QString site;
        QString user;
        int bits = 4096;
        int validityDays = 3650;
        qint64 notBeforeOffsetSeconds = 0; // tests make expired certificates with a negative offset
    };
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        QByteArray privateKeyPem; // encrypted
        QByteArray certificatePem;
    };

    static Result generate(const Request &request, const SecureBuffer &passphrase,
                           const std::atomic_bool *cancel = nullptr);
};
