#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <atomic>

class SecureBuffer;

// What a new signature key is for; the defaults are what a newer Checkmk site makes.
struct SigningKeyRequest
{
    QString alias; // CN
    QString siteId; // O = "Checkmk Site {siteId}"
    QString userId; // OU
    int keyBits = 4096;
    QDateTime notBefore; // invalid: now
    QDateTime notAfter; // invalid: notBefore + 10 years
};

struct SigningKeyResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    QByteArray privateKeyPem; // PKCS#8, AES-256-CBC with PBKDF2 under the passphrase
    QByteArray certificatePem;
};

// Makes an RSA signature key with its self-signed X.509 v3 certificate, as a Checkmk site does.
// Pure OpenSSL and QtCore: meant to run on a worker thread, and cancellable while the primes
// are searched (which is what takes the time at 4096 bits).
class SigningKeyGenerator final
{
public:
    // cancel may be null; when it turns true the generation stops and the result says cancelled.
    static SigningKeyResult generate(const SigningKeyRequest &request,
                                     const SecureBuffer &passphrase,
                                     const std::atomic_bool *cancel = nullptr);

    static constexpr int minimumPassphraseLength = 12;
};
