#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

// Self-signed certificates a hostile or careless site might present or hand out: any common
// name (escape sequences, megabytes), any validity window, any host names, CA or not.
// OpenSSL 3 EVP APIs; for tests only.
struct HostileCertificate
{
    struct Options
    {
        QByteArray commonName = QByteArrayLiteral("localhost");
        QByteArray organization = QByteArrayLiteral("Hostile test server");
        QStringList dnsNames { QStringLiteral("localhost") };
        QStringList ipAddresses { QStringLiteral("127.0.0.1") };
        QDateTime notBefore = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QDateTime notAfter = QDateTime::currentDateTimeUtc().addDays(30);
        bool ca = false;
        // Signed by this certificate's key (its subject becomes the issuer); self-signed if
        // unset.
        const HostileCertificate *issuer = nullptr;
    };

    QByteArray certificatePem;
    QByteArray privateKeyPem;

    // Empty certificatePem on failure.
    static HostileCertificate generate(const Options &options);
};
