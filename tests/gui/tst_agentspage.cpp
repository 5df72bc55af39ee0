// The agents page against an embedded demo site: bake, sign with a wrong and the right
// passphrase, follow the job to its end, verify a package offline.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "AgentsPage.h"
#include "BakeryController.h"
#include "DemoConnection.h"
#include "DemoKeyStore.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "FileDialogs.h"
#include "KeysController.h"
#include "KeysPage.h"
#include "PassphraseDialog.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RuleCodec.h"
#include "SecretStore.h"
#include "SignDialog.h"
#include "SignatureKeyModel.h"
#include "SiteSession.h"
#include "TestEnvironment.h"
#include "UploadKeyDialog.h"

using namespace Qt::StringLiterals;

class TestAgentsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsSignedAgents();
    void bakeThenSign();
    void verifyOffline();
    void createKeyBacksUpThenUploads();
    void signingWithARefusedKeyWarns();
    void bakingUnsignedAsksFirst();
    void verdictGoesAwayWithTheAgent();
    void acceptedKeysFollowEachHostsRule();
    void signDialogStaysOpenOnRefusal();
    void downloadDialogStaysOpenOnRefusal();
    void screenshots();

private:
    DemoSiteThread m_demo;
    SecretStore m_secrets;
    std::unique_ptr<SiteSession> m_session;
    AgentsPage m_page;
    KeysPage m_keysPage;
    std::unique_ptr<BakeryController> m_bakery;
    std::unique_ptr<KeysController> m_keys;
};

void TestAgentsPage::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 300;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
    m_session = std::make_unique<SiteSession>(&m_secrets, nullptr);
    m_bakery = std::make_unique<BakeryController>(m_session.get(), &m_page);
    m_keys = std::make_unique<KeysController>(m_session.get(), &m_keysPage);
    m_keys->setKeyBits(2048); // a real key, just quicker than 4096 for the test
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"demo"_s);
    QSignalSpy loaded(m_bakery.get(), &BakeryController::agentsLoaded);
    m_session->openWithSecret(c, m_demo.site()->automationSecret());
    QVERIFY(loaded.wait(15000));
}

void TestAgentsPage::listsSignedAgents()
{
    auto *table = m_page.findChild<QTableWidget *>(u"agentsTable"_s);
    QCOMPARE(table->rowCount(), 8);
    QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 4)->text(), u"Demo signing key"_s, 5000);
    QCOMPARE(table->item(0, 1)->text().size(), 16);
}

void TestAgentsPage::bakeThenSign()
{
    auto *table = m_page.findChild<QTableWidget *>(u"agentsTable"_s);
    const QString before = table->item(0, 1)->text();
    QSignalSpy finished(m_bakery.get(), &BakeryController::jobFinished);
    QSignalSpy loaded(m_bakery.get(), &BakeryController::agentsLoaded);
    m_bakery->bake();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page.findChild<QLabel *>(u"jobState"_s)->text().startsWith(u"Running"_s), 5000);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(m_page.findChild<QPlainTextEdit *>(u"jobLog"_s)->toPlainText().count(u'\n') >= 7);
    QVERIFY(loaded.wait(10000));
    QVERIFY(table->item(0, 1)->text() != before); // baked anew
    QCOMPARE(table->item(0, 4)->text(), u"not signed"_s);

    // A wrong passphrase: refused before any job starts, nothing signed.
    finished.clear();
    m_bakery->sign(1, "not the passphrase", false);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);

    finished.clear();
    loaded.clear();
    m_bakery->sign(1, QByteArray(DemoKeyStore::seededPassphrase), false);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(table->item(0, 4)->text(), u"Demo signing key"_s);
}

void TestAgentsPage::verifyOffline()
{
    auto *table = m_page.findChild<QTableWidget *>(u"agentsTable"_s);
    table->selectRow(2);
    QSignalSpy verified(m_bakery.get(), &BakeryController::verified);
    m_bakery->verify(m_page.selectedHash());
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().at(1).toBool(), true);
    QVERIFY(m_page.findChild<QPlainTextEdit *>(u"verdicts"_s)->toPlainText().contains(u"VALID"_s));
}

