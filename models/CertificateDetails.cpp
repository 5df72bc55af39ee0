#include "CertificateDetails.h"

QString CertificateDetails::sha256Display() const
{
    QString out;
    out.reserve(sha256.size() * 3 / 2);
    for (qsizetype i = 0; i < sha256.size(); i += 2) {
        if (i > 0)
            out += u':';
        out += sha256.mid(i, 2).toUpper();
    }
    return out;
}

bool CertificateDetails::isValidAt(const QDateTime &when) const
{
    return notBefore.isValid() && notAfter.isValid() && notBefore <= when && when <= notAfter;
}
