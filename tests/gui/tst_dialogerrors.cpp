// Errors inside the dialogs that send to the site (sign, upload key, download key, the rule
// editor) offer the action at hand, as the page banners do, against a real demo-site process
// and by keyboard: a wrong secret offers "Edit connection…" (the connection manager opens), a
// self-signed certificate the connection has not pinned "Show certificate…" (trusted, the
// session reconnects with it pinned), an unreachable site "Retry" (which sends the same input
// again), a wrong passphrase puts the keyboard back in the field with its text selected. In
// every case the dialog stays open with its input.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

#include "AgentsPage.h"
#include "AppController.h"
#include "BakeryController.h"
#include "CertificateTrustDialog.h"
#include "ConnectionManagerDialog.h"
#include "DemoConnection.h"
#include "DemoKeyStore.h"
#include "DemoSiteProcess.h"
#include "ErrorBanner.h"
#include "FileDialogs.h"
#include "KeysController.h"
#include "KeysPage.h"
#include "MainWindow.h"
#include "PassphraseDialog.h"
#include "RestClient.h"
#include "SecretStore.h"
#include "SecureBuffer.h"
#include "SetupController.h"
#include "SetupPage.h"
#include "SignDialog.h"
#include "SignatureKeyModel.h"
#include "SigningKeyGenerator.h"
#include "SiteSession.h"
#include "TestEnvironment.h"
#include "UpdaterRuleDialog.h"
#include "UploadKeyDialog.h"

using namespace Qt::StringLiterals;

namespace {

QWidget *focus()
{
    return QApplication::focusWidget();
}

// Alt+letter as the user presses it: through the window, where mnemonics are matched.
void mnemonic(QWidget *dialog, Qt::Key key)
{
    QTest::keyClick(dialog->windowHandle(), key, Qt::AltModifier);
}

QStringList actions(const ErrorBanner *banner)
{
    QStringList texts;
    for (QAbstractButton *b : banner->actionButtons())
        texts << b->text();
    return texts;
}

// Runs `check` on the next modal dialog of type T once it is up (exec() of the action under
// test does not return before); `seen` says whether it came.
template<typename T> void onNextModal(QObject *context, bool *seen, std::function<void(T *)> check)
{
    QTimer::singleShot(0, context, [seen, check] {
        if (!QTest::qWaitFor([] { return qobject_cast<T *>(QApplication::activeModalWidget()); },
                             15000))
            return;
        *seen = true;
        check(qobject_cast<T *>(QApplication::activeModalWidget()));
    });
}

} // namespace

class TestDialogErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signWithAWrongSecretOffersEditConnection();
    void uploadToAnUnpinnedCertificateOffersShowCertificate();
    void downloadOfAnUnreachableSiteOffersRetry();
    void ruleEditorOffersTheFixAndTheField();

private:
    // An AppController connected to the demo process under a name of its own.
    std::unique_ptr<AppController> connectedController(const QString &name)
    {
        auto controller = std::make_unique<AppController>();
        m_connection = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256(), name);
        m_connection.demo = true;
        controller->startDemo(m_connection, m_site.secret());
        controller->window()->resize(1024, 700);
        return controller;
    }
    // True once the keychain holds the demo's secret: startDemo's write has ended and may not
    // answer a destroyed controller.
    bool secretStored()
    {
        SecretStore secrets;
        for (int attempt = 0; attempt < 50; ++attempt) {
            bool answered = false;
            bool stored = false;
            secrets.read(m_connection.keychainKey(), this, [&](SecretResult &&r) {
                stored = r.ok && r.secret.bytes() == m_site.secret();
                answered = true;
            });
            if (!QTest::qWaitFor([&] { return answered; }, 10000))
                return false;
            if (stored)
                return true;
        }
        return false;
    }

    DemoSiteProcess m_site;
    SiteConnection m_connection;
    QTemporaryDir m_dir;
};

void TestDialogErrors::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through scripts/test: this test needs a D-Bus session with gnome-keyring");
    TestEnvironment::isolate();
    QCoreApplication::setApplicationName(u"tst_dialogerrors"_s);
    QVERIFY2(m_site.start({ u"--hosts"_s, u"10"_s }), qPrintable(m_site.error()));
    QVERIFY(m_dir.isValid());
}

