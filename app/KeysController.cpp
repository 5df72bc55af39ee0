#include "KeysController.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include "CertificateInfo.h"
#include "KeyBundle.h"
#include "KeysApi.h"
#include "KeysPage.h"
#include "PassphraseDialog.h"
#include "SecureBuffer.h"
#include "SignatureKey.h"
#include "SigningKeyGenerator.h"
#include "SiteSession.h"
#include "UploadKeyDialog.h"

using namespace Qt::StringLiterals;

namespace {

// Key files hold an encrypted private key: atomic, and readable by the owner only.
bool writePrivateFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
} // namespace

KeysController::KeysController(SiteSession *session, KeysPage *page, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
{
    // The page's passphrase buffers live only while its signal is delivered: direct calls.
    connect(page, &KeysPage::refreshRequested, this, &KeysController::refresh);
    connect(page, &KeysPage::createKeyRequested, this, &KeysController::createKey,
            Qt::DirectConnection);
    connect(page, &KeysPage::uploadKeyRequested, this, &KeysController::uploadKey,
            Qt::DirectConnection);
    connect(page, &KeysPage::downloadKeyRequested, this, &KeysController::downloadKey,
            Qt::DirectConnection);
    connect(page, &KeysPage::deleteKeyRequested, this, &KeysController::deleteKey);
    connect(page, &KeysPage::certificateDetailsRequested, this, &KeysController::showDetails);
    connect(page, &KeysPage::cancelRequested, this, [this] {
        if (m_cancel)
            m_cancel->store(true);
    });
    connect(session, &SiteSession::connected, this, &KeysController::refresh);
}

void KeysController::refresh()
{
    if (!m_session->isConnected())
        return;
    KeysApi(m_session->client()).keys(this, [this](SiteResult<QList<SignatureKey>> r) {
        if (!r.ok() && r.error.status == 404 && !r.error.isSiteNotFound()) {
            // A stock site: no signature-key interface; its own page does it. (The web
            // server's 404, without the API's problem document, is a site that is not there.)
            QUrl page = m_session->connection().checkmkUrl();
            page.setPath(page.path() + u"wato.py"_s);
            page.setQuery(u"mode=signature_keys"_s);
            m_page->showNotOffered(page);
            m_keys.clear();
            Q_EMIT keysChanged();
            return;
        }
        if (!r.ok()) {
            m_page->showError(r.error);
            return;
        }
        m_keys = *r.value;
        m_page->setKeys(m_keys);
        Q_EMIT keysChanged();
    });
}

void KeysController::createKey(const QString &alias, const QByteArray &passphrase,
                               const QString &backupPath)
{
    // Checked before minutes of key generation: the backup must have a folder to go to.
    if (const QDir folder = QFileInfo(backupPath).absoluteDir(); !folder.exists()) {
        const QString problem = tr("The backup folder %1 does not exist; choose one that does.")
                                    .arg(QDir::toNativeSeparators(folder.path()));
        m_page->finishDialog(false, problem);
        Q_EMIT actionFinished(false, problem);
        return;
    }
    auto secret
        = std::make_shared<SecureBuffer>(QByteArray(passphrase.constData(), passphrase.size()));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_page->setBusy(true,
                    tr("Generating a %1-bit RSA key… this takes a few seconds.").arg(m_keyBits));
    SigningKeyRequest request;
    request.alias = alias;
    request.siteId = m_session->version().site;
    request.userId = m_session->connection().user;
    request.keyBits = m_keyBits;
    auto *watcher = new QFutureWatcher<SigningKeyResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, alias, backupPath, secret] {
                watcher->deleteLater();
                const SigningKeyResult result = watcher->result();
                if (result.cancelled) {
                    m_page->setBusy(false);
                    m_page->finishDialog(false, tr("Key generation cancelled."));
                    Q_EMIT actionFinished(false, tr("Key generation cancelled."));
                    return;
                }
                if (!result.ok) {
                    m_page->setBusy(false);
                    m_page->finishDialog(
                        false, tr("The key could not be generated: %1").arg(result.error));
                    m_page->showError(
                        ApiError::local(tr("The key could not be generated"), result.error));
                    Q_EMIT actionFinished(false, result.error);
                    return;
                }
                // The backup comes first: a key that exists only on the site is one disk away from
                // loss.
                QString error;
                if (!writePrivateFile(backupPath, result.privateKeyPem + result.certificatePem,
                                      &error)) {
                    m_page->setBusy(false);
                    m_page->finishDialog(false,
                                         tr("The backup could not be written to %1 (%2), "
                                            "so the key was not uploaded. Choose another "
                                            "backup file.")
                                             .arg(backupPath, error));
                    m_page->showError(ApiError::local(
                        tr("The backup could not be written, so the key was not uploaded"),
                        tr("%1: %2").arg(backupPath, error)));
                    Q_EMIT actionFinished(false, error);
                    return;
                }
                upload(alias, result.privateKeyPem, result.certificatePem, secret);
            });
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    watcher->setFuture(QtConcurrent::run([request, secret, cancel] {
        return SigningKeyGenerator::generate(request, *secret, cancel.get());
    }));
}

