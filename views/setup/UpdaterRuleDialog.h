#pragma once

#include <QDialog>
#include <QHash>

#include <functional>
#include <optional>

#include "AgentUpdaterRule.h"
#include "ApiError.h"
#include "ErrorBanner.h"
#include "Prerequisites.h"
#include "RulePosition.h"

class DialogSubmission;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

// Edits one rule of "Agent updater" whole: description, comment, documentation URL, folder,
// host name, tag and label conditions, and each parameter of its value, which can be left
// unset ("a later rule or the default decides"). Parts of the rule it does not show (service
// conditions, value keys it does not know) are named and written back untouched; a parameter
// the user did not touch goes back exactly as read. Problems are named by field; errors keep
// OK disabled, warnings are shown. A new rule's position is chosen here.
class UpdaterRuleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdaterRuleDialog)

public:
    UpdaterRuleDialog(const AgentUpdaterRule &rule, const QList<Prerequisites::KeyInfo> &keys,
                      QWidget *parent = nullptr);

    AgentUpdaterRule rule() const;
    // For a new rule: top or bottom of its folder (unset: bottom, where the site puts it).
    std::optional<RulePosition> position() const;
    // Warnings about the CA certificates (a leaf instead of a CA, not the root), from the app.
    void setCertificateWarnings(const QStringList &warnings);
    // The site refused the last attempt: its reason in words next to the field it names (the
    // keyboard there), or below the form with the fix of its cause at hand ("Edit
    // connection…", "Show certificate…", "Retry", which saves again) (DialogSubmission).
    void setSiteError(const ApiError &error);
    // The fixes the page's banner offers, offered here too.
    void setRemedies(ErrorBanner::Remedies remedies);
    // A few lines that identify a rule (for the "changed meanwhile" question).
    static QStringList describe(const AgentUpdaterRule &rule);

Q_SIGNALS:
    // The certificate list changed: the app checks them and answers setCertificateWarnings().
    void certificatesChanged(const QStringList &pems);

private:
    struct Parameter
    {
        QCheckBox *set = nullptr;
        QList<QWidget *> widgets;
        std::function<QString()> state; // what the widgets show, to see whether it changed
        QString initialState;
    };
    void addParameter(const QString &key, QCheckBox *set, const QList<QWidget *> &widgets,
                      std::function<QString()> state);
    bool touched(const QString &key) const;
    void validate();
    void addCertificateFile();

    AgentUpdaterRule m_rule;
    QList<Prerequisites::KeyInfo> m_keys;
    QStringList m_certificates;
    QStringList m_keyPems; // certificate of each entry of the key list
    QStringList m_certificateWarnings;
    QHash<QString, Parameter> m_parameters;
    QLineEdit *m_description;
    QLineEdit *m_comment;
    QLineEdit *m_documentationUrl;
    QCheckBox *m_disabled;
    QLineEdit *m_folder;
    QComboBox *m_position;
    QLineEdit *m_hosts;
    QCheckBox *m_hostsNegate;
    QLineEdit *m_tags;
    QLineEdit *m_labels;
    QLabel *m_kept;
    QComboBox *m_activated;
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
    QPushButton *m_addCertificate;
    QPushButton *m_removeCertificate;
    QListWidget *m_keyList;
    QLabel *m_issues;
    QPushButton *m_ok;
    ErrorBanner *m_banner;
    DialogSubmission *m_submission;
};
