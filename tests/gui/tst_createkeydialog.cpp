#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>

#include "FileDialogs.h"
#include "SignatureKeyModel.h"
#include "TestEnvironment.h"
#include "common/PassphraseDialog.h"
#include "common/PassphraseField.h"
#include "keys/CertificateDetailsDialog.h"
#include "keys/CreateKeyDialog.h"
#include "keys/KeysPage.h"
#include "keys/UploadKeyDialog.h"

using namespace Qt::StringLiterals;

namespace {

const QDateTime now(QDate(2025, 6, 1), QTime(9, 0), QTimeZone::utc());

SignatureKey sampleKey(int id, const QString &alias, const QString &owner, int createdDaysAgo,
                       int expiresInDays, bool inUse, const QString &digest)
{
    SignatureKey key;
    key.id = id;
    key.alias = alias;
    key.owner = owner;
    key.created = now.addDays(-createdDaysAgo);
    key.notAfter = now.addDays(expiresInDays);
    key.md5Digest = digest;
    key.inUse = inUse;
    return key;
}

QList<SignatureKey> sampleKeys()
{
    return { sampleKey(1, u"Agent signing 2016"_s, u"cmkadmin"_s, 3630, 20, true,
                       u"3F:12:9A:0B:C4:55:E1:7D:90:AB:CD:EF:01:23:45:67"_s),
             sampleKey(2, u"Legacy key (Windows agents)"_s, u"automation"_s, 3590, 60, false,
                       u"A0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D:8E:9F"_s),
             sampleKey(3, u"Agent signing 2025"_s, u"cmkadmin"_s, 12, 3640, true,
                       u"11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00"_s) };
}

QPushButton *okButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestCreateKeyDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validation_data();
    void validation();
    void mismatchShownInline();
    void strength_data();
    void strength();
    void acceptedDialogEmitsRequest();
    void missingBackupFolderIsNamedBeforeGenerating();
    void keysPageScreenshot();
    void emptyStateScreenshot();
    void deleteDisabledWhileInUse();
    void everyActionByKeyboard();
    void dialogScreenshots();
};

void TestCreateKeyDialog::initTestCase()
{
    TestEnvironment::isolate();
}

void TestCreateKeyDialog::validation_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("repeat");
    QTest::addColumn<bool>("understood");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("problemPart");
    const QString good = u"Tr0ub4dor&3 horse"_s;
    QTest::newRow("valid") << u"Signing 2025"_s << good << good << true << true << QString();
    QTest::newRow("short") << u"Signing 2025"_s << u"elevenchars"_s << u"elevenchars"_s << true
                           << false << u"at least 12"_s;
    QTest::newRow("exactly 12") << u"Signing"_s << u"twelve chars"_s << u"twelve chars"_s << true
                                << true << QString();
    QTest::newRow("mismatch") << u"Signing 2025"_s << good << good + u"!"_s << true << false
                              << u"Repeat"_s;
    QTest::newRow("repeat empty") << u"Signing 2025"_s << good << QString() << true << false
                                  << u"Repeat"_s;
    QTest::newRow("not understood")
        << u"Signing 2025"_s << good << good << false << false << u"cannot be recovered"_s;
    QTest::newRow("no alias") << u"   "_s << good << good << true << false << u"description"_s;
}

void TestCreateKeyDialog::validation()
{
    QFETCH(QString, alias);
    QFETCH(QString, passphrase);
    QFETCH(QString, repeat);
    QFETCH(bool, understood);
    QFETCH(bool, ok);
    QFETCH(QString, problemPart);
    CreateKeyDialog dialog;
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"alias"_s), alias);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passphrase"_s), passphrase);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"repeat"_s), repeat);
    dialog.findChild<QCheckBox *>(u"understood"_s)->setChecked(understood);
    QCOMPARE(okButton(&dialog)->isEnabled(), ok);
    QVERIFY2(dialog.problem().contains(problemPart), qPrintable(dialog.problem()));
    QCOMPARE(dialog.findChild<QLabel *>(u"problem"_s)->text(), dialog.problem());
    if (ok) {
        QVERIFY(dialog.backupPath().endsWith(u".pem"_s));
        QVERIFY(dialog.backupPath().contains(u"-signing"_s));
        QByteArray taken = dialog.takePassphrase();
        QCOMPARE(taken, passphrase.toUtf8());
        QVERIFY(dialog.findChild<QLineEdit *>(u"passphrase"_s)->text().isEmpty());
        QVERIFY(dialog.findChild<QLineEdit *>(u"repeat"_s)->text().isEmpty());
        PassphraseField::wipe(taken);
        QVERIFY(taken.isEmpty());
    }
}

