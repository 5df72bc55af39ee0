#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// What a person needs to judge a certificate: who, by whom, how long, and its fingerprint.
struct CertificateDetails
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256; // lower-case hex of the DER
    bool isCa = false;
    bool isSelfSigned = false;
    QString pem;

    // "AB:CD:..." upper-case pairs, for display.
    QString sha256Display() const;
    bool isValidAt(const QDateTime &when) const;

    bool operator==(const CertificateDetails &other) const = default;
};
