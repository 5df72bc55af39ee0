#pragma once

#include <QString>
#include <QVariantMap>

#include <functional>

#include "UpdaterConfigView.h"

// The agent updater's local files: reads cmk-update-agent.cfg and cmk-update-agent.state, and
// writes the .state the way the updater does — a Python dict literal, atomically (QSaveFile),
// mode 0600 — keeping the previous file as `.bak` and every key it is not asked to change.
class UpdaterStateFile final
{
public:
    static QString defaultStatePath() { return QStringLiteral("/etc/cmk-update-agent.state"); }
    static QString defaultConfigPath()
    {
        return QStringLiteral("/etc/check_mk/cmk-update-agent.cfg");
    }

    struct ReadResult
    {
        bool exists = false;
        UpdaterConfigView::Parsed parsed;
        QString error; // cannot read, or the parse error with line and column
        bool ok() const { return error.isEmpty(); }
    };
    // A missing file is no error (exists = false, no values).
    static ReadResult read(const QString &path);

    explicit UpdaterStateFile(QString path);

    // Called after the new content is written and before it replaces the file: returning false
    // abandons the write (tests use it to prove that an interrupted write leaves the old file).
    void setBeforeCommit(std::function<bool()> hook) { m_beforeCommit = std::move(hook); }

    // Sets `updates` over the current values (other keys stay) and replaces the file. On any
    // failure the old file is left as it was and *error says why.
    bool update(const QVariantMap &updates, QString *error) const;

    // Whether a file could be created or replaced at `path` by this process.
    static bool isWritable(const QString &path);

private:
    QString m_path;
    std::function<bool()> m_beforeCommit;
};
