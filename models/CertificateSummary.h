#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What a certificate details dialog shows, as plain values: filled by the crypto layer
// (CertificateInfo::summary()), shown by views that must not depend on OpenSSL.
struct CertificateSummary
{
    QString commonName;
    QString organization;
    QString organizationalUnit;
    QString subject;
    QString issuer;
    QString serialNumberHex;
    QDateTime notBefore; // UTC
    QDateTime notAfter; // UTC
    bool isCa = false;
    bool isSelfSigned = false;
    QString keyType;
    int keyBits = 0;
    QString signatureAlgorithm;
    QStringList keyUsage;
    QString md5Digest; // "AB:CD:..."
    QString sha256Fingerprint; // display form "AB:CD:..."
    QByteArray pem;

    bool isEmpty() const { return pem.isEmpty(); }
};

Q_DECLARE_METATYPE(CertificateSummary)
