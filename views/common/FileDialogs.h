#pragma once

#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>

class QMessageBox;
class QWidget;

// File dialogs that start where files of their kind belong (Documents for exports, Downloads
// for downloaded keys) and then in the folder last used for that kind (QSettings), and the
// confirmation after a file is written: its path and "Open folder".
class FileDialogs final
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    // `kind` names the remembered folder ("export", "key", ...).
    static QString saveFileName(QWidget *parent, const QString &kind, const QString &caption,
                                const QString &fileName, const QString &filter,
                                QStandardPaths::StandardLocation start);
    static QString openFileName(QWidget *parent, const QString &kind, const QString &caption,
                                const QString &filter, QStandardPaths::StandardLocation start);
    // The folder a dialog of this kind starts in.
    static QString startFolder(const QString &kind, QStandardPaths::StandardLocation start);
    static void rememberFolder(const QString &kind, const QString &filePath);
    // Answers the next save dialog without showing it (tests, as KeePassXC's
    // FileDialog::setNextFileName).
    static void setNextSaveFileName(const QString &path);

    // A window-modal note that the file was written, with "Open folder" (the system's file
    // manager) and OK. Does not block; returns the box (deleted on close).
    static QMessageBox *confirmSaved(QWidget *parent, const QString &title, const QString &path);
};
