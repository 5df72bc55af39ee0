#pragma once

#include <QDialog>

#include "ApiError.h"

class QCheckBox;
class QPushButton;
class QTreeWidget;
class QTextBrowser;

// Shows a certificate chain the site sent that could not be verified, and lets the user trust
// exactly that certificate, connect once without verification, or refuse. Trust is enabled only
// after an explicit tick.
class CertificateTrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateTrustDialog)

public:
    enum class Choice { Refuse, TrustCertificate, Insecure };

    explicit CertificateTrustDialog(const QString &siteLabel, const ApiError &error,
                                    QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // Off: no "connect without verification" (a remote site's certificate is trusted for that
    // site by its pin or not at all).
    void setInsecureAllowed(bool allowed);
    // The certificate the user chose to trust (the leaf, or the root when it is self-signed CA).
    CertificateDetails trustedCertificate() const;

private:
    void showCertificate(int index);

    ApiError m_error;
    Choice m_choice = Choice::Refuse;
    QTreeWidget *m_chain;
    QTextBrowser *m_details;
    QCheckBox *m_confirm;
    QPushButton *m_trust;
    QPushButton *m_insecure;
};
