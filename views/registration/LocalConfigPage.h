#pragma once

#include <QWidget>

#include "UpdaterConfigView.h"

class ErrorBanner;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class UpdaterConfigModel;

// The agent updater's configuration on this machine: both files (default paths or chosen ones),
// each key with its value and the file it comes from; secrets masked until revealed; a file
// that does not parse is named with line and column. The app reads the files and calls setFiles.
class LocalConfigPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalConfigPage)

public:
    // One file as read: whether it exists, its values, or why it could not be used.
    struct FileState
    {
        QString path;
        bool exists = false;
        QVariantMap values;
        QString error; // "…: expected ':' after dict key at line 3, column 7"
    };

    explicit LocalConfigPage(QWidget *parent = nullptr);
    ~LocalConfigPage() override;

    void setPaths(const QString &cfgPath, const QString &statePath);
    QString cfgPath() const;
    QString statePath() const;
    void setFiles(const FileState &cfg, const FileState &state);

    UpdaterConfigModel *model() const { return m_model; }
    QCheckBox *revealBox() const { return m_reveal; }
    QLabel *statusLabel() const { return m_status; }
    ErrorBanner *errorBanner() const { return m_banner; }

Q_SIGNALS:
    // Read the files again (after a path changed or on request).
    void reloadRequested();

private:
    QLineEdit *m_cfgPath;
    QLineEdit *m_statePath;
    QCheckBox *m_reveal;
    QLabel *m_status;
    ErrorBanner *m_banner;
    QTableView *m_table;
    UpdaterConfigModel *m_model;
};
