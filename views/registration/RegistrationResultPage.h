#pragma once

#include <QWizardPage>

#include "RegistrationReport.h"

class CertificateChainView;
class QLabel;
class QPlainTextEdit;

// Page 5: what the registration came to: the host secret (masked, length checked), whether the
// host is monitored yet, the site's certificates kept as local ones, and where the state went.
class RegistrationResultPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationResultPage)

public:
    explicit RegistrationResultPage(QWidget *parent = nullptr);

    void setReport(const RegistrationReport &report);
    QLabel *detailsLabel() const { return m_details; }
    QLabel *monitoredLabel() const { return m_monitored; }

private:
    QLabel *m_details;
    QLabel *m_monitored;
    CertificateChainView *m_certificates;
    QPlainTextEdit *m_instructions;
};
