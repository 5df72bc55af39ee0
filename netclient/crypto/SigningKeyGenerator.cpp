#include "SigningKeyGenerator.h"

#include "OpenSslHandles.h"
#include "SecureBuffer.h"

#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace {

// Called by OpenSSL during the prime search; returning 0 aborts the key generation.
int keygenProgress(EVP_PKEY_CTX *ctx)
{
    const auto *cancel = static_cast<const std::atomic_bool *>(EVP_PKEY_CTX_get_app_data(ctx));
    return cancel != nullptr && cancel->load() ? 0 : 1;
}

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel != nullptr && cancel->load();
}

SigningKeyResult failure(const QString &what)
{
    SigningKeyResult result;
    const QString details = ossl::takeErrors();
    result.error = details.isEmpty() ? what : u"%1 (%2)"_s.arg(what, details);
    return result;
}

SigningKeyResult cancelledResult()
{
    ossl::clearErrors();
    SigningKeyResult result;
    result.cancelled = true;
    result.error = u"Key generation was cancelled."_s;
    return result;
}

bool addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0)
        == 1;
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ossl::X509ExtensionPtr ext(X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// A positive serial of 20 random bytes (RFC 5280's maximum), never starting with a zero byte.
bool setRandomSerial(X509 *cert)
{
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] = static_cast<unsigned char>((bytes[0] & 0x7f) | 0x40);
    ossl::Bignum serial(BN_bin2bn(bytes, sizeof bytes, nullptr));
    return serial && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) != nullptr;
}

} // namespace

SigningKeyResult SigningKeyGenerator::generate(const SigningKeyRequest &request,
                                               const SecureBuffer &passphrase,
                                               const std::atomic_bool *cancel)
{
    // Generation runs in pool threads that outlive the last use of OpenSSL in them: free this
    // thread's OpenSSL state (error queue, DRBG) when done, or it stays until the process ends.
    struct ThreadStateRelease
    {
        ~ThreadStateRelease() { OPENSSL_thread_stop(); }
    } release;
    ossl::clearErrors();
    if (request.alias.trimmed().isEmpty())
        return failure(u"The key needs a description (alias)."_s);
    if (passphrase.size() < minimumPassphraseLength)
        return failure(
            u"The passphrase must have at least %1 characters."_s.arg(minimumPassphraseLength));
    if (request.keyBits < 2048)
        return failure(u"RSA keys need at least 2048 bits."_s);
    const QDateTime notBefore
        = request.notBefore.isValid() ? request.notBefore.toUTC() : QDateTime::currentDateTimeUtc();
    const QDateTime notAfter
        = request.notAfter.isValid() ? request.notAfter.toUTC() : notBefore.addYears(10);
    if (notAfter <= notBefore)
        return failure(u"The certificate would end before it starts."_s);

    ossl::PkeyCtx keyCtx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!keyCtx || EVP_PKEY_keygen_init(keyCtx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_keygen_bits(keyCtx.get(), request.keyBits) != 1)
        return failure(u"Cannot set up RSA key generation."_s);
    EVP_PKEY_CTX_set_app_data(keyCtx.get(), const_cast<std::atomic_bool *>(cancel));
    EVP_PKEY_CTX_set_cb(keyCtx.get(), keygenProgress);

    EVP_PKEY *rawKey = nullptr;
    const int generated = EVP_PKEY_generate(keyCtx.get(), &rawKey);
    ossl::Pkey key(rawKey);
    if (cancelled(cancel))
        return cancelledResult();
    if (generated != 1 || !key)
        return failure(u"RSA key generation failed."_s);

    ossl::X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1 || !setRandomSerial(cert.get())
        || ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(notBefore.toSecsSinceEpoch()))
            == nullptr
        || ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(notAfter.toSecsSinceEpoch()))
            == nullptr)
        return failure(u"Cannot fill in the certificate."_s);

    ossl::X509NamePtr name(X509_NAME_new());
    if (!name || !addNameEntry(name.get(), "CN", request.alias.trimmed())
        || !addNameEntry(name.get(), "O", u"Checkmk Site %1"_s.arg(request.siteId))
        || (!request.userId.isEmpty() && !addNameEntry(name.get(), "OU", request.userId))
        || X509_set_subject_name(cert.get(), name.get()) != 1
        || X509_set_issuer_name(cert.get(), name.get()) != 1)
        return failure(u"Cannot set the certificate's name."_s);

    // The subject key identifier is a hash of the public key, so the key goes in first.
    if (X509_set_pubkey(cert.get(), key.get()) != 1
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash"))
        return failure(u"Cannot add the certificate's extensions."_s);

    if (X509_sign(cert.get(), key.get(), EVP_sha512()) <= 0)
        return failure(u"Cannot sign the certificate."_s);
    if (cancelled(cancel))
        return cancelledResult();

    ossl::Bio certOut = ossl::writeBio();
    if (!certOut || PEM_write_bio_X509(certOut.get(), cert.get()) != 1)
        return failure(u"Cannot write the certificate."_s);

    // PKCS#8 with a cipher uses PBES2 with PBKDF2 (HMAC-SHA256) in OpenSSL 3.
    ossl::Bio keyOut = ossl::writeBio();
    if (!keyOut
        || PEM_write_bio_PKCS8PrivateKey(keyOut.get(), key.get(), EVP_aes_256_cbc(), nullptr, 0,
                                         ossl::passphraseCallback,
                                         const_cast<SecureBuffer *>(&passphrase))
            != 1)
        return failure(u"Cannot encrypt the private key."_s);

    SigningKeyResult result;
    result.ok = true;
    result.privateKeyPem = ossl::bioContents(keyOut.get());
    result.certificatePem = ossl::bioContents(certOut.get());
    return result;
}