void KeysController::uploadKey(const QByteArray &pem, const QByteArray &passphrase)
{
    auto secret
        = std::make_shared<SecureBuffer>(QByteArray(passphrase.constData(), passphrase.size()));
    // Checked here before anything is sent: the passphrase must open the key, and key and
    // certificate must belong together.
    const KeyBundle bundle = KeyBundle::fromPem(pem);
    QString error;
    if (!bundle.check(*secret, &error)) {
        ApiError refused = ApiError::local(tr("The key was not uploaded"), error);
        // A passphrase that does not open a complete key is said at the passphrase.
        QString ignored;
        if (bundle.isComplete(&ignored) && !bundle.opens(*secret, &ignored))
            refused.fields.insert(QString::fromLatin1(UploadKeyDialog::passphraseField),
                                  { tr("The passphrase does not open this key.") });
        m_page->finishDialog(false, refused);
        Q_EMIT actionFinished(false, error);
        return;
    }
    const CertificateInfo info = CertificateInfo::fromPem(bundle.certificatePem());
    m_page->setBusy(true, tr("Uploading the key…"));
    upload(info.commonName(), bundle.privateKeyPem(), bundle.certificatePem(), secret);
}

void KeysController::upload(const QString &alias, const QByteArray &keyPem,
                            const QByteArray &certificatePem,
                            std::shared_ptr<SecureBuffer> passphrase)
{
    KeysApi(m_session->client())
        .upload(alias, certificatePem, keyPem, *passphrase, this, [this, passphrase](SiteAck r) {
            passphrase->clear();
            m_page->setBusy(false);
            if (!r.ok()) {
                ApiError e = r.error;
                const QString field = QString::fromLatin1(UploadKeyDialog::passphraseField);
                if (e.fields.contains(field)) {
                    e.detail = tr("The passphrase does not open this key.");
                    e.fields = { { field, { e.detail } } };
                }
                // The dialog stays open with its input; the reason is shown there, in words.
                m_page->finishDialog(false, e);
                Q_EMIT actionFinished(false, e.detail.isEmpty() ? e.summary() : e.detail);
                return;
            }
            m_page->finishDialog(true, QString());
            Q_EMIT actionFinished(true, tr("Key uploaded."));
            refresh();
            m_session->reportWrite(SiteSession::Change::Keys);
        });
}

void KeysController::downloadKey(int id, const QByteArray &passphrase, const QString &targetPath)
{
    const SecureBuffer secret(QByteArray(passphrase.constData(), passphrase.size()));
    m_page->setBusy(true, tr("Downloading the key…"));
    KeysApi(m_session->client())
        .download(id, secret, this, [this, targetPath](SiteResult<QByteArray> r) {
            m_page->setBusy(false);
            if (!r.ok()) {
                // The dialog stays open with the passphrase; the reason in words, at the field.
                ApiError e = r.error;
                const QString field = QString::fromLatin1(PassphraseDialog::passphraseField);
                if (e.fields.contains(field)) {
                    e.detail = tr("The passphrase does not open this key.");
                    e.fields = { { field, { e.detail } } };
                }
                m_page->finishDownload(false, e);
                Q_EMIT actionFinished(false, e.detail.isEmpty() ? e.summary() : e.detail);
                return;
            }
            QString error;
            if (!writePrivateFile(targetPath, *r.value, &error)) {
                m_page->finishDownload(
                    false,
                    ApiError::local(
                        tr("The key could not be saved"),
                        tr("The key could not be saved to %1: %2").arg(targetPath, error)));
                Q_EMIT actionFinished(false, error);
                return;
            }
            m_page->finishDownload(true, {});
            m_page->confirmDownloaded(targetPath);
            Q_EMIT actionFinished(true, tr("Key saved to %1.").arg(targetPath));
        });
}

void KeysController::deleteKey(int id)
{
    KeysApi(m_session->client()).remove(id, this, [this](SiteAck r) {
        if (!r.ok()) {
            ApiError e = r.error;
            if (e.status == 409)
                e.detail += tr(" Remove the key from \"Signature keys the agent will accept\" in "
                               "the agent updater rule, "
                               "sign the agents with another key and activate the changes first.");
            m_page->showError(e);
            Q_EMIT actionFinished(false, e.summary());
            return;
        }
        Q_EMIT actionFinished(true, tr("Key deleted."));
        refresh();
        m_session->reportWrite(SiteSession::Change::Keys);
    });
}

void KeysController::showDetails(int id)
{
    for (const SignatureKey &k : std::as_const(m_keys)) {
        if (k.id == id) {
            m_page->showCertificateDetails(CertificateInfo::fromPem(k.certificatePem).summary());
            return;
        }
    }
}
