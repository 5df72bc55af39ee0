#pragma once

#include <QByteArray>
#include <QString>

// A TLS server certificate for the demo site, made at start: EC P-256, CN=localhost, SAN for
// localhost, 127.0.0.1 and ::1, valid for a year. OpenSSL 3 EVP APIs only.
struct SelfSignedCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;

    // Empty certificatePem with *error on failure.
    static SelfSignedCertificate generate(QString *error);
};
