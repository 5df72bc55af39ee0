#include "CertificateDetailsReader.h"

#include <QSslCertificateExtension>

using namespace Qt::StringLiterals;

namespace {

QString distinguishedName(const QSslCertificate &c, bool issuer)
{
    QStringList parts;
    const auto attributes = issuer ? c.issuerInfoAttributes() : c.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values = issuer ? c.issuerInfo(attribute) : c.subjectInfo(attribute);
        for (const QString &value : values)
            parts << QString::fromLatin1(attribute) + u'=' + value;
    }
    return parts.join(u", "_s);
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
