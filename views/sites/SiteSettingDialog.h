#pragma once

#include <QDialog>

#include "SiteSetting.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Edits one automatic-update setting of a distributed set-up, globally or for one site. Keys of
// the value it does not show are kept as they were read.
class SiteSettingDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteSettingDialog)

public:
    explicit SiteSettingDialog(const SiteSetting &setting, QWidget *parent = nullptr);

    // The setting with the edited value (every key not shown kept).
    SiteSetting setting() const;
    // The site's answer to the last attempt, shown above the fields.
    void setError(const QString &error);
    // Empty when the input is fine; else the field and what is expected.
    QString validationError() const;

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *userEdit() const { return m_user; }
    QPlainTextEdit *certificatesEdit() const { return m_certificates; }

    void accept() override;

private:
    SiteSetting m_setting;
    QLabel *m_error;
    QLineEdit *m_url;
    QLineEdit *m_user = nullptr;
    QPlainTextEdit *m_certificates = nullptr;
};
