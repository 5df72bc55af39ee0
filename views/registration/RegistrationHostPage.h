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
    // What the agent updater rule effective for this host name says about the update server,
    // when it differs from the first page's server (empty hides it).
    void setRuleHint(const QString &text);
    QLabel *ruleHintLabel() const { return m_ruleHint; }

Q_SIGNALS:
    void hostNameChanged(const QString &name);

private:
    QLineEdit *m_hostEdit;
    QLabel *m_hint;
    QLabel *m_ruleHint;
};
