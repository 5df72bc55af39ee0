#pragma once

#include <QWidget>

#include "SiteConnection.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// The form for one site connection, with the secret field beside it. Validates as you type and
// names the field at fault.
class ConnectionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionEditor)

public:
    explicit ConnectionEditor(QWidget *parent = nullptr);

    void setConnection(const SiteConnection &connection);
    // The form's values on top of the connection last set (keeps trust settings).
    SiteConnection connection() const;
    // The secret as typed; empty when untouched. The caller wipes its copy after use.
    QByteArray secret() const;
    bool secretEdited() const { return m_secretEdited; }
    void setSecretPlaceholder(const QString &text);
    void clearSecret();
    QString validationError() const;
    // Where a failed test sends the keyboard: the secret (401) or the site name (404).
    QLineEdit *siteEdit() const { return m_site; }
    QLineEdit *secretEdit() const { return m_secret; }

Q_SIGNALS:
    void changed();

private:
    void updateWarnings();

    SiteConnection m_base;
    QLineEdit *m_name;
    QLineEdit *m_server;
    QLineEdit *m_site;
    QComboBox *m_protocol;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QSpinBox *m_timeout;
    QCheckBox *m_insecure;
    QLabel *m_trustSummary;
    QLabel *m_warning;
    bool m_secretEdited = false;
};
