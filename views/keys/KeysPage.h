#pragma once

#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include "ApiError.h"
#include "CertificateSummary.h"
#include "SignatureKey.h"

class CreateKeyDialog;
class PassphraseDialog;
class UploadKeyDialog;
class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QToolBar;
class ErrorBanner;
class SignatureKeyModel;

// The signature keys page: the site's keys with their expiry, and the actions on them.
// Dialogs collect input here; the requests leave as signals for app/ to carry out.
//
// Passphrases leave as QByteArray (views cannot use SecureBuffer). They are valid only during
// the emission: connect directly, move the bytes into a SecureBuffer in the slot; the page
// wipes its copy as soon as the signal returns.
class KeysPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysPage)

public:
    explicit KeysPage(QWidget *parent = nullptr);

    void setKeys(const QList<SignatureKey> &keys);
    void setNow(const QDateTime &now); // for tests; the page uses the current time otherwise
    void setBusy(bool busy, const QString &text = {});
    // The create or upload request ended: the dialog closes on success; on failure it stays
    // open with every input and shows `problem` (in words, at the field).
    void finishDialog(bool ok, const QString &problem);
    // The same with the error: the upload dialog shows it at the field it names
    // (UploadKeyDialog::passphraseField) or with the fix of its cause at hand.
    void finishDialog(bool ok, const ApiError &error);
    // The download request ended: the passphrase dialog closes on success; on failure it stays
    // open with the passphrase typed and shows `problem` (at the field when its fields name
    // PassphraseDialog::passphraseField; otherwise with the fix of its cause at hand).
    // Without a dialog a failure goes to the banner.
    void finishDownload(bool ok, const ApiError &problem);
    void showError(const ApiError &error);
    // A downloaded key was written: its path and "Open folder".
    void confirmDownloaded(const QString &path);
    // The site has no signature-key interface (a stock site): says so and offers its own page.
    void showNotOffered(const QUrl &sitePage);
    void showCertificateDetails(const CertificateSummary &certificate);

    SignatureKeyModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    int selectedKeyId() const; // 0 when none
    void selectKey(int id);

    // Entry points of the toolbar actions (also for tests and keyboard shortcuts).
    void createKey();
    void uploadKey();
    void downloadKey();
    void deleteKey();

Q_SIGNALS:
    void refreshRequested();
    void createKeyRequested(const QString &alias, const QByteArray &passphrase,
                            const QString &backupPath);
    void uploadKeyRequested(const QByteArray &pem, const QByteArray &passphrase);
    void downloadKeyRequested(int id, const QByteArray &passphrase, const QString &targetPath);
    void deleteKeyRequested(int id);
    // The page cannot parse certificates; app/ answers with showCertificateDetails().
    void certificateDetailsRequested(int id);
    // The long job shown in the busy row (key generation) should stop.
    void cancelRequested();

private:
    void updateActions();

    SignatureKeyModel *m_model;
    ErrorBanner *m_banner;
    QToolBar *m_toolBar;
    QAction *m_createAction;
    QAction *m_uploadAction;
    QAction *m_downloadAction;
    QAction *m_deleteAction;
    QAction *m_detailsAction;
    QAction *m_refreshAction;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTableView *m_table;
    QWidget *m_notOffered = nullptr;
    QUrl m_sitePage;
    QWidget *m_busyRow;
    QLabel *m_busyText;
    QProgressBar *m_busyBar;
    bool m_busy = false;
    QPointer<CreateKeyDialog> m_createDialog;
    QPointer<UploadKeyDialog> m_uploadDialog;
    QPointer<PassphraseDialog> m_downloadDialog;
    bool m_offered = true;
};
