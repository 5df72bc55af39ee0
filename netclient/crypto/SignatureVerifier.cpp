#include "SignatureVerifier.h"

#include "CertificateInfo.h"
#include "OpenSslHandles.h"

#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

SignatureVerdict verdict(SignatureVerdict::State state, const QString &reason,
                         const CertificateInfo &cert = {})
{
    SignatureVerdict v;
    v.state = state;
    v.reason = reason;
    if (cert.isValid()) {
        v.commonName = cert.commonName();
        v.md5Digest = cert.md5Digest();
    }
    return v;
}

bool verifies(const QByteArray &package, const QByteArray &signature, const QByteArray &certDer)
{
    const auto *data = reinterpret_cast<const unsigned char *>(certDer.constData());
    ossl::X509Ptr cert(d2i_X509(nullptr, &data, long(certDer.size())));
    EVP_PKEY *key = cert ? X509_get0_pubkey(cert.get()) : nullptr;
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyCtx = nullptr; // owned by ctx
    const bool ok = key != nullptr && ctx
        && EVP_DigestVerifyInit_ex(ctx.get(), &keyCtx, "SHA256", nullptr, nullptr, key, nullptr)
            == 1
        && EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PADDING) == 1
        && EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()),
               reinterpret_cast<const unsigned char *>(package.constData()), size_t(package.size()))
            == 1;
    ossl::clearErrors();
    return ok;
}

} // namespace

SignatureVerifier::SignatureVerifier(const QList<QByteArray> &acceptedCertificatePems)
{
    for (const QByteArray &pem : acceptedCertificatePems)
        m_accepted << normalizedPem(pem);
}

QByteArray SignatureVerifier::normalizedPem(const QByteArray &pem)
{
    QByteArrayList lines;
    for (const QByteArray &line : pem.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << trimmed;
    }
    return lines.join('\n');
}

SignatureVerdict SignatureVerifier::verifyOne(const QByteArray &package,
                                              const PackageSignature &signature,
                                              const QDateTime &now) const
{
    using State = SignatureVerdict::State;
    QString parseError;
    const QList<CertificateInfo> certs
        = CertificateInfo::allFromPem(signature.certificatePem, &parseError);
    if (certs.size() != 1)
        return verdict(State::Malformed,
                       certs.isEmpty() ? u"The certificate does not parse: %1"_s.arg(parseError)
                                       : u"The signature names more than one certificate."_s);
    const CertificateInfo &cert = certs.first();

    const auto decoded = QByteArray::fromBase64Encoding(signature.signatureBase64.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return verdict(State::Malformed, u"The signature is not valid base64."_s, cert);

    if (!m_accepted.contains(normalizedPem(signature.certificatePem)))
        return verdict(
            State::NotAccepted,
            u"Signed with \"%1\" (%2), which is not among the accepted signature keys."_s.arg(
                cert.commonName(), cert.md5Digest()),
            cert);

    if (cert.isExpiredAt(now))
        return verdict(State::Expired,
                       u"The certificate \"%1\" expired on %2."_s.arg(
                           cert.commonName(), cert.notAfter().toString(Qt::ISODate)),
                       cert);
    if (cert.isNotYetValidAt(now))
        return verdict(State::Expired,
                       u"The certificate \"%1\" is not valid before %2."_s.arg(
                           cert.commonName(), cert.notBefore().toString(Qt::ISODate)),
                       cert);

    if (!verifies(package, decoded.decoded, cert.der()))
        return verdict(State::BadSignature,
                       u"The signature by \"%1\" does not match the package (changed package or "
                       "another key)."_s.arg(cert.commonName()),
                       cert);
    return verdict(State::Valid, u"Valid signature by \"%1\"."_s.arg(cert.commonName()), cert);
}

QList<SignatureVerdict> SignatureVerifier::verify(const QByteArray &package,
                                                  const QList<PackageSignature> &signatures,
                                                  const QDateTime &now) const
{
    QList<SignatureVerdict> verdicts;
    verdicts.reserve(signatures.size());
    for (const PackageSignature &signature : signatures)
        verdicts << verifyOne(package, signature, now);
    return verdicts;
}

bool SignatureVerifier::anyValid(const QList<SignatureVerdict> &verdicts)
{
    return std::any_of(verdicts.cbegin(), verdicts.cend(), [](const SignatureVerdict &v) {
        return v.state == SignatureVerdict::State::Valid;
    });
}