void TestCreateKeyDialog::mismatchShownInline()
{
    CreateKeyDialog dialog;
    dialog.show();
    QLabel *mismatch = dialog.findChild<QLabel *>(u"mismatch"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passphrase"_s), u"a long passphrase"_s);
    QVERIFY(!mismatch->isVisible()); // nothing typed in the repeat field yet
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"repeat"_s), u"a long"_s);
    QVERIFY(mismatch->isVisible());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"repeat"_s), u" passphrase"_s);
    QVERIFY(!mismatch->isVisible());
}

void TestCreateKeyDialog::strength_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("level");
    QTest::newRow("short") << u"Ab1!"_s << 0;
    QTest::newRow("12 lower") << u"abcdefghijkl"_s << 1;
    QTest::newRow("12 mixed") << u"abcdEF12!?xy"_s << 3;
    QTest::newRow("16 mixed") << u"abcdEFGH1234!?xy"_s << 4;
    QTest::newRow("13 lower and digits") << u"abcdefgh12345"_s << 2;
    QTest::newRow("long words") << u"correct horse battery staple again"_s << 4;
}

void TestCreateKeyDialog::strength()
{
    QFETCH(QString, passphrase);
    QFETCH(int, level);
    QCOMPARE(CreateKeyDialog::strength(passphrase), level);
}

void TestCreateKeyDialog::acceptedDialogEmitsRequest()
{
    KeysPage page;
    page.show();
    QSignalSpy spy(&page, &KeysPage::createKeyRequested);
    QByteArray received;
    connect(&page, &KeysPage::createKeyRequested, this,
            [&received](const QString &, const QByteArray &passphrase, const QString &) {
                received = QByteArray(passphrase.constData(), passphrase.size()); // deep copy
            });
    page.createKey();
    auto *dialog = page.findChild<CreateKeyDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"alias"_s), u"Rotation 2025"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passphrase"_s), u"a good long passphrase"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"repeat"_s), u"a good long passphrase"_s);
    dialog->findChild<QCheckBox *>(u"understood"_s)->setChecked(true);
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"Rotation 2025"_s);
    QVERIFY(spy.at(0).at(2).toString().endsWith(u"agent-signing-key-rotation-2025.pem"_s));
    QCOMPARE(received, "a good long passphrase"_ba);
    // The dialog waits for the answer; a failure keeps everything typed and says why.
    QVERIFY(dialog->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());
    page.finishDialog(false, u"The passphrase does not open this key."_s);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->alias(), u"Rotation 2025"_s);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"passphrase"_s)->text(), u"a good long passphrase"_s);
    QCOMPARE(dialog->findChild<QLabel *>(u"problem"_s)->text(),
             u"The passphrase does not open this key."_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QPointer<CreateKeyDialog> guard(dialog);
    page.finishDialog(true, QString());
    QTRY_VERIFY(!guard || !guard->isVisible());
}

void TestCreateKeyDialog::missingBackupFolderIsNamedBeforeGenerating()
{
    // The default is a folder that exists (Documents, or home on a server without one).
    QVERIFY(QDir(CreateKeyDialog::defaultBackupFolder()).exists());
    CreateKeyDialog dialog;
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"alias"_s), u"Signing"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passphrase"_s), u"a good long passphrase"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"repeat"_s), u"a good long passphrase"_s);
    dialog.findChild<QCheckBox *>(u"understood"_s)->setChecked(true);
    QVERIFY(okButton(&dialog)->isEnabled());
    auto *backup = dialog.findChild<QLineEdit *>(u"backupPath"_s);
    backup->setText(u"/no/such/folder/key.pem"_s);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY2(dialog.problem().contains(u"/no/such/folder"_s), qPrintable(dialog.problem()));
    QVERIFY(dialog.problem().contains(
        QDir::toNativeSeparators(CreateKeyDialog::defaultBackupFolder())));
}

