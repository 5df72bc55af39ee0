#pragma once

#include <QDialog>

#include "AgentUpdaterRule.h"
#include "Prerequisites.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

// Edits one rule of "Agent updater": every key of its value (activation, update server, CA
// certificates, interval, proxy, package format, accepted keys) and its folder and host names.
// Problems are named by field; errors keep OK disabled, warnings are shown.
class UpdaterRuleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdaterRuleDialog)

public:
    UpdaterRuleDialog(const AgentUpdaterRule &rule, const QList<Prerequisites::KeyInfo> &keys,
                      QWidget *parent = nullptr);

    AgentUpdaterRule rule() const;
    // Warnings about the CA certificates (a leaf instead of a CA, not the root), from the app.
    void setCertificateWarnings(const QStringList &warnings);

Q_SIGNALS:
    // The certificate list changed: the app checks them and answers setCertificateWarnings().
    void certificatesChanged(const QStringList &pems);

private:
    void validate();
    void addCertificateFile();

    AgentUpdaterRule m_rule;
    QList<Prerequisites::KeyInfo> m_keys;
    QStringList m_certificates;
    QStringList m_certificateWarnings;
    QLineEdit *m_description;
    QCheckBox *m_disabled;
    QLineEdit *m_folder;
    QLineEdit *m_hosts;
    QLineEdit *m_tags;
    QLineEdit *m_labels;
    QCheckBox *m_activated;
    QLineEdit *m_server;
    QLineEdit *m_site;
    QComboBox *m_protocol;
    QComboBox *m_usage;
    QSpinBox *m_interval;
    QComboBox *m_proxy;
    QLineEdit *m_proxyServer;
    QSpinBox *m_proxyPort;
    QComboBox *m_edition;
    QListWidget *m_certificateList;
    QListWidget *m_keyList;
    QLabel *m_issues;
    QPushButton *m_ok;
};
