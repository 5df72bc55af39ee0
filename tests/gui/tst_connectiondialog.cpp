// The connection manager: fill, test against a real demo site, save, reopen, values kept.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

#include "CertificateTrustDialog.h"
#include "ConnectionManagerDialog.h"
#include "ConnectionStore.h"
#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SiteReplyReader.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestConnectionDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fillTestSaveReopen();
    void invalidFieldNamed();
    void wrongSecretShowsError();
    void testErrorsOfferTheFix();
    void testResultStaysWithItsConnection();

private:
    void fill(ConnectionManagerDialog &dialog, const QString &name, const QByteArray &secret);
    void runTest(ConnectionManagerDialog &dialog, bool pinDemo = true);
    DemoSiteProcess m_site;
};

void TestConnectionDialog::initTestCase()
{
    TestEnvironment::isolate();
    QVERIFY2(m_site.start({ u"--hosts"_s, u"20"_s }), qPrintable(m_site.error()));
}

void TestConnectionDialog::fill(ConnectionManagerDialog &dialog, const QString &name,
                                const QByteArray &secret)
{
    auto *nameEdit = dialog.findChild<QLineEdit *>(u"name"_s);
    QVERIFY(nameEdit);
    nameEdit->selectAll();
    QTest::keyClicks(nameEdit, name);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"server"_s), m_site.server());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"site"_s), m_site.site());
    auto *user = dialog.findChild<QLineEdit *>(u"user"_s);
    user->selectAll();
    QTest::keyClicks(user, u"automation"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"secret"_s), QString::fromUtf8(secret));
}

// The dialog asks; this plays the app's part with the real client (pinned demo certificate).
void TestConnectionDialog::runTest(ConnectionManagerDialog &dialog, bool pinDemo)
{
    connect(&dialog, &ConnectionManagerDialog::testRequested, &dialog,
            [this, &dialog, pinDemo](const SiteConnection &c, const QByteArray &secret) {
                SiteConnection pinned = c;
                if (pinDemo)
                    pinned.pinnedSha256 << QString::fromLatin1(m_site.sha256());
                auto *client = new RestClient(pinned, &dialog);
                client->setSecret(SecureBuffer(QByteArray(secret)));
                RestReply *reply = client->send(RestRequest::get(u"/version"_s));
                connect(reply, &RestReply::finished, &dialog, [&dialog](const RestResult &r) {
                    ApiError e = r.error;
                    const auto v = r.ok() ? SiteReplyReader::version(r.json, &e) : std::nullopt;
                    if (v)
                        dialog.setTestResult(*v);
                    else
                        dialog.setTestError(e);
                });
            });
}

void TestConnectionDialog::fillTestSaveReopen()
{
    ConnectionStore().save({});
    {
        ConnectionManagerDialog dialog;
        dialog.setConnections({});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        runTest(dialog);
        fill(dialog, u"Demo HQ"_s, m_site.secret());
        QSignalSpy tested(&dialog, &ConnectionManagerDialog::testRequested);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"testButton"_s), Qt::LeftButton);
        QCOMPARE(tested.count(), 1);
        QCOMPARE(tested.first().at(1).toByteArray(), m_site.secret());
        auto *result = dialog.findChild<QLabel *>(u"testResult"_s);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), 10000);
        QVERIFY(result->text().contains(m_site.site()));
        QVERIFY(result->text().contains(u"Checkmk 2."_s));
        TestEnvironment::saveScreenshot(&dialog, u"connection-manager"_s);

        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto secrets = dialog.takeSecrets();
        QCOMPARE(secrets.value(u"Demo HQ"_s), m_site.secret());
        ConnectionStore().save(dialog.connections());
    }
    // Reopen from what was saved: every value is back, and no secret was written to settings.
    const QList<SiteConnection> saved = ConnectionStore().load();
    QCOMPARE(saved.size(), 1);
    ConnectionManagerDialog again;
    again.setConnections(saved, u"Demo HQ"_s);
    QCOMPARE(again.findChild<QLineEdit *>(u"name"_s)->text(), u"Demo HQ"_s);
    QCOMPARE(again.findChild<QLineEdit *>(u"server"_s)->text(), m_site.server());
    QCOMPARE(again.findChild<QLineEdit *>(u"site"_s)->text(), m_site.site());
    QCOMPARE(again.findChild<QLineEdit *>(u"user"_s)->text(), u"automation"_s);
    QCOMPARE(again.findChild<QComboBox *>(u"protocol"_s)->currentText(), u"HTTPS"_s);
    QVERIFY(again.findChild<QLineEdit *>(u"secret"_s)->text().isEmpty());
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QString::fromUtf8(m_site.secret())),
                 qPrintable(key));
}

void TestConnectionDialog::invalidFieldNamed()
{
    ConnectionManagerDialog dialog;
    dialog.setConnections({});
    dialog.show();
    auto *server = dialog.findChild<QLineEdit *>(u"server"_s);
    QTest::keyClicks(server, u"not a host!"_s);
    auto *error = dialog.findChild<QLabel *>(u"validationError"_s);
    QVERIFY(error->text().startsWith(u"Server:"_s));
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QVERIFY(dialog.isVisible()); // nothing lost, nothing saved
    QCOMPARE(server->text(), u"not a host!"_s);
}

