#include "UpdaterStateFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpdaterStateFile", text);
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Writes bytes to path atomically with mode 0600; `beforeCommit` may abandon the write.
// The texts name their context: in a free function lupdate cannot tell it.
bool writeAtomically(const QString &path, const QByteArray &bytes,
                     const std::function<bool()> &beforeCommit, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("UpdaterStateFile", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    // The temporary file gets the final mode before any secret is in it.
    file.setPermissions(ownerOnly);
    if (file.write(bytes) != bytes.size()) {
        *error = QCoreApplication::translate("UpdaterStateFile", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    if (beforeCommit && !beforeCommit()) {
        file.cancelWriting();
        file.commit(); // discards the temporary file
        *error
            = QCoreApplication::translate(
                  "UpdaterStateFile", "Writing %1 was interrupted; the previous file is unchanged.")
                  .arg(path);
        return false;
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("UpdaterStateFile", "Cannot replace %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, ownerOnly);
    return true;
}

} // namespace

UpdaterStateFile::UpdaterStateFile(QString path)
    : m_path(std::move(path))
{ }

UpdaterStateFile::ReadResult UpdaterStateFile::read(const QString &path)
{
    ReadResult result;
    QFile file(path);
    if (!file.exists())
        return result;
    result.exists = true;
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    const QString text = QString::fromUtf8(file.readAll());
    result.parsed = UpdaterConfigView::parse(text);
    if (result.parsed.error.isError())
        result.error = tr("%1: %2").arg(path, result.parsed.error.toString());
    else if (!result.parsed.message.isEmpty())
        result.error = tr("%1: %2").arg(path, result.parsed.message);
    return result;
}

bool UpdaterStateFile::update(const QVariantMap &updates, QString *error) const
{
    const ReadResult current = read(m_path);
    if (!current.ok()) {
        // Never replace a file we cannot understand: it may hold what the updater needs.
        *error = current.error;
        return false;
    }
    QVariantMap values = current.parsed.values;
    for (auto it = updates.cbegin(); it != updates.cend(); ++it)
        values.insert(it.key(), *it);
    const QString literal = PythonLiteral::write(values, 4);
    const QByteArray bytes = literal.toUtf8() + '\n';

    if (current.exists) {
        QFile old(m_path);
        if (!old.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(m_path, old.errorString());
            return false;
        }
        if (!writeAtomically(m_path + u".bak"_s, old.readAll(), {}, error))
            return false;
    }
    return writeAtomically(m_path, bytes, m_beforeCommit, error);
}

bool UpdaterStateFile::isWritable(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
    const QFileInfo dir(info.absolutePath());
    return dir.isDir() && dir.isWritable();
}