void TestAgentsPage::createKeyBacksUpThenUploads()
{
    QTemporaryDir dir;
    const QString backup = dir.filePath(u"backup.pem"_s);
    QSignalSpy done(m_keys.get(), &KeysController::actionFinished);
    QSignalSpy changed(m_keys.get(), &KeysController::keysChanged);
    Q_EMIT m_keysPage.createKeyRequested(u"Rotation 2026"_s, "a long enough passphrase", backup);
    QVERIFY(done.wait(60000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QVERIFY(QFileInfo::exists(backup));
    QCOMPARE(QFileInfo(backup).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QFile f(backup);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pem = f.readAll();
    QVERIFY(pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QVERIFY(pem.contains("-----BEGIN CERTIFICATE-----"));
    QVERIFY(changed.wait(10000));
    bool found = false;
    for (int r = 0; r < m_keysPage.model()->rowCount(); ++r)
        found = found || m_keysPage.model()->index(r, 0).data().toString() == u"Rotation 2026"_s;
    QVERIFY(found);

    // Uploading it with a wrong passphrase: the dialog stays open with its input and says why.
    m_keysPage.show();
    m_keysPage.uploadKey();
    auto *dialog = m_keysPage.findChild<UploadKeyDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->setFilePath(backup);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passphrase"_s), u"not the passphrase"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    // The refused passphrase is said under its field, which has the keyboard back, its text
    // selected to be typed over.
    auto *passphraseError = dialog->findChild<QLabel *>(u"uploadPassphraseError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(passphraseError->text().contains(u"passphrase does not open"_s), 5000);
    QVERIFY(passphraseError->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit *>(u"filePath"_s)->text(), backup);
    auto *field = dialog->findChild<QLineEdit *>(u"passphrase"_s);
    QCOMPARE(dialog->focusWidget(), field);
    QCOMPARE(field->selectedText(), u"not the passphrase"_s);
    // The right passphrase: the site refuses a key it has already, in its words, still open.
    auto *problem = dialog->findChild<ErrorBanner *>(u"uploadProblem"_s);
    field->clear();
    QTest::keyClicks(field, u"a long enough passphrase"_s);
    QVERIFY(!passphraseError->isVisible());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(problem->error().isError(), 10000);
    QVERIFY2(problem->isVisible(), "the site's reason is shown");
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestAgentsPage::signingWithARefusedKeyWarns()
{
    // The key made above shows in the sign dialog's list without a reload (fresh state) ...
    int rotation = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto &[id, alias] : m_page.keys()) {
                if (alias == u"Rotation 2026"_s)
                    rotation = id;
            }
            return rotation > 0;
        }(),
        10000);
    // ... and signing with it warns: the demo's rule accepts only the demo key.
    AgentsPage::setNextConfirmation(false);
    QVERIFY(!m_page.confirmSigningKey(rotation));
    QVERIFY2(m_page.lastQuestion().contains(u"Rotation 2026"_s), qPrintable(m_page.lastQuestion()));
    QVERIFY(m_page.lastQuestion().contains(u"Automatic updates for all hosts"_s));
    // The accepted key asks nothing.
    QVERIFY(m_page.confirmSigningKey(1));
}

void TestAgentsPage::bakingUnsignedAsksFirst()
{
    auto *bake = m_page.findChild<QPushButton *>(u"bakeButton"_s);
    // Only the mnemonic (Alt+B), which goes through the same question as a click; no Ctrl+B.
    QCOMPARE(bake->shortcut(), QKeySequence(u"Alt+B"_s));
    QSignalSpy requested(&m_page, &AgentsPage::bakeRequested);
    AgentsPage::setNextConfirmation(false);
    bake->click();
    QCOMPARE(requested.count(), 0);
    QVERIFY(m_page.lastQuestion().contains(u"hosts stop updating until the agents are signed "
                                           "again"_s));
}

void TestAgentsPage::verdictGoesAwayWithTheAgent()
{
    auto *table = m_page.findChild<QTableWidget *>(u"agentsTable"_s);
    auto *verdicts = m_page.findChild<QPlainTextEdit *>(u"verdicts"_s);
    table->selectRow(0);
    const QString hash = m_page.selectedHash();
    QSignalSpy verified(m_bakery.get(), &BakeryController::verified);
    m_bakery->verify(hash);
    QVERIFY(verified.wait(10000));
    // Every package type is checked, each naming the key.
    for (const QString &os : table->item(0, 2)->text().split(u", "_s))
        QVERIFY2(verdicts->toPlainText().contains(u"Package "_s + os), qPrintable(os));
    QVERIFY(verdicts->toPlainText().contains(u"Demo signing key"_s));
    // Baked anew: the verdict was about a package that is gone.
    QSignalSpy finished(m_bakery.get(), &BakeryController::jobFinished);
    QSignalSpy loaded(m_bakery.get(), &BakeryController::agentsLoaded);
    m_bakery->bake();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(table->item(0, 1)->text() != hash, 10000);
    QVERIFY(verdicts->toPlainText().isEmpty());
    // Signed again so that later tests see signed agents.
    finished.clear();
    m_bakery->sign(1, QByteArray(DemoKeyStore::seededPassphrase), false);
    QVERIFY(finished.wait(20000));
}

void TestAgentsPage::acceptedKeysFollowEachHostsRule()
{
    // Another admin makes the Windows servers accept only the key made above: a rule in
    // /windows that comes first for those hosts.
    const SignatureKey *rotation = nullptr;
    for (int r = 0; r < m_keysPage.model()->rowCount(); ++r) {
        const SignatureKey *k = m_keysPage.model()->keyAt(r);
        if (k && k->alias == u"Rotation 2026"_s)
            rotation = k;
    }
    QVERIFY(rotation);
    const int rotationId = rotation->id;
    AgentUpdaterRule rule;
    rule.folder = u"/windows"_s;
    rule.properties.description = u"Windows: rotation key only"_s;
    rule.value = { { u"signature_keys"_s,
                     QStringList { QString::fromLatin1(rotation->certificatePem) } } };
    RestClient other(DemoConnection::make(m_demo.site()->port(), m_demo.site()->certificateSha256(),
                                          u"other"_s));
    other.setSecret(SecureBuffer(m_demo.site()->automationSecret()));
    RestReply *reply = other.send(RestRequest::post(u"/domain-types/rule/collections/all"_s,
                                                    QJsonDocument(RuleCodec::createBody(rule))));
    QSignalSpy posted(reply, &RestReply::finished);
    QVERIFY(posted.wait(10000));
    const RestResult created = posted.first().first().value<RestResult>();
    QVERIFY2(created.ok(), qPrintable(created.error.summary()));
    const QString ruleId = created.json.object().value(u"id"_s).toString();
    m_session->reportWrite(SiteSession::Change::Rules);

    // Signing with the demo key: the Windows hosts refuse it, named with their rule and agent.
    const auto question = [this](int keyId) {
        // Answered "no" when asked: true means nothing was asked.
        AgentsPage::setNextConfirmation(false);
        const bool asked = !m_page.confirmSigningKey(keyId);
        AgentsPage::setNextConfirmation(std::nullopt);
        return asked ? m_page.lastQuestion() : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(question(1).contains(u"Windows: rotation key only"_s), 10000);
    QVERIFY2(question(1).contains(u"Windows servers"_s), qPrintable(question(1)));
    QVERIFY(!question(1).contains(u"Automatic updates for all hosts"_s));
    // With the rotation key, every other agent's hosts refuse it, but not the Windows hosts.
    QVERIFY(question(rotationId).contains(u"Automatic updates for all hosts"_s));
    QVERIFY2(!question(rotationId).contains(u"Windows: rotation key only"_s),
             qPrintable(question(rotationId)));
    QVERIFY(!question(rotationId).contains(u"Windows servers"_s));

    // Verify: the Windows agent (signed with the demo key) is refused by its hosts' rule; a
    // Linux agent is taken.
    auto *table = m_page.findChild<QTableWidget *>(u"agentsTable"_s);
    auto *verdicts = m_page.findChild<QPlainTextEdit *>(u"verdicts"_s);
    int windows = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->text() == u"Windows servers"_s)
            windows = r;
    }
    QVERIFY(windows >= 0);
    table->selectRow(windows);
    QSignalSpy verified(m_bakery.get(), &BakeryController::verified);
    m_bakery->verify(m_page.selectedHash());
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().at(1).toBool(), false);
    QVERIFY2(verdicts->toPlainText().contains(u"Windows: rotation key only"_s),
             qPrintable(verdicts->toPlainText()));
    QVERIFY(verdicts->toPlainText().contains(u"REFUSE it"_s));
    table->selectRow(windows == 0 ? 1 : 0);
    verified.clear();
    m_bakery->verify(m_page.selectedHash());
    QVERIFY(verified.wait(10000));
    QVERIFY2(verified.first().at(1).toBool(), qPrintable(verdicts->toPlainText()));
    QVERIFY(verdicts->toPlainText().contains(u"accept it, signed with key 1"_s));

    RestReply *removed = other.send(RestRequest::del(u"/objects/rule/"_s + ruleId));
    QSignalSpy gone(removed, &RestReply::finished);
    QVERIFY(gone.wait(10000));
    QVERIFY2(gone.first().first().value<RestResult>().ok(),
             qPrintable(gone.first().first().value<RestResult>().error.summary()));
    m_session->reportWrite(SiteSession::Change::Rules);
    QTRY_VERIFY2_WITH_TIMEOUT(!question(1).contains(u"Windows: rotation key only"_s),
                              qPrintable(question(1)), 10000);
}

void TestAgentsPage::signDialogStaysOpenOnRefusal()
{
    m_page.show();
    auto *sign = m_page.findChild<QPushButton *>(u"signButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(sign->isEnabled(), 20000);
    sign->click();
    QPointer<SignDialog> dialog = m_page.signDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *field = dialog->findChild<QLineEdit *>(u"signPassphrase"_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    const int keyIndex = dialog->findChild<QComboBox *>(u"signKey"_s)->currentIndex();
    QCOMPARE(dialog->keyId(), 1); // the key the rules accept is preselected
    QTest::keyClicks(field, u"not the passphrase"_s);
    QSignalSpy finished(m_bakery.get(), &BakeryController::jobFinished);
    ok->click();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    // Still open, with its input, and the reason in words next to the passphrase.
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(u"signPassphraseError"_s);
    QCOMPARE(error->text(), u"The passphrase does not open this key."_s);
    QVERIFY(error->isVisible());
    QCOMPARE(field->text(), u"not the passphrase"_s);
    // The keyboard is back in the field, the text selected to be typed over.
    QCOMPARE(dialog->focusWidget(), field);
    QCOMPARE(field->selectedText(), u"not the passphrase"_s);
    QCOMPARE(dialog->findChild<QComboBox *>(u"signKey"_s)->currentIndex(), keyIndex);
    QVERIFY(ok->isEnabled());
    QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"sign-dialog-refused"_s).isEmpty());
    // Typing again answers the message; the right passphrase signs and closes the dialog.
    field->clear();
    QTest::keyClicks(field, QString::fromLatin1(DemoKeyStore::seededPassphrase));
    QVERIFY(!error->isVisible());
    finished.clear();
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
}

void TestAgentsPage::downloadDialogStaysOpenOnRefusal()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(u"downloaded.pem"_s);
    m_keysPage.show();
    QTRY_VERIFY_WITH_TIMEOUT(m_keysPage.model()->rowCount() > 0, 10000);
    m_keysPage.selectKey(1);
    FileDialogs::setNextSaveFileName(target);
    m_keysPage.downloadKey();
    QPointer<PassphraseDialog> dialog = m_keysPage.findChild<PassphraseDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *field = dialog->findChild<QLineEdit *>(u"passphrase"_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(field, u"not the passphrase"_s);
    QSignalSpy done(m_keys.get(), &KeysController::actionFinished);
    ok->click();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), false);
    // Still open, the passphrase kept, the reason in words at the field; nothing written.
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(u"passphraseError"_s);
    QCOMPARE(error->text(), u"The passphrase does not open this key."_s);
    QVERIFY(error->isVisible());
    QCOMPARE(field->text(), u"not the passphrase"_s);
    QCOMPARE(dialog->focusWidget(), field);
    QCOMPARE(field->selectedText(), u"not the passphrase"_s);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"download-key-refused"_s).isEmpty());
    // The right passphrase: saved, the dialog closes.
    field->clear();
    QTest::keyClicks(field, QString::fromLatin1(DemoKeyStore::seededPassphrase));
    done.clear();
    ok->click();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
    QVERIFY(QFileInfo::exists(target));
    // The confirmation with the path is a window-modal box: closed here.
    for (QMessageBox *box : m_keysPage.findChildren<QMessageBox *>())
        box->close();
}

void TestAgentsPage::screenshots()
{
    m_page.resize(1200, 760);
    QVERIFY(!TestEnvironment::saveScreenshot(&m_page, u"agents-page"_s).isEmpty());
    SignDialog dialog({ { 1, u"Demo signing key"_s }, { 2, u"Rotation 2026"_s } }, 1, true);
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"sign-dialog"_s).isEmpty());
}

QTEST_MAIN(TestAgentsPage)
#include "tst_agentspage.moc"
