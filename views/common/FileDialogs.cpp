#include "FileDialogs.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
QString settingsKey(const QString &kind)
{
    return u"fileDialogs/"_s + kind;
}

QString nextSaveFileName;
} // namespace

void FileDialogs::setNextSaveFileName(const QString &path)
{
    nextSaveFileName = path;
}

QString FileDialogs::startFolder(const QString &kind, QStandardPaths::StandardLocation start)
{
    const QString last = QSettings().value(settingsKey(kind)).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    QString folder = QStandardPaths::writableLocation(start);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return folder;
}

void FileDialogs::rememberFolder(const QString &kind, const QString &filePath)
{
    QSettings().setValue(settingsKey(kind), QFileInfo(filePath).absolutePath());
}

QString FileDialogs::saveFileName(QWidget *parent, const QString &kind, const QString &caption,
                                  const QString &fileName, const QString &filter,
                                  QStandardPaths::StandardLocation start)
{
    const QString path = !nextSaveFileName.isEmpty()
        ? std::exchange(nextSaveFileName, QString())
        : QFileDialog::getSaveFileName(parent, caption,
                                       QDir(startFolder(kind, start)).filePath(fileName), filter);
    if (!path.isEmpty())
        rememberFolder(kind, path);
    return path;
}

QString FileDialogs::openFileName(QWidget *parent, const QString &kind, const QString &caption,
                                  const QString &filter, QStandardPaths::StandardLocation start)
{
    const QString path
        = QFileDialog::getOpenFileName(parent, caption, startFolder(kind, start), filter);
    if (!path.isEmpty())
        rememberFolder(kind, path);
    return path;
}

QMessageBox *FileDialogs::confirmSaved(QWidget *parent, const QString &title, const QString &path)
{
    auto *box = new QMessageBox(QMessageBox::Information, title,
                                tr("Saved to %1").arg(QDir::toNativeSeparators(path)),
                                QMessageBox::Ok, parent);
    box->setObjectName(u"savedConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *open = box->addButton(tr("Open &folder"), QMessageBox::ActionRole);
    open->setObjectName(u"openFolder"_s);
    const QString folder = QFileInfo(path).absolutePath();
    // ActionRole closes the box too; the folder opens in the desktop's file manager.
    QObject::connect(open, &QPushButton::clicked, box,
                     [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    box->open();
    return box;
}
