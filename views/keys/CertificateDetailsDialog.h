#pragma once

#include <QDialog>

#include "CertificateSummary.h"

// Shows a signature key's certificate: names, validity, key, usage, fingerprints and the PEM
// to copy. Every field is plain text: certificate contents are not trusted markup.
class CertificateDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDetailsDialog)

public:
    explicit CertificateDetailsDialog(const CertificateSummary &certificate,
                                      QWidget *parent = nullptr);
};