void TestConnectionDialog::wrongSecretShowsError()
{
    ConnectionManagerDialog dialog;
    dialog.setConnections({});
    dialog.show();
    runTest(dialog);
    fill(dialog, u"Wrong"_s, "definitely-wrong"_ba);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"testButton"_s), Qt::LeftButton);
    auto *result = dialog.findChild<QLabel *>(u"testResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Test failed"_s), 10000);
    QVERIFY(result->text().contains(u"401"_s));
}

// A failed test says what to do and offers it: a wrong secret sends the keyboard to the secret,
// a wrong site name to the site, an untrusted certificate shows it and, once trusted, tests
// again with it pinned.
void TestConnectionDialog::testErrorsOfferTheFix()
{
    ConnectionManagerDialog dialog;
    dialog.setConnections({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    runTest(dialog, false); // as the app does: the connection's own trust settings only
    fill(dialog, u"Fixable"_s, "definitely-wrong"_ba);
    auto *test = dialog.findChild<QPushButton *>(u"testButton"_s);
    auto *result = dialog.findChild<QLabel *>(u"testResult"_s);
    auto *fix = dialog.findChild<QPushButton *>(u"testFix"_s);
    QVERIFY(test && result && fix);

    // The demo's self-signed certificate is not trusted yet.
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Test failed"_s), 10000);
    QVERIFY2(fix->isVisible(), qPrintable(result->text()));
    QCOMPARE(fix->text(), u"Show certificate…"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"connection-test-untrusted"_s).isEmpty());
    bool trusted = false;
    QTimer::singleShot(0, &dialog, [&trusted] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<CertificateTrustDialog *>(QApplication::activeModalWidget()), 10000);
        auto *trust = QApplication::activeModalWidget();
        trust->findChild<QCheckBox *>(u"confirmTrust"_s)->setChecked(true);
        QTest::mouseClick(trust->findChild<QPushButton *>(u"trustButton"_s), Qt::LeftButton);
        trusted = true;
    });
    QTest::mouseClick(fix, Qt::LeftButton);
    QVERIFY(trusted);
    QCOMPARE(dialog.connections().first().pinnedSha256,
             QStringList { QString::fromLatin1(m_site.sha256()) });
    // Tested again at once, now with the certificate trusted: the secret is what is wrong.
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"401"_s), 10000);
    QCOMPARE(fix->text(), u"Edit secret"_s);
    auto *secret = dialog.findChild<QLineEdit *>(u"secret"_s);
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), secret); // the window's keyboard focus
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"connection-test-wrong-secret"_s).isEmpty());

    // The right secret, the wrong site name: the server answers, without such a site.
    secret->selectAll();
    QTest::keyClicks(secret, QString::fromLatin1(m_site.secret()));
    auto *site = dialog.findChild<QLineEdit *>(u"site"_s);
    site->selectAll();
    QTest::keyClicks(site, u"nosuchsite"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"no Checkmk site"_s), 10000);
    QCOMPARE(fix->text(), u"Edit site name"_s);
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), site);
    QCOMPARE(site->selectedText(), u"nosuchsite"_s);
    site->selectAll();
    QTest::keyClicks(site, m_site.site());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), 10000);
    QVERIFY(!fix->isVisible());
}

// A test's result and its "Show certificate…" belong to the connection tested: after selecting
// another connection the fix is gone, and a late answer about the first one is not shown under
// (or applied to) the second.
void TestConnectionDialog::testResultStaysWithItsConnection()
{
    SiteConnection a;
    a.name = u"Untrusted A"_s;
    a.server = m_site.server();
    a.site = m_site.site();
    a.user = u"automation"_s;
    SiteConnection b = a;
    b.name = u"Other B"_s;
    b.server = u"other.example:8443"_s;
    ConnectionManagerDialog dialog;
    dialog.setConnections({ a, b });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    runTest(dialog, false);
    auto *list = dialog.findChild<QListWidget *>(u"connectionList"_s);
    auto *test = dialog.findChild<QPushButton *>(u"testButton"_s);
    auto *result = dialog.findChild<QLabel *>(u"testResult"_s);
    auto *fix = dialog.findChild<QPushButton *>(u"testFix"_s);
    QVERIFY(list && test && result && fix);
    list->setCurrentRow(0);

    // A's real answer: the certificate is not trusted, with the fix next to it. The error is
    // kept to replay it later as an answer that arrives late.
    ApiError untrusted;
    connect(&dialog, &ConnectionManagerDialog::testRequested, &dialog,
            [&untrusted, this](const SiteConnection &c, const QByteArray &) {
                auto *client = new RestClient(c, this);
                RestReply *reply = client->send(RestRequest::get(u"/version"_s));
                connect(reply, &RestReply::finished, client,
                        [&untrusted, client](const RestResult &r) {
                            untrusted = r.error;
                            client->deleteLater();
                        });
            });
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(fix->isVisible(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(untrusted.remedy() == ApiError::Remedy::ShowCertificate, 10000);

    // Selecting B takes A's result and fix away.
    list->setCurrentRow(1);
    QVERIFY(!fix->isVisible());
    QVERIFY(result->text().isEmpty());
    QVERIFY(test->isEnabled());

    // A late answer about A changes nothing under B: no fix, no text, B untouched.
    dialog.setTestError(untrusted);
    QVERIFY(!fix->isVisible());
    QVERIFY(result->text().isEmpty());
    const QList<SiteConnection> after = dialog.connections();
    QCOMPARE(after.size(), 2);
    QVERIFY(after.at(1).pinnedSha256.isEmpty());
    QVERIFY(!after.at(1).insecure);
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
