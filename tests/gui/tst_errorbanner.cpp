// Errors say what to do and put the action next to the message: a wrong secret offers
// "Edit connection…", an unreachable site "Retry" as well.
#include <QAbstractButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "SiteSession.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestErrorBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongSecretOffersEditConnection();
    void unreachableOffersRetry();

private:
    static QStringList actions(ErrorBanner *banner)
    {
        QStringList texts;
        for (QAbstractButton *b : banner->actionButtons())
            texts << b->text();
        return texts;
    }
    // True once the keychain holds `secret` under `key`, so that startDemo's write has ended.
    bool waitUntilStored(const QString &key, const QByteArray &secret)
    {
        SecretStore secrets;
        for (int attempt = 0; attempt < 50; ++attempt) {
            bool answered = false;
            bool stored = false;
            secrets.read(key, this, [&](SecretResult &&r) {
                stored = r.ok && r.secret.bytes() == secret;
                answered = true;
            });
            if (!QTest::qWaitFor([&] { return answered; }, 10000))
                return false;
            if (stored)
                return true;
        }
        return false;
    }
    DemoSiteThread m_demo;
};

void TestErrorBanner::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 10;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
}

void TestErrorBanner::wrongSecretOffersEditConnection()
{
    AppController controller;
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Banner demo"_s);
    c.demo = true;
    QSignalSpy failed(controller.session(), &SiteSession::failed);
    controller.startDemo(c, "not-the-secret");
    QVERIFY(failed.wait(15000));
    ErrorBanner *banner = controller.window()->errorBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->error().status, 401);
    QVERIFY2(actions(banner).contains(u"Edit connection…"_s),
             qPrintable(actions(banner).join(u'|')));
    QVERIFY(
        !TestEnvironment::saveScreenshot(controller.window(), u"error-wrong-secret"_s).isEmpty());
    // startDemo stored the demo's secret in the keychain; that job must end before the
    // controller goes, or the keychain later answers a destroyed job.
    QVERIFY(waitUntilStored(c.keychainKey(), "not-the-secret"));
}

void TestErrorBanner::unreachableOffersRetry()
{
    AppController controller;
    // A port nobody listens on any more.
    quint16 port = 0;
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        port = listener.serverPort();
    }
    SiteConnection c
        = DemoConnection::make(port, m_demo.site()->certificateSha256(), u"Banner gone"_s);
    c.demo = true;
    QSignalSpy failed(controller.session(), &SiteSession::failed);
    controller.startDemo(c, "whatever");
    QVERIFY(failed.wait(30000));
    ErrorBanner *banner = controller.window()->errorBanner();
    const QStringList texts = actions(banner);
    QVERIFY2(texts.contains(u"Retry"_s) && texts.contains(u"Edit connection…"_s),
             qPrintable(texts.join(u'|')));
    // The actions belong to that message: the next one clears them.
    banner->showMessage(u"something else"_s);
    QVERIFY(actions(banner).isEmpty());
    QVERIFY(waitUntilStored(c.keychainKey(), "whatever"));
}

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
