#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// One signature as the updater's protocol delivers it (deploy_agent.py, "Signatures").
struct PackageSignature
{
    QByteArray certificatePem;
    QByteArray signatureBase64;
};

// What became of one signature, with the reason in words for the user.
struct SignatureVerdict
{
    enum class State {
        Valid,
        NotAccepted, // the certificate is not one of the accepted signature keys
        Expired, // the certificate is expired (or not yet valid): refused
        BadSignature, // does not verify: the package was changed or signed by another key
        Malformed, // bad base64 or PEM
    };
    State state = State::Malformed;
    QString reason;
    QString commonName; // of the certificate, when it parsed
    QString md5Digest; // of the certificate, when it parsed
};

// Checks package signatures like the agent updater: a signature counts only when its
// certificate is one of the accepted keys (exact PEM), is not expired, and verifies the bytes
// (RSA PKCS#1 v1.5 with SHA-256).
class SignatureVerifier final
{
public:
    explicit SignatureVerifier(const QList<QByteArray> &acceptedCertificatePems);

    QList<SignatureVerdict> verify(const QByteArray &package,
                                   const QList<PackageSignature> &signatures,
                                   const QDateTime &now) const;
    SignatureVerdict verifyOne(const QByteArray &package, const PackageSignature &signature,
                               const QDateTime &now) const;
    static bool anyValid(const QList<SignatureVerdict> &verdicts);

    // PEM with line endings unified, lines trimmed and blank lines dropped: the form that the
    // "exact PEM match" compares, so CRLF or a trailing newline does not reject a key.
    static QByteArray normalizedPem(const QByteArray &pem);

private:
    QList<QByteArray> m_accepted; // normalised
};