// The sign dialog, the secret changed on the site: "Edit connection…" opens the connection
// manager; the key and passphrase stay, and with the right secret the same input signs.
void TestDialogErrors::signWithAWrongSecretOffersEditConnection()
{
    std::unique_ptr<AppController> controller = connectedController(u"Sign errors"_s);
    MainWindow *window = controller->window();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller->session()->isConnected(), 15000);
    window->showPage(u"agents"_s);
    auto *sign = controller->agentsPage()->findChild<QPushButton *>(u"signButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(sign->isEnabled(), 20000);

    RestClient *client = controller->session()->client();
    client->setSecret(SecureBuffer(QByteArray("changed-on-the-site")));
    // Tabbed to, as the keyboard gets there.
    sign->setFocus(Qt::TabFocusReason);
    QTest::keyClick(sign, Qt::Key_Space);
    QPointer<SignDialog> dialog = controller->agentsPage()->signDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *key = dialog->findChild<QComboBox *>(u"signKey"_s);
    const int keyIndex = key->currentIndex();
    mnemonic(dialog, Qt::Key_P); // "&Passphrase:"
    auto *passphrase = dialog->findChild<QLineEdit *>(u"signPassphrase"_s);
    QTRY_COMPARE(focus(), passphrase);
    QTest::keyClicks(focus(), QString::fromLatin1(DemoKeyStore::seededPassphrase));
    QTest::keyClick(focus(), Qt::Key_Return);

    auto *banner = dialog->findChild<ErrorBanner *>(u"signProblem"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->error().status == 401, 15000);
    QCOMPARE(actions(banner), QStringList { u"Edit connection…"_s });
    QVERIFY(dialog->isVisible());
    QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"sign-dialog-wrong-secret"_s).isEmpty());
    // The keyboard is on the fix: Space takes it.
    QCOMPARE(focus(), banner->actionButtons().first());
    bool managerSeen = false;
    onNextModal<ConnectionManagerDialog>(this, &managerSeen,
                                         [](ConnectionManagerDialog *d) { d->reject(); });
    QTest::keyClick(focus(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(managerSeen, 15000);
    // Still open with everything typed.
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(passphrase->text(), QString::fromLatin1(DemoKeyStore::seededPassphrase));
    QCOMPARE(key->currentIndex(), keyIndex);

    // The secret put right (as the connection editor would): the same input signs.
    client->setSecret(SecureBuffer(m_site.secret()));
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    mnemonic(dialog, Qt::Key_P);
    QTRY_COMPARE(focus(), passphrase);
    QSignalSpy finished(controller->bakeryController(), &BakeryController::jobFinished);
    QTest::keyClick(focus(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
    QVERIFY(finished.wait(60000));
    QVERIFY(secretStored());
}

// The upload dialog, the connection no longer pinning the site's self-signed certificate:
// "Show certificate…" opens the trust dialog; trusted, the session reconnects with it pinned,
// and the same input uploads.
void TestDialogErrors::uploadToAnUnpinnedCertificateOffersShowCertificate()
{
    // A key of its own to upload (2,048 bits: quick; the site takes any size).
    SigningKeyRequest request;
    request.alias = u"Uploaded by the dialog test"_s;
    request.siteId = m_site.site();
    request.userId = u"automation"_s;
    request.keyBits = 2048;
    const QByteArray secret = "a passphrase for the upload test";
    const SigningKeyResult key = SigningKeyGenerator::generate(request, SecureBuffer(secret));
    QVERIFY2(key.ok, qPrintable(key.error));
    const QString path = m_dir.filePath(u"upload.pem"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(key.privateKeyPem + key.certificatePem);
    file.close();

    std::unique_ptr<AppController> controller = connectedController(u"Upload errors"_s);
    MainWindow *window = controller->window();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller->session()->isConnected(), 15000);
    window->showPage(u"keys"_s);
    SiteConnection unpinned = m_connection;
    unpinned.pinnedSha256.clear();
    controller->session()->client()->setConnection(unpinned);

    KeysPage *page = controller->keysPage();
    page->uploadKey();
    auto *dialog = page->findChild<UploadKeyDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->setFilePath(path);
    mnemonic(dialog, Qt::Key_S); // "Pa&ssphrase:"
    auto *passphrase = dialog->findChild<QLineEdit *>(u"passphrase"_s);
    QTRY_COMPARE(focus(), passphrase);
    QTest::keyClicks(focus(), QString::fromLatin1(secret));
    QTest::keyClick(focus(), Qt::Key_Return);

    auto *banner = dialog->findChild<ErrorBanner *>(u"uploadProblem"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->error().kind == ApiError::Kind::Tls,
                             15000);
    QCOMPARE(actions(banner), QStringList { u"Show certificate…"_s });
    QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"upload-dialog-untrusted"_s).isEmpty());
    QCOMPARE(focus(), banner->actionButtons().first());
    bool trustSeen = false;
    onNextModal<CertificateTrustDialog>(this, &trustSeen, [](CertificateTrustDialog *d) {
        QTest::keyClick(d->findChild<QCheckBox *>(u"confirmTrust"_s), Qt::Key_Space);
        QTest::keyClick(d->findChild<QPushButton *>(u"trustButton"_s), Qt::Key_Space);
    });
    QSignalSpy reconnected(controller->session(), &SiteSession::connected);
    QTest::keyClick(focus(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(trustSeen, 15000);
    QVERIFY(reconnected.count() > 0 || reconnected.wait(15000));
    QVERIFY(controller->session()->connection().pinnedSha256.contains(
        QString::fromLatin1(m_site.sha256())));
    // Still open with everything given.
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit *>(u"filePath"_s)->text(), path);
    QCOMPARE(passphrase->text(), QString::fromLatin1(secret));

    // The same input uploads now.
    QPointer<UploadKeyDialog> open = dialog;
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    mnemonic(dialog, Qt::Key_S);
    QTRY_COMPARE(focus(), passphrase);
    QSignalSpy done(controller->keysController(), &KeysController::actionFinished);
    QTest::keyClick(focus(), Qt::Key_Return);
    QVERIFY(done.wait(20000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(open.isNull(), 10000);
    QVERIFY(secretStored());
}

// The download's passphrase dialog with the site out of reach: "Retry" sends the same
// passphrase again once it is back; a wrong passphrase first puts the keyboard back in the
// field with the text selected.
void TestDialogErrors::downloadOfAnUnreachableSiteOffersRetry()
{
    std::unique_ptr<AppController> controller = connectedController(u"Download errors"_s);
    MainWindow *window = controller->window();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller->session()->isConnected(), 15000);
    window->showPage(u"keys"_s);
    KeysPage *page = controller->keysPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 15000);
    page->selectKey(1);
    const QString target = m_dir.filePath(u"downloaded.pem"_s);
    FileDialogs::setNextSaveFileName(target);
    page->downloadKey();
    QPointer<PassphraseDialog> dialog = page->findChild<PassphraseDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *passphrase = dialog->findChild<QLineEdit *>(u"passphrase"_s);
    QTRY_COMPARE(focus(), passphrase);

    // A wrong passphrase: said under the field, the keyboard there, the text selected.
    QTest::keyClicks(focus(), u"not the passphrase"_s);
    QTest::keyClick(focus(), Qt::Key_Return);
    auto *fieldError = dialog->findChild<QLabel *>(u"passphraseError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(fieldError->isVisible(), 15000);
    QCOMPARE(fieldError->text(), u"The passphrase does not open this key."_s);
    QCOMPARE(focus(), passphrase);
    QCOMPARE(passphrase->selectedText(), u"not the passphrase"_s);
    QVERIFY(
        !TestEnvironment::saveScreenshot(dialog, u"download-dialog-wrong-passphrase"_s).isEmpty());
    // Typed over, as the selection invites.
    QTest::keyClicks(focus(), QString::fromLatin1(DemoKeyStore::seededPassphrase));
    QCOMPARE(passphrase->text(), QString::fromLatin1(DemoKeyStore::seededPassphrase));
    QVERIFY(!fieldError->isVisible());

    // The site out of reach: a port nobody listens on.
    quint16 port = 0;
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        port = listener.serverPort();
    }
    RestClient *client = controller->session()->client();
    const SiteConnection reachable = client->connection();
    client->setConnection(DemoConnection::make(port, m_site.sha256(), m_connection.name));
    QTest::keyClick(focus(), Qt::Key_Return);
    auto *banner = dialog->findChild<ErrorBanner *>(u"passphraseProblem"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->error().kind == ApiError::Kind::Network,
                             30000);
    QCOMPARE(actions(banner), QStringList { u"Retry"_s });
    QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"download-dialog-unreachable"_s).isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(passphrase->text(), QString::fromLatin1(DemoKeyStore::seededPassphrase));
    QVERIFY(!QFileInfo::exists(target));

    // Back in reach: Retry (the keyboard is on it) sends the same passphrase; saved, closed.
    client->setConnection(reachable);
    QCOMPARE(focus(), banner->actionButtons().first());
    QSignalSpy done(controller->keysController(), &KeysController::actionFinished);
    QTest::keyClick(focus(), Qt::Key_Space);
    QVERIFY(done.wait(20000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
    QVERIFY(QFileInfo::exists(target));
    for (QMessageBox *box : page->findChildren<QMessageBox *>())
        box->close();
    QVERIFY(secretStored());
}

// The rule editor: saved with a wrong secret, it opens again with everything typed and
// "Edit connection…"; saved into a folder the site does not have, the site's words are next to
// the folder and the keyboard is there.
void TestDialogErrors::ruleEditorOffersTheFixAndTheField()
{
    std::unique_ptr<AppController> controller = connectedController(u"Rule errors"_s);
    MainWindow *window = controller->window();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller->session()->isConnected(), 15000);
    window->showPage(u"setup"_s);
    QSignalSpy refreshed(controller->setupController(), &SetupController::refreshed);
    controller->setupController()->refresh();
    QVERIFY(refreshed.wait(30000));
    RestClient *client = controller->session()->client();

    // First editor: a description typed, Enter saves (with a secret the site no longer takes).
    // Second editor (opened again on the refusal): the fix is offered; the connection manager
    // opens; the description is still there. Then the folder is changed to one the site does
    // not have, and Enter saves again (with the right secret). Third editor: the folder's
    // message, the keyboard in the folder field. Escape ends it.
    int round = 0;
    bool managerSeen = false;
    QString secondDescription;
    QStringList secondActions;
    bool secondFocusOnFix = false;
    QString folderMessage;
    bool folderFocused = false;
    // Each editor runs in its own exec(): a timer looks for the next one and drives it.
    QPointer<UpdaterRuleDialog> handled;
    QTimer ticker;
    ticker.setInterval(50);
    connect(&ticker, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<UpdaterRuleDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog == handled || !dialog->isActiveWindow())
            return;
        handled = dialog;
        ++round;
        auto *description = dialog->findChild<QLineEdit *>(u"description"_s);
        if (round == 1) {
            client->setSecret(SecureBuffer(QByteArray("changed-on-the-site")));
            mnemonic(dialog, Qt::Key_E); // "D&escription:"
            if (focus() != description) {
                dialog->reject(); // not as the user would get there: the checks below fail
                return;
            }
            QTest::keyClick(focus(), Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(focus(), u"typed before the refusal"_s);
            QTest::keyClick(focus(), Qt::Key_Return);
            return;
        }
        if (round == 2) {
            auto *banner = dialog->findChild<ErrorBanner *>(u"ruleSiteError"_s);
            secondActions = banner->isVisible() ? actions(banner) : QStringList();
            secondDescription = description->text();
            TestEnvironment::saveScreenshot(dialog, u"rule-editor-wrong-secret"_s);
            secondFocusOnFix
                = !secondActions.isEmpty() && focus() == banner->actionButtons().first();
            if (secondFocusOnFix) {
                onNextModal<ConnectionManagerDialog>(
                    this, &managerSeen, [](ConnectionManagerDialog *d) { d->reject(); });
                QTest::keyClick(focus(), Qt::Key_Space);
            }
            // Put right, and a folder the site does not have.
            client->setSecret(SecureBuffer(m_site.secret()));
            if (!QTest::qWaitFor([&] { return dialog->isActiveWindow(); }, 5000)) {
                dialog->reject();
                return;
            }
            mnemonic(dialog, Qt::Key_F); // "&Folder:"
            if (focus() != dialog->findChild<QLineEdit *>(u"folder"_s)) {
                dialog->reject();
                return;
            }
            QTest::keyClick(focus(), Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(focus(), u"/no/such/folder"_s);
            QTest::keyClick(focus(), Qt::Key_Return);
            return;
        }
        if (round > 3) {
            dialog->reject();
            return;
        }
        auto *folder = dialog->findChild<QLineEdit *>(u"folder"_s);
        auto *message = dialog->findChild<QLabel *>(u"folderError"_s);
        folderMessage = message->isVisible() ? message->text() : QString();
        folderFocused = focus() == folder && folder->selectedText() == folder->text();
        TestEnvironment::saveScreenshot(dialog, u"rule-editor-folder-refused"_s);
        QTest::keyClick(focus(), Qt::Key_Escape);
    });
    ticker.start();
    QSignalSpy saved(controller->setupController(), &SetupController::ruleSaved);
    controller->setupPage()->findChild<QPushButton *>(u"newRule"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() > 0, 60000);
    QCOMPARE(round, 3);
    QCOMPARE(secondActions, QStringList { u"Edit connection…"_s });
    QVERIFY(secondFocusOnFix);
    QVERIFY(managerSeen);
    QCOMPARE(secondDescription, u"typed before the refusal"_s);
    // The site's own words (it writes folders with ~).
    QVERIFY2(folderMessage.contains(u"could not be found"_s), qPrintable(folderMessage));
    QVERIFY(folderFocused);
    QVERIFY(secretStored());
}

QTEST_MAIN(TestDialogErrors)
#include "tst_dialogerrors.moc"