void TestCreateKeyDialog::keysPageScreenshot()
{
    KeysPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setNow(now);
    page.setKeys(sampleKeys());
    page.resize(1000, 360);
    page.selectKey(2);
    page.setBusy(true, tr("Creating a 4096-bit key…"));
    QCOMPARE(page.table()->model()->rowCount(), 3);
    QCOMPARE(page.selectedKeyId(), 2);
    const QString path = TestEnvironment::saveScreenshot(&page, u"keys-page"_s);
    QVERIFY(!path.isEmpty());
}

void TestCreateKeyDialog::emptyStateScreenshot()
{
    KeysPage page;
    page.setKeys({});
    page.resize(800, 300);
    ApiError error = ApiError::local(tr("Could not load the keys"), tr("Connection refused"));
    page.showError(error);
    QVERIFY(page.findChild<QLabel *>(u"emptyState"_s)->isVisibleTo(&page));
    QVERIFY(!TestEnvironment::saveScreenshot(&page, u"keys-page-empty"_s).isEmpty());
}

void TestCreateKeyDialog::everyActionByKeyboard()
{
    // The tool bar's buttons take no focus: the keyboard reaches each action by its shortcut
    // (named in its tool tip) or by the table's context menu.
    KeysPage page;
    page.setNow(now);
    page.setKeys(sampleKeys());
    page.resize(1000, 360);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.table()->setFocus();
    page.selectKey(2);
    QSignalSpy details(&page, &KeysPage::certificateDetailsRequested);
    QSignalSpy deleted(&page, &KeysPage::deleteKeyRequested);
    // QTRY_VERIFY evaluates its expression more than once: finding has no side effect.
    const auto shown = [&page](const char *type) -> QDialog * {
        for (QDialog *candidate : page.findChildren<QDialog *>()) {
            if (candidate->isVisible() && candidate->inherits(type))
                return candidate;
        }
        return nullptr;
    };
    QTest::keyClick(page.table(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(shown("CreateKeyDialog"));
    shown("CreateKeyDialog")->reject();
    QTest::keyClick(page.table(), Qt::Key_U, Qt::ControlModifier);
    QTRY_VERIFY(shown("UploadKeyDialog"));
    shown("UploadKeyDialog")->reject();
    // The file dialog is native and modal: the test names the file it would return.
    FileDialogs::setNextSaveFileName(QDir::temp().filePath(u"agentdesk-key-by-keyboard.pem"_s));
    QTest::keyClick(page.table(), Qt::Key_D, Qt::ControlModifier);
    QTRY_VERIFY(shown("PassphraseDialog"));
    shown("PassphraseDialog")->reject();
    QTest::keyClick(page.table(), Qt::Key_I, Qt::ControlModifier);
    QCOMPARE(details.size(), 1);
    QCOMPARE(details.first().first().toInt(), 2);

    // Delete asks first, with Cancel as the default; the answer comes by keyboard too.
    const auto question = [&page]() -> QMessageBox * {
        for (QMessageBox *box : page.findChildren<QMessageBox *>()) {
            if (box->isVisible())
                return box;
        }
        return nullptr;
    };
    QTest::keyClick(page.table(), Qt::Key_Delete);
    QTRY_VERIFY(question() && question()->isActiveWindow());
    QTest::keyClick(question(), Qt::Key_Return);
    QTRY_VERIFY(!question());
    QCOMPARE(deleted.size(), 0);
    page.activateWindow(); // what a window manager does when the box closes; offscreen does not
    QTRY_VERIFY(page.isActiveWindow());
    QTest::keyClick(page.table(), Qt::Key_Delete);
    QTRY_VERIFY(question() && question()->isActiveWindow());
    QTest::keyClick(question(), Qt::Key_Y, Qt::AltModifier); // the mnemonic of &Yes
    QTRY_COMPARE(deleted.size(), 1);
    QCOMPARE(deleted.first().first().toInt(), 2);

    for (QAction *action : page.findChild<QToolBar *>()->actions()) {
        if (action->isSeparator() || action->shortcut().isEmpty())
            continue;
        QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(action->toolTip()));
    }
    QCOMPARE(page.table()->contextMenuPolicy(), Qt::ActionsContextMenu);
    QCOMPARE(page.table()->actions().size(), 5);
}

void TestCreateKeyDialog::deleteDisabledWhileInUse()
{
    KeysPage page;
    page.setNow(now);
    page.setKeys(sampleKeys());
    page.show();
    QAction *deleteAction = nullptr;
    QAction *downloadAction = nullptr;
    for (QAction *action : page.findChild<QToolBar *>()->actions()) {
        if (action->text().startsWith(u"Delete"_s))
            deleteAction = action;
        if (action->text().startsWith(u"Download"_s))
            downloadAction = action;
    }
    QVERIFY(deleteAction && downloadAction);
    QVERIFY(!deleteAction->isEnabled()); // nothing selected
    page.selectKey(1);
    QVERIFY(!deleteAction->isEnabled());
    QVERIFY(deleteAction->toolTip().contains(u"still used"_s));
    QVERIFY(downloadAction->isEnabled());
    page.selectKey(2);
    QVERIFY(deleteAction->isEnabled());
    page.setBusy(true, u"busy"_s);
    QVERIFY(!deleteAction->isEnabled());
}

void TestCreateKeyDialog::dialogScreenshots()
{
    CreateKeyDialog create;
    QTest::keyClicks(create.findChild<QLineEdit *>(u"alias"_s), u"Agent signing 2025"_s);
    QTest::keyClicks(create.findChild<QLineEdit *>(u"passphrase"_s), u"abcdEFGH1234!?xy"_s);
    QTest::keyClicks(create.findChild<QLineEdit *>(u"repeat"_s), u"abcdEFGH1234"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&create, u"create-key-dialog"_s).isEmpty());

    PassphraseDialog passphrase(
        u"The site hands out the key \"Agent signing 2025\" only with its passphrase."_s);
    QTest::keyClicks(passphrase.field(), u"secret"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&passphrase, u"passphrase-dialog"_s).isEmpty());

    UploadKeyDialog upload;
    upload.setPastedText(u"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIJrTBXBgkqhkiG9w0BBQ0wSjAp\n"
                         "-----END ENCRYPTED PRIVATE KEY-----\n"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&upload, u"upload-key-dialog"_s).isEmpty());

    CertificateSummary summary;
    summary.commonName = u"Agent signing 2025"_s;
    summary.organization = u"Checkmk Site mysite"_s;
    summary.organizationalUnit = u"cmkadmin"_s;
    summary.subject = u"OU=cmkadmin,O=Checkmk Site mysite,CN=Agent signing 2025"_s;
    summary.issuer = summary.subject;
    summary.isSelfSigned = true;
    summary.serialNumberHex = u"4F0A1B2C3D4E5F60718293A4B5C6D7E8F9001122"_s;
    summary.notBefore = now;
    summary.notAfter = now.addYears(10);
    summary.keyType = u"RSA"_s;
    summary.keyBits = 4096;
    summary.signatureAlgorithm = u"sha512WithRSAEncryption"_s;
    summary.keyUsage = { u"Digital Signature"_s };
    summary.md5Digest = u"3F:12:9A:0B:C4:55:E1:7D:90:AB:CD:EF:01:23:45:67"_s;
    summary.sha256Fingerprint = u"AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                                "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"_s;
    summary.pem = "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIUT...\n"
                  "-----END CERTIFICATE-----\n"_ba;
    CertificateDetailsDialog details(summary);
    QCOMPARE(details.findChild<QPlainTextEdit *>(u"pem"_s)->toPlainText().toLatin1(), summary.pem);
    QVERIFY(!TestEnvironment::saveScreenshot(&details, u"certificate-details-dialog"_s).isEmpty());
}

QTEST_MAIN(TestCreateKeyDialog)
#include "tst_createkeydialog.moc"
