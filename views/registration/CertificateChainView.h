#pragma once

#include <QTextBrowser>

#include "CertificateDetails.h"

// A certificate chain as people need to judge it: per certificate its role (server, intermediate,
// root), subject, issuer, validity and SHA-256 fingerprint. Every field is escaped.
class CertificateChainView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateChainView)

public:
    explicit CertificateChainView(QWidget *parent = nullptr);
    void setChain(const QList<CertificateDetails> &chain);

    static QString roleOf(const QList<CertificateDetails> &chain, int index);
};
