#include "CertificateDetailsReader.h"

#include <QSslCertificateExtension>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

namespace {

// The names in a certificate are whatever its maker wrote (escape sequences, megabytes, bidi
// overrides): each value escaped and capped, and the whole name capped, before any view,
// terminal or log sees it.
QString distinguishedName(const QSslCertificate &c, bool issuer)
{
    constexpr qsizetype maxValue = 256;
    constexpr qsizetype maxName = 1000;
    QStringList parts;
    const auto attributes = issuer ? c.issuerInfoAttributes() : c.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values = issuer ? c.issuerInfo(attribute) : c.subjectInfo(attribute);
        for (const QString &value : values)
            parts << DisplayText::sanitized(QString::fromLatin1(attribute), 32) + u'='
                    + DisplayText::sanitized(value, maxValue);
    }
    return DisplayText::sanitized(parts.join(u", "_s), maxName);
}

bool basicConstraintsCa(const QSslCertificate &c)
{
    const auto extensions = c.extensions();
    for (const QSslCertificateExtension &e : extensions) {
        if (e.name() == u"basicConstraints"_s)
            return e.value().toMap().value(u"ca"_s).toBool();
    }
    return false;
}

} // namespace

QString CertificateDetailsReader::sha256Hex(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

CertificateDetails CertificateDetailsReader::read(const QSslCertificate &certificate)
{
    CertificateDetails d;
    d.subject = distinguishedName(certificate, false);
    d.issuer = distinguishedName(certificate, true);
    d.notBefore = certificate.effectiveDate().toUTC();
    d.notAfter = certificate.expiryDate().toUTC();
    d.sha256 = sha256Hex(certificate);
    d.isCa = basicConstraintsCa(certificate);
    // Qt asks OpenSSL, which also wants keyCertSign; a self-issued leaf counts here too.
    d.isSelfSigned = certificate.isSelfSigned() || (d.subject == d.issuer && !d.subject.isEmpty());
    d.pem = QString::fromLatin1(certificate.toPem());
    return d;
}

QList<CertificateDetails> CertificateDetailsReader::readChain(const QList<QSslCertificate> &chain)
{
    QList<CertificateDetails> out;
    out.reserve(chain.size());
    for (const QSslCertificate &c : chain)
        out << read(c);
    return out;
}
