#pragma once

#include <QWizardPage>

#include "RegistrationRequest.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Page 3: who registers: an automation user with its secret, or a user with a password. Offers
// the secret stored in the keychain for a saved connection to the same site.
class RegistrationCredentialsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationCredentialsPage)

public:
    explicit RegistrationCredentialsPage(QWidget *parent = nullptr);
    ~RegistrationCredentialsPage() override;

    void fill(RegistrationRequest &request) const;
    QByteArray secret() const;
    void setStoredSecret(const QByteArray &secret);
    void setStoredSecretError(const QString &reason);
    void initializePage() override;
    // Called by the wizard after it has placed the focus on the page.
    void focusFirstInput();
    bool validatePage() override;
    bool isComplete() const override;

    QLineEdit *userEdit() const { return m_userEdit; }
    QLineEdit *secretEdit() const { return m_secretEdit; }
    QRadioButton *passwordButton() const { return m_password; }
    QPushButton *storedSecretButton() const { return m_stored; }
    QLabel *storedSecretState() const { return m_storedState; }

Q_SIGNALS:
    void storedSecretRequested(const QString &connectionName);
    void credentialsEntered();

private:
    void updateLabels();

    QRadioButton *m_automation;
    QRadioButton *m_password;
    QLineEdit *m_userEdit;
    QLineEdit *m_secretEdit;
    QLabel *m_secretLabel;
    QPushButton *m_stored;
    QLabel *m_storedState;
    QString m_storedConnection;
};
