#include "SigningKeyGenerator.h"

#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include "OpenSslHandles.h"

namespace {

int keygenCallback(EVP_PKEY_CTX *ctx)
{
    // Returning 0 stops the prime search: that is how generation is cancelled.
    const auto *cancel = static_cast<const std::atomic_bool *>(EVP_PKEY_CTX_get_app_data(ctx));
    return cancel && cancel->load() ? 0 : 1;
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    OpenSsl::Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool addName(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0)
        == 1;
}

} // namespace

SigningKeyGenerator::Result SigningKeyGenerator::generate(const Request &request,
                                                          const SecureBuffer &passphrase,
                                                          const std::atomic_bool *cancel)
{
    Result result;
    const auto fail = [&result](const char *what) {
        result.error = QString::fromLatin1(what) + QStringLiteral(": ")
            + QString::fromLatin1(OpenSsl::lastError());
        return result;
    };
    if (passphrase.isEmpty()) {
        result.error = QStringLiteral("the passphrase is empty");
        return result;
    }
    OpenSsl::PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), request.bits) <= 0)
        return fail("cannot set up RSA key generation");
    EVP_PKEY_CTX_set_app_data(ctx.get(), const_cast<std::atomic_bool *>(cancel));
    EVP_PKEY_CTX_set_cb(ctx.get(), keygenCallback);
    EVP_PKEY *raw = nullptr;
    if (EVP_PKEY_keygen(ctx.get(), &raw) <= 0) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            OpenSsl::lastError();
            return result;
        }
        return fail("RSA key generation failed");
    }
    OpenSsl::PKey key(raw);

    OpenSsl::Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[20];
    RAND_bytes(serial, sizeof serial);
    serial[0] = (serial[0] & 0x7f) | 0x01; // positive, full length
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(request.notBeforeOffsetSeconds));
    X509_time_adj_ex(X509_getm_notAfter(cert.get()), request.validityDays,
                     long(request.notBeforeOffsetSeconds), nullptr);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!addName(name, "CN", request.alias)
        || !addName(name, "O", QStringLiteral("Checkmk Site ") + request.site)
        || !addName(name, "OU", request.user))
        return fail("cannot set the certificate's subject");
    X509_set_issuer_name(cert.get(), name);
    if (!addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash"))
        return fail("cannot add the certificate's extensions");
    if (X509_sign(cert.get(), key.get(), EVP_sha512()) <= 0)
        return fail("cannot sign the certificate");

    OpenSsl::Bio keyBio(BIO_new(BIO_s_mem()));
    OpenSsl::Bio certBio(BIO_new(BIO_s_mem()));
    // PKCS#8 with PBES2: PBKDF2 and AES-256-CBC.
    if (PEM_write_bio_PKCS8PrivateKey(keyBio.get(), key.get(), EVP_aes_256_cbc(),
                                      const_cast<char *>(passphrase.data()), int(passphrase.size()),
                                      nullptr, nullptr)
            != 1
        || PEM_write_bio_X509(certBio.get(), cert.get()) != 1)
        return fail("cannot write the key");
    result.privateKeyPem = OpenSsl::drain(keyBio.get());
    result.certificatePem = OpenSsl::drain(certBio.get());
    result.ok = true;
    return result;
}
