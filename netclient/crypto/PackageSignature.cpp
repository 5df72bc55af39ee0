#include "PackageSignature.h"

#include <QCoreApplication>

#include <openssl/pem.h>

#include "OpenSslHandles.h"

namespace {

int passphraseCallback(char *buffer, int size, int, void *userdata)
{
    const auto *passphrase = static_cast<const SecureBuffer *>(userdata);
    const int n = int(qMin<qsizetype>(passphrase->size(), size));
    memcpy(buffer, passphrase->data(), size_t(n));
    return n;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("PackageSignature", text);
}

QDateTime asn1Time(const ASN1_TIME *time)
{
    struct tm t = {};
    if (ASN1_TIME_to_tm(time, &t) != 1)
        return {};
    return QDateTime(QDate(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday),
                     QTime(t.tm_hour, t.tm_min, t.tm_sec), Qt::UTC);
}

} // namespace

QByteArray PackageSignature::normalisedPem(const QByteArray &pem)
{
    QByteArray out = pem.trimmed();
    out.replace("\r\n", "\n");
    return out;
}

QByteArray PackageSignature::sign(const QByteArray &data, const QByteArray &encryptedKeyPem,
                                  const SecureBuffer &passphrase, QString *error)
{
    OpenSsl::Bio bio = OpenSsl::memoryBio(encryptedKeyPem);
    OpenSsl::PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback,
                                              const_cast<SecureBuffer *>(&passphrase)));
    if (!key) {
        OpenSsl::lastError();
        *error = tr("The passphrase does not open the key.");
        return {};
    }
    OpenSsl::MdCtx md(EVP_MD_CTX_new());
    size_t length = 0;
    if (EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSignUpdate(md.get(), data.constData(), size_t(data.size())) != 1
        || EVP_DigestSignFinal(md.get(), nullptr, &length) != 1) {
        *error = tr("Signing failed: %1").arg(QString::fromLatin1(OpenSsl::lastError()));
        return {};
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSignFinal(md.get(), reinterpret_cast<unsigned char *>(signature.data()), &length)
        != 1) {
        *error = tr("Signing failed: %1").arg(QString::fromLatin1(OpenSsl::lastError()));
        return {};
    }
    signature.resize(qsizetype(length));
    return signature;
}

PackageSignature::Check PackageSignature::verify(const QByteArray &data,
                                                 const QByteArray &signature,
                                                 const QByteArray &certificatePem,
                                                 const QList<QByteArray> &acceptedPems,
                                                 const QDateTime &now)
{
    OpenSsl::Bio bio = OpenSsl::memoryBio(certificatePem);
    OpenSsl::Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert || signature.isEmpty()) {
        OpenSsl::lastError();
        return { Verdict::Malformed, tr("The signature or its certificate cannot be read.") };
    }
    const QByteArray normal = normalisedPem(certificatePem);
    bool accepted = false;
    for (const QByteArray &pem : acceptedPems)
        accepted = accepted || normalisedPem(pem) == normal;
    if (!accepted)
        return { Verdict::NotAccepted, tr("Signed by a key that is not among the accepted keys.") };
    const QDateTime notAfter = asn1Time(X509_get0_notAfter(cert.get()));
    if (!notAfter.isValid() || notAfter < now)
        return { Verdict::Expired,
                 tr("The signing certificate expired on %1.").arg(notAfter.toString(Qt::ISODate)) };
    OpenSsl::MdCtx md(EVP_MD_CTX_new());
    EVP_PKEY *publicKey = X509_get0_pubkey(cert.get());
    const bool ok = publicKey
        && EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, publicKey) == 1
        && EVP_DigestVerify(
               md.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char *>(data.constData()),
               size_t(data.size()))
            == 1;
    OpenSsl::lastError();
    if (!ok)
        return { Verdict::BadSignature,
                 tr("The signature does not match the package: it was changed after signing.") };
    return { Verdict::Valid, tr("Valid signature of an accepted key.") };
}

QString PackageSignature::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return tr("valid");
    case Verdict::NotAccepted:
        return tr("key not accepted");
    case Verdict::Expired:
        return tr("certificate expired");
    case Verdict::BadSignature:
        return tr("does not verify");
    case Verdict::Malformed:
        return tr("unreadable");
    }
    return {};
}
