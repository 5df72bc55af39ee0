#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

// Page 2: the name this machine has as a host in the site (this machine's name by default).
class RegistrationHostPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationHostPage)

public:
    explicit RegistrationHostPage(QWidget *parent = nullptr);

    void setDefaultHostName(const QString &name);
    QString hostName() const;
    bool isComplete() const override;
    QLineEdit *hostEdit() const { return m_hostEdit; }

private:
    QLineEdit *m_hostEdit;
    QLabel *m_hint;
};
