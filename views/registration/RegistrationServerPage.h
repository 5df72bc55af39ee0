#pragma once

#include <QWizardPage>

#include "RegistrationRequest.h"
#include "TlsCheckResult.h"

class CertificateChainView;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Page 1: where the site is, and whether its certificate is trusted. "Check connection" shows
// the chain; an untrusted one can be trusted as a local certificate or skipped with a warning.
class RegistrationServerPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationServerPage)

public:
    explicit RegistrationServerPage(QWidget *parent = nullptr);

    void fill(RegistrationRequest &request) const;
    void setCheckResult(const TlsCheckResult &result);
    bool isComplete() const override;

    QLineEdit *serverEdit() const { return m_serverEdit; }
    QLineEdit *siteEdit() const { return m_siteEdit; }
    QPushButton *checkButton() const { return m_check; }
    QRadioButton *trustButton() const { return m_trust; }
    QRadioButton *insecureButton() const { return m_insecure; }

Q_SIGNALS:
    void checkRequested();

private:
    void inputChanged();
    void updateTrustWarning();

    QLineEdit *m_serverEdit;
    QLineEdit *m_siteEdit;
    QComboBox *m_protocol;
    QPushButton *m_check;
    QLabel *m_status;
    CertificateChainView *m_chainView;
    QWidget *m_trustBox;
    QRadioButton *m_trust;
    QRadioButton *m_insecure;
    QButtonGroup *m_trustGroup;
    QLabel *m_insecureWarning;
    TlsCheckResult m_result;
    bool m_checked = false;
};
