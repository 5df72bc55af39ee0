#pragma once

#include "CertificateInfo.h"
#include "OpenSslHandles.h"

#include <QByteArray>
#include <QString>

class SecureBuffer;

// A signature key as a site hands it out or a user uploads it: an encrypted private key and
// its certificate in one PEM text (either order). Tells what is missing or wrong before the
// key is sent anywhere or used for signing.
class KeyBundle final
{
public:
    enum class KeyFormat {
        None, // no private key block
        EncryptedPkcs8, // -----BEGIN ENCRYPTED PRIVATE KEY-----
        EncryptedLegacy, // -----BEGIN RSA PRIVATE KEY----- with Proc-Type: 4,ENCRYPTED
        Unencrypted, // a private key block without encryption: refused
    };

    static KeyBundle fromPem(const QByteArray &pem);

    KeyFormat keyFormat() const { return m_keyFormat; }
    bool hasEncryptedKey() const
    {
        return m_keyFormat == KeyFormat::EncryptedPkcs8
            || m_keyFormat == KeyFormat::EncryptedLegacy;
    }
    bool hasCertificate() const { return m_certificate.isValid(); }
    QByteArray privateKeyPem() const { return m_keyPem; }
    QByteArray certificatePem() const { return m_certificate.pem(); }
    const CertificateInfo &certificate() const { return m_certificate; }

    // Checks that need no passphrase: one encrypted key, one RSA certificate.
    bool isComplete(QString *error) const;
    // Whether the passphrase decrypts the key, and the key is RSA.
    bool opens(const SecureBuffer &passphrase, QString *error) const;
    // Whether the decrypted key is the certificate's key.
    bool keyMatchesCertificate(const SecureBuffer &passphrase, QString *error) const;
    // All of the above, in that order; the error names the first problem.
    bool check(const SecureBuffer &passphrase, QString *error) const;

    // The decrypted key for signing; null (and error set) when it does not open or is not RSA.
    ossl::Pkey decryptKey(const SecureBuffer &passphrase, QString *error) const;

private:
    QByteArray m_keyPem;
    KeyFormat m_keyFormat = KeyFormat::None;
    int m_keyBlocks = 0;
    CertificateInfo m_certificate;
    int m_certificateBlocks = 0;
    QString m_certificateError;
};
