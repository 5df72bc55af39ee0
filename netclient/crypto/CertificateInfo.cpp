#include "CertificateInfo.h"

#include "CertificateSummary.h"
#include "OpenSslHandles.h"
#include "PemBlocks.h"

#include <QCryptographicHash>
#include <QTimeZone>

#include <openssl/asn1.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {

QString asn1ToString(const ASN1_STRING *value)
{
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QString nameEntry(const X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    return asn1ToString(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

QString nameText(const X509_NAME *name)
{
    ossl::Bio bio = ossl::writeBio();
    if (X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    return QString::fromUtf8(ossl::bioContents(bio.get()));
}

QDateTime asn1TimeToUtc(const ASN1_TIME *time)
{
    std::tm tm {};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), QTimeZone::utc());
}

QString hexPairs(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

void setError(QString *error, const QString &text)
{
    if (error != nullptr)
        *error = text;
}

} // namespace

CertificateInfo CertificateInfo::fromX509(x509_st *cert)
{
    CertificateInfo info;
    unsigned char *der = nullptr;
    const int derLength = i2d_X509(cert, &der);
    if (derLength <= 0)
        return info;
    info.m_der = QByteArray(reinterpret_cast<const char *>(der), derLength);
    OPENSSL_free(der);

    const X509_NAME *subject = X509_get_subject_name(cert);
    info.m_commonName = nameEntry(subject, NID_commonName);
    info.m_organization = nameEntry(subject, NID_organizationName);
    info.m_organizationalUnit = nameEntry(subject, NID_organizationalUnitName);
    info.m_subject = nameText(subject);
    info.m_issuer = nameText(X509_get_issuer_name(cert));

    if (ossl::Bignum serial { ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr) }) {
        char *hex = BN_bn2hex(serial.get());
        info.m_serialHex = QString::fromLatin1(hex);
        OPENSSL_free(hex);
    }
    info.m_notBefore = asn1TimeToUtc(X509_get0_notBefore(cert));
    info.m_notAfter = asn1TimeToUtc(X509_get0_notAfter(cert));

    // X509_get_extension_flags() also caches the extensions that the checks below read.
    const uint32_t flags = X509_get_extension_flags(cert);
    info.m_isCa = (flags & EXFLAG_CA) != 0;
    if (EVP_PKEY *key = X509_get0_pubkey(cert)) {
        info.m_keyType = QString::fromLatin1(EVP_PKEY_get0_type_name(key));
        info.m_keyBits = EVP_PKEY_get_bits(key);
        // Self-signed: names itself as issuer and its own key verifies the signature.
        // (X509_check_issued() would also demand keyCertSign, which a signing key lacks.)
        info.m_isSelfSigned = X509_NAME_cmp(subject, X509_get_issuer_name(cert)) == 0
            && X509_verify(cert, key) == 1;
    }
    info.m_signatureAlgorithm = QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(cert)));

    const uint32_t usage = X509_get_key_usage(cert);
    if ((flags & EXFLAG_KUSAGE) != 0) {
        static const struct
        {
            uint32_t bit;
            const char *name;
        } names[] = {
            { KU_DIGITAL_SIGNATURE, "Digital Signature" },
            { KU_NON_REPUDIATION, "Non Repudiation" },
            { KU_KEY_ENCIPHERMENT, "Key Encipherment" },
            { KU_DATA_ENCIPHERMENT, "Data Encipherment" },
            { KU_KEY_AGREEMENT, "Key Agreement" },
            { KU_KEY_CERT_SIGN, "Certificate Sign" },
            { KU_CRL_SIGN, "CRL Sign" },
            { KU_ENCIPHER_ONLY, "Encipher Only" },
            { KU_DECIPHER_ONLY, "Decipher Only" },
        };
        for (const auto &entry : names) {
            if ((usage & entry.bit) != 0)
                info.m_keyUsage << QString::fromLatin1(entry.name);
        }
        info.m_digitalSignature = (usage & KU_DIGITAL_SIGNATURE) != 0;
        const int index = X509_get_ext_by_NID(cert, NID_key_usage, -1);
        info.m_keyUsageCritical
            = index >= 0 && X509_EXTENSION_get_critical(X509_get_ext(cert, index)) == 1;
    }
    ossl::clearErrors();
    return info;
}

CertificateInfo CertificateInfo::fromPem(const QByteArray &pem, QString *error)
{
    const QList<CertificateInfo> all = allFromPem(pem, error);
    return all.isEmpty() ? CertificateInfo() : all.first();
}

CertificateInfo CertificateInfo::fromDer(const QByteArray &der, QString *error)
{
    ossl::clearErrors();
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    ossl::X509Ptr cert(d2i_X509(nullptr, &data, long(der.size())));
    if (!cert) {
        setError(error, u"Not a DER certificate: %1"_s.arg(ossl::takeErrors()));
        return {};
    }
    return fromX509(cert.get());
}

QList<CertificateInfo> CertificateInfo::allFromPem(const QByteArray &pem, QString *error)
{
    QList<CertificateInfo> result;
    for (const PemBlocks::Block &block : PemBlocks::split(pem)) {
        if (block.label != "CERTIFICATE")
            continue;
        const QByteArray &one = block.text;
        ossl::clearErrors();
        ossl::Bio bio = ossl::readBio(one);
        ossl::X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!cert) {
            setError(error,
                     u"Certificate %1 does not parse: %2"_s.arg(result.size() + 1)
                         .arg(ossl::takeErrors()));
            return {};
        }
        result << fromX509(cert.get());
    }
    if (result.isEmpty())
        setError(error, u"No PEM certificate (-----BEGIN CERTIFICATE-----) found."_s);
    return result;
}

QString CertificateInfo::md5Digest() const
{
    return hexPairs(QCryptographicHash::hash(m_der, QCryptographicHash::Md5));
}

QString CertificateInfo::sha256Fingerprint() const
{
    return QString::fromLatin1(QCryptographicHash::hash(m_der, QCryptographicHash::Sha256).toHex());
}

QString CertificateInfo::sha256FingerprintDisplay() const
{
    return hexPairs(QCryptographicHash::hash(m_der, QCryptographicHash::Sha256));
}

QByteArray CertificateInfo::pem() const
{
    if (m_der.isEmpty())
        return {};
    QByteArray out = "-----BEGIN CERTIFICATE-----\n"_ba;
    const QByteArray base64 = m_der.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 64)
        out += base64.mid(i, 64) + '\n';
    out += "-----END CERTIFICATE-----\n"_ba;
    return out;
}

CertificateSummary CertificateInfo::summary() const
{
    CertificateSummary s;
    if (!isValid())
        return s;
    s.commonName = m_commonName;
    s.organization = m_organization;
    s.organizationalUnit = m_organizationalUnit;
    s.subject = m_subject;
    s.issuer = m_issuer;
    s.serialNumberHex = m_serialHex;
    s.notBefore = m_notBefore;
    s.notAfter = m_notAfter;
    s.isCa = m_isCa;
    s.isSelfSigned = m_isSelfSigned;
    s.keyType = m_keyType;
    s.keyBits = m_keyBits;
    s.signatureAlgorithm = m_signatureAlgorithm;
    s.keyUsage = m_keyUsage;
    s.md5Digest = md5Digest();
    s.sha256Fingerprint = sha256FingerprintDisplay();
    s.pem = pem();
    return s;
}
