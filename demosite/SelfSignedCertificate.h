#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

// A certificate with its key, made on the spot (EC P-256, OpenSSL 3 EVP APIs only). The demo
// site makes its TLS server certificate at start with the defaults (CN=localhost, SAN for
// localhost, 127.0.0.1 and ::1, valid for a year); the tests make every certificate a careless
// or hostile site might present or hand out from the options: any common name (escape
// sequences, megabytes), any validity window, any host names, CA or not, issued by another.
struct SelfSignedCertificate
{
    struct Options
    {
        QByteArray commonName = QByteArrayLiteral("localhost");
        QByteArray organization = QByteArrayLiteral("AgentDesk demo site");
        QStringList dnsNames { QStringLiteral("localhost") };
        QStringList ipAddresses { QStringLiteral("127.0.0.1"), QStringLiteral("::1") };
        QDateTime notBefore = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QDateTime notAfter = QDateTime::currentDateTimeUtc().addDays(365);
        bool ca = false; // a CA certificate (keyCertSign) instead of a TLS server's
        // Signed by this certificate's key (its subject becomes the issuer); self-signed if
        // unset.
        const SelfSignedCertificate *issuer = nullptr;
    };

    QByteArray certificatePem;
    QByteArray privateKeyPem;

    // Empty certificatePem, and *error if given, on failure.
    static SelfSignedCertificate generate(const Options &options, QString *error = nullptr);
};
