#include "KeyBundle.h"

#include "PemBlocks.h"
#include "SecureBuffer.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace {

void setError(QString *error, const QString &text)
{
    if (error != nullptr)
        *error = text;
}

} // namespace

KeyBundle KeyBundle::fromPem(const QByteArray &pem)
{
    KeyBundle bundle;
    QByteArray certificates;
    for (const PemBlocks::Block &block : PemBlocks::split(pem)) {
        const QByteArray text = block.text + '\n';
        if (block.label == "CERTIFICATE") {
            ++bundle.m_certificateBlocks;
            certificates += text;
        } else if (block.label.endsWith("PRIVATE KEY")) {
            ++bundle.m_keyBlocks;
            bundle.m_keyPem = text;
            if (block.label == "ENCRYPTED PRIVATE KEY")
                bundle.m_keyFormat = KeyFormat::EncryptedPkcs8;
            else if (text.contains("Proc-Type: 4,ENCRYPTED"))
                bundle.m_keyFormat = KeyFormat::EncryptedLegacy;
            else
                bundle.m_keyFormat = KeyFormat::Unencrypted;
        }
    }
    if (!certificates.isEmpty())
        bundle.m_certificate = CertificateInfo::fromPem(certificates, &bundle.m_certificateError);
    return bundle;
}

bool KeyBundle::isComplete(QString *error) const
{
    if (m_keyBlocks == 0) {
        setError(error,
                 u"No private key found (expected -----BEGIN ENCRYPTED PRIVATE KEY-----)."_s);
        return false;
    }
    if (m_keyBlocks > 1) {
        setError(error, u"More than one private key found; give exactly one."_s);
        return false;
    }
    if (m_keyFormat == KeyFormat::Unencrypted) {
        setError(
            error,
            u"The private key is not encrypted. Only passphrase-protected keys are accepted."_s);
        return false;
    }
    if (m_certificateBlocks == 0) {
        setError(error, u"No certificate found (expected -----BEGIN CERTIFICATE-----)."_s);
        return false;
    }
    if (m_certificateBlocks > 1) {
        setError(error, u"More than one certificate found; give exactly one."_s);
        return false;
    }
    if (!m_certificate.isValid()) {
        setError(error, u"The certificate is damaged: %1"_s.arg(m_certificateError));
        return false;
    }
    if (m_certificate.keyType() != u"RSA"_s) {
        setError(error,
                 u"The certificate holds a %1 key; signature keys must be RSA."_s.arg(
                     m_certificate.keyType()));
        return false;
    }
    return true;
}

ossl::Pkey KeyBundle::decryptKey(const SecureBuffer &passphrase, QString *error) const
{
    if (!hasEncryptedKey()) {
        setError(
            error,
            m_keyFormat == KeyFormat::Unencrypted
                ? u"The private key is not encrypted. Only passphrase-protected keys are accepted."_s
                : u"No encrypted private key found."_s);
        return {};
    }
    if (passphrase.isEmpty()) {
        setError(error, u"No passphrase given."_s);
        return {};
    }
    ossl::clearErrors();
    ossl::Bio bio = ossl::readBio(m_keyPem);
    ossl::Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, ossl::passphraseCallback,
                                           const_cast<SecureBuffer *>(&passphrase)));
    // OpenSSL's reasons ("bad decrypt") help nobody here, and must not end up in a later error.
    ossl::clearErrors();
    if (!key) {
        setError(error, u"The passphrase does not open the private key (or the key is damaged)."_s);
        return {};
    }
    if (!EVP_PKEY_is_a(key.get(), "RSA")) {
        setError(error,
                 u"The private key is a %1 key; signature keys must be RSA."_s.arg(
                     QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
        return {};
    }
    return key;
}

bool KeyBundle::opens(const SecureBuffer &passphrase, QString *error) const
{
    return decryptKey(passphrase, error) != nullptr;
}

bool KeyBundle::keyMatchesCertificate(const SecureBuffer &passphrase, QString *error) const
{
    const ossl::Pkey key = decryptKey(passphrase, error);
    if (!key)
        return false;
    if (!m_certificate.isValid()) {
        setError(error, u"No valid certificate to compare the key with."_s);
        return false;
    }
    const QByteArray der = m_certificate.der();
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    ossl::X509Ptr cert(d2i_X509(nullptr, &data, long(der.size())));
    const bool same = cert && EVP_PKEY_eq(key.get(), X509_get0_pubkey(cert.get())) == 1;
    ossl::clearErrors();
    if (!same)
        setError(error,
                 u"The private key does not belong to the certificate \"%1\"."_s.arg(
                     m_certificate.commonName()));
    return same;
}

bool KeyBundle::check(const SecureBuffer &passphrase, QString *error) const
{
    return isComplete(error) && keyMatchesCertificate(passphrase, error);
}
