#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

struct x509_st;
struct CertificateSummary;

// What a certificate says, read once with OpenSSL and kept as plain values: cheap to copy,
// safe to hand to any thread, and free of OpenSSL types for its users.
class CertificateInfo final
{
public:
    CertificateInfo() = default;

    // One certificate; the first one when the PEM holds several. Invalid on failure.
    static CertificateInfo fromPem(const QByteArray &pem, QString *error = nullptr);
    static CertificateInfo fromDer(const QByteArray &der, QString *error = nullptr);
    // Every certificate of a chain (or of the updater's list), in order. Stops with an error
    // on the first block that does not parse; text around the blocks is ignored.
    static QList<CertificateInfo> allFromPem(const QByteArray &pem, QString *error = nullptr);

    bool isValid() const { return !m_der.isEmpty(); }

    QString commonName() const { return m_commonName; }
    QString organization() const { return m_organization; }
    QString organizationalUnit() const { return m_organizationalUnit; }
    QString subject() const { return m_subject; } // RFC 2253, e.g. "OU=u,O=o,CN=c"
    QString issuer() const { return m_issuer; }
    QString serialNumberHex() const { return m_serialHex; } // upper case, no separators
    QDateTime notBefore() const { return m_notBefore; } // UTC
    QDateTime notAfter() const { return m_notAfter; } // UTC
    bool isCa() const { return m_isCa; }
    bool isSelfSigned() const { return m_isSelfSigned; }
    QString keyType() const { return m_keyType; } // "RSA", "EC", "ED25519", ...
    int keyBits() const { return m_keyBits; }
    QString signatureAlgorithm() const { return m_signatureAlgorithm; } // "sha512WithRSAEncryption"
    // Key usage names as OpenSSL prints them ("Digital Signature"); empty without the extension.
    QStringList keyUsage() const { return m_keyUsage; }
    bool hasKeyUsageDigitalSignature() const { return m_digitalSignature; }
    bool isKeyUsageCritical() const { return m_keyUsageCritical; }

    // The site's digest: MD5 of the DER, upper-case hex pairs joined by ':'.
    QString md5Digest() const;
    // SHA-256 of the DER: lower-case hex without separators ...
    QString sha256Fingerprint() const;
    // ... and upper-case pairs joined by ':' for display.
    QString sha256FingerprintDisplay() const;

    bool isExpiredAt(const QDateTime &now) const { return now > m_notAfter; }
    bool isNotYetValidAt(const QDateTime &now) const { return now < m_notBefore; }

    QByteArray der() const { return m_der; }
    QByteArray pem() const;

    // Plain values for views (which must not include this header).
    CertificateSummary summary() const;

private:
    QByteArray m_der;
    QString m_commonName;
    QString m_organization;
    QString m_organizationalUnit;
    QString m_subject;
    QString m_issuer;
    QString m_serialHex;
    QDateTime m_notBefore;
    QDateTime m_notAfter;
    bool m_isCa = false;
    bool m_isSelfSigned = false;
    QString m_keyType;
    int m_keyBits = 0;
    QString m_signatureAlgorithm;
    QStringList m_keyUsage;
    bool m_digitalSignature = false;
    bool m_keyUsageCritical = false;

    static CertificateInfo fromX509(x509_st *cert);
};
