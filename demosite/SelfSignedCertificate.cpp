#include "SelfSignedCertificate.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

template<typename T, void (*F)(T *)> struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Ext = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0); // no authority key id: no issuer
    Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// V_ASN1_UTF8STRING directly, not MBSTRING_UTF8: the latter enforces the 64-character limit
// of a common name, and the tests' hostile sites do not care about that limit.
void addName(X509_NAME *name, int nid, const QByteArray &value)
{
    X509_NAME_add_entry_by_NID(name, nid, V_ASN1_UTF8STRING,
                               reinterpret_cast<const unsigned char *>(value.constData()),
                               int(value.size()), -1, 0);
}

} // namespace

SelfSignedCertificate SelfSignedCertificate::generate(const Options &options, QString *error)
{
    SelfSignedCertificate out;
    const auto failed = [&](const char *what) {
        if (error)
            *error = QString::fromLatin1(what);
        return out;
    };
    PKey key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    if (!key || !cert)
        return failed("cannot generate the TLS key");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(options.notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(options.notAfter.toSecsSinceEpoch()));
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    addName(name, NID_commonName, options.commonName);
    addName(name, NID_organizationName, options.organization);
    PKey signer;
    Cert issuerCert;
    if (options.issuer) {
        Bio in(BIO_new_mem_buf(options.issuer->certificatePem.constData(),
                               int(options.issuer->certificatePem.size())));
        issuerCert.reset(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
        Bio keyIn(BIO_new_mem_buf(options.issuer->privateKeyPem.constData(),
                                  int(options.issuer->privateKeyPem.size())));
        signer.reset(PEM_read_bio_PrivateKey(keyIn.get(), nullptr, nullptr, nullptr));
        if (!issuerCert || !signer)
            return failed("cannot read the issuer's certificate and key");
        X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert.get()));
    } else {
        X509_set_issuer_name(cert.get(), name);
    }
    QStringList alt;
    for (const QString &dns : options.dnsNames)
        alt << QStringLiteral("DNS:") + dns;
    for (const QString &ip : options.ipAddresses)
        alt << QStringLiteral("IP:") + ip;
    bool ok = addExtension(cert.get(), NID_basic_constraints,
                           options.ca ? "critical,CA:TRUE" : "critical,CA:FALSE")
        && addExtension(cert.get(), NID_key_usage,
                        options.ca ? "critical,keyCertSign,cRLSign,digitalSignature"
                                   : "critical,digitalSignature")
        && addExtension(cert.get(), NID_subject_key_identifier, "hash");
    if (ok && !options.ca)
        ok = addExtension(cert.get(), NID_ext_key_usage, "serverAuth");
    if (ok && !alt.isEmpty())
        ok = addExtension(cert.get(), NID_subject_alt_name, alt.join(u',').toLatin1());
    if (!ok || X509_sign(cert.get(), signer ? signer.get() : key.get(), EVP_sha256()) <= 0)
        return failed("cannot sign the TLS certificate");
    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return failed("cannot write the TLS certificate");
    out.certificatePem = drain(certBio.get());
    out.privateKeyPem = drain(keyBio.get());
    return out;
}
