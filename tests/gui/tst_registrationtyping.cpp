// The registration wizard as a user drives it against the embedded demo (`agentdesk --demo`):
// only key presses into whatever widget has the keyboard focus, from the pre-filled site to the
// written state file. Catches focus thieves (every key press once moved the focus to "Next"),
// a missing pre-fill, a second question about a certificate the connection already pinned, and
// a "use the stored secret" that does nothing.
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "MainWindow.h"
#include "PythonLiteral.h"
#include "RegistrationCredentialsPage.h"
#include "RegistrationHostPage.h"
#include "RegistrationResultPage.h"
#include "RegistrationServerPage.h"
#include "RegistrationSummaryPage.h"
#include "RegistrationWizard.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SiteOverviewPage.h"
#include "SiteSession.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestRegistrationTyping final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerByTyping();

private:
    static QWidget *focus() { return QApplication::focusWidget(); }
    // Replaces the text of the focused line edit by typing, as a user would.
    static void retype(const QString &text)
    {
        QTest::keyClick(focus(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focus(), text);
    }

    // F1 where the user is typing: the help of the wizard page in view, its What's This the
    // same text. The help window closes and the keyboard is back where it was.
    static QString helpOnF1(MainWindow *window, RegistrationWizard *wizard)
    {
        QWidget *typing = focus();
        if (!typing)
            return u"no focus"_s;
        QTest::keyClick(typing, Qt::Key_F1);
        if (!QTest::qWaitFor(
                [&] { return window->helpDialog() && window->helpDialog()->isVisible(); }, 5000))
            return u"no help window"_s;
        auto *browser = window->helpDialog()->findChild<QTextBrowser *>(u"helpText"_s);
        const QString shown = browser ? browser->toPlainText() : QString();
        QTextDocument whatsThis;
        whatsThis.setHtml(wizard->currentPage()->whatsThis());
        window->helpDialog()->close();
        window->activateWindow();
        if (!QTest::qWaitFor([&] { return focus() == typing; }, 5000))
            return u"the focus did not come back"_s;
        return whatsThis.toPlainText() == shown ? shown : u"What's This differs"_s;
    }

    DemoSiteThread m_demo;
    QString m_host;
};

void TestRegistrationTyping::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 50;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));

    // A host of the demo's setup to register.
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Demo site"_s);
    RestClient client(c);
    client.setSecret(SecureBuffer(m_demo.site()->automationSecret()));
    RestReply *reply
        = client.send(RestRequest::get(u"/domain-types/host_config/collections/all"_s));
    QSignalSpy spy(reply, &RestReply::finished);
    QVERIFY(spy.wait(20000));
    const auto r = spy.first().first().value<RestResult>();
    m_host
        = r.json.object().value(u"value"_s).toArray().first().toObject().value(u"id"_s).toString();
    QVERIFY(!m_host.isEmpty());
}

