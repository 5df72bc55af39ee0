#pragma once

#include <QList>
#include <QSslCertificate>

#include "CertificateDetails.h"

// Turns Qt's certificates into the plain CertificateDetails that views show.
class CertificateDetailsReader final
{
public:
    static CertificateDetails read(const QSslCertificate &certificate);
    static QList<CertificateDetails> readChain(const QList<QSslCertificate> &chain);
    static QString sha256Hex(const QSslCertificate &certificate);
};
