#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "SecureBuffer.h"

// Signatures of agent packages as the updater checks them: RSA PKCS#1 v1.5 with SHA-256 over
// the package bytes; a signature counts only when its certificate is one of the accepted keys
// (exact PEM) and is not expired.
class PackageSignature final
{
public:
    enum class Verdict { Valid, NotAccepted, Expired, BadSignature, Malformed };
    struct Check
    {
        Verdict verdict = Verdict::Malformed;
        QString reason;
    };

    // Signs with an encrypted PKCS#8 key; empty with *error (e.g. a wrong passphrase).
    static QByteArray sign(const QByteArray &data, const QByteArray &encryptedKeyPem,
                           const SecureBuffer &passphrase, QString *error);
    static Check verify(const QByteArray &data, const QByteArray &signature,
                        const QByteArray &certificatePem, const QList<QByteArray> &acceptedPems,
                        const QDateTime &now);
    // PEM without surrounding whitespace and with \n line ends, for exact comparisons.
    static QByteArray normalisedPem(const QByteArray &pem);
    static QString verdictText(Verdict verdict);
};
