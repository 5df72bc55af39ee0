#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "CertificateDetails.h"

// What a TLS handshake with a server showed: whether the chain verified under the current trust
// policy, what the verification said, and the chain itself (leaf first).
struct TlsCheckResult
{
    bool reached = false; // a TLS handshake happened at all
    bool verified = false; // the chain verified (system CAs plus locally trusted certificates)
    bool plainHttp = false; // nothing to check: the protocol is http
    QStringList errors; // verification errors, empty when verified
    QString failure; // when not reached: why (connection refused, host not found, ...)
    QList<CertificateDetails> chain;
};

Q_DECLARE_METATYPE(TlsCheckResult)