void TestRegistrationTyping::registerByTyping()
{
    AppController controller;
    // A name of its own: other tests running at the same time store their demo's secret in the
    // same keychain.
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Typing demo"_s);
    c.demo = true;
    controller.startDemo(c, m_demo.site()->automationSecret(), m_demo.site()->adminPassword());
    MainWindow *window = controller.window();
    window->resize(1024, 700);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isConnected(), 15000);

    // The overview shows the demo's credentials for copying.
    window->showPage(u"overview"_s);
    SiteOverviewPage *overview = controller.overviewPage();
    QVERIFY(overview->demoCredentialsBox()->isVisible());
    const auto labels = overview->demoCredentialsBox()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [&](QLabel *l) {
        return l->text() == QString::fromLatin1(m_demo.site()->automationSecret());
    }));
    QVERIFY(!TestEnvironment::saveScreenshot(window, u"overview-demo-credentials"_s).isEmpty());

    // The agent updater rule's update server arrives with the setup page's refresh.
    window->showPage(u"register"_s);
    RegistrationWizard *wizard = controller.registrationWizard();
    RegistrationServerPage *server = wizard->serverPage();
    QTRY_COMPARE_WITH_TIMEOUT(server->serverEdit()->text(), c.server, 15000);
    QCOMPARE(server->siteEdit()->text(), c.site);
    // A demo never suggests the real /etc state file.
    const QString statePath = wizard->summaryPage()->stateFilePath();
    QVERIFY2(
        statePath.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
        qPrintable(statePath));
    QFile::remove(statePath);

    // Page 1: typing keeps the focus in the field; every letter arrives.
    server->serverEdit()->setFocus();
    QTRY_COMPARE(focus(), server->serverEdit());
    retype(u"my-server"_s);
    QCOMPARE(server->serverEdit()->text(), u"my-server"_s);
    QCOMPARE(focus(), server->serverEdit());
    retype(c.server);
    QCOMPARE(server->serverEdit()->text(), c.server);
    QTest::keyClick(focus(), Qt::Key_Tab);
    QCOMPARE(focus(), server->siteEdit());
    retype(c.site);
    QCOMPARE(server->siteEdit()->text(), c.site);
    // F1 on each page: that page's help, in the manual's terms; the texts differ.
    QStringList helps;
    helps << helpOnF1(window, wizard);
    QVERIFY2(helps.last().startsWith(u"Register machine: the site"_s), qPrintable(helps.last()));
    QVERIFY(helps.last().contains(u"-s"_s) && helps.last().contains(u"fingerprint"_s));
    // Enter checks the certificate first; the one pinned for the demo connection is not asked
    // about again, and the wizard moves on by itself.
    QTest::keyClick(focus(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RegistrationWizard::HostPage), 15000);
    QCOMPARE(server->pinnedBy(), u"Typing demo"_s);
    QVERIFY(!server->trustButton()->isVisible());
    QCOMPARE(wizard->request().trust, RegistrationRequest::Trust::TrustCertificate);

    // Page 2: the host name, typed.
    RegistrationHostPage *host = wizard->hostPage();
    QTRY_COMPARE(focus(), host->hostEdit());
    retype(m_host);
    QCOMPARE(host->hostEdit()->text(), m_host);
    QCOMPARE(focus(), host->hostEdit());
    QVERIFY(!TestEnvironment::saveScreenshot(window, u"registration-typing-2-host"_s).isEmpty());
    helps << helpOnF1(window, wizard);
    QVERIFY2(helps.last().startsWith(u"Register machine: the host"_s), qPrintable(helps.last()));
    QTest::keyClick(focus(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(RegistrationWizard::CredentialsPage));

    // Page 3: the user comes from the connection, the secret from the keychain.
    RegistrationCredentialsPage *credentials = wizard->credentialsPage();
    QCOMPARE(credentials->userEdit()->text(), c.user);
    QTRY_COMPARE(focus(), credentials->storedSecretButton());
    QTest::keyClick(focus(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(credentials->secretEdit()->text(),
                              QString::fromLatin1(m_demo.site()->automationSecret()), 10000);
    QVERIFY(
        !TestEnvironment::saveScreenshot(window, u"registration-typing-3-credentials"_s).isEmpty());
    helps << helpOnF1(window, wizard);
    QVERIFY2(helps.last().startsWith(u"Register machine: credentials"_s), qPrintable(helps.last()));
    QTest::keyClick(focus(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(RegistrationWizard::SummaryPage));

    // Page 4: the host check, then Enter registers.
    RegistrationSummaryPage *summary = wizard->summaryPage();
    QTRY_VERIFY_WITH_TIMEOUT(summary->hostCheckLabel()->text().contains(u"exists"_s), 15000);
    QVERIFY(!TestEnvironment::saveScreenshot(window, u"registration-typing-4-summary"_s).isEmpty());
    helps << helpOnF1(window, wizard);
    QVERIFY2(helps.last().startsWith(u"Register machine: summary"_s), qPrintable(helps.last()));
    QTest::keyClick(focus(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RegistrationWizard::ResultPage), 15000);
    QVERIFY(wizard->isRegistered());

    // The state file holds the new host secret and the pinned certificate.
    QFile f(statePath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::parse(QString::fromUtf8(f.readAll()), &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(state.value(u"host_name"_s).toString(), m_host);
    QCOMPARE(state.value(u"host_secret"_s).toString().size(), 64);
    QVERIFY(!state.value(u"local_certificates"_s).toList().isEmpty());
    QVERIFY(!TestEnvironment::saveScreenshot(window, u"registration-typing-5-result"_s).isEmpty());
    helps << helpOnF1(window, wizard);
    QVERIFY2(helps.last().startsWith(u"Register machine: registered"_s), qPrintable(helps.last()));
    QCOMPARE(QSet<QString>(helps.cbegin(), helps.cend()).size(), helps.size());
}

QTEST_MAIN(TestRegistrationTyping)
#include "tst_registrationtyping.moc"
