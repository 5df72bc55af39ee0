// Errors say what to do and put the action next to the message: a wrong secret offers
// "Edit connection…", an unreachable site "Retry" as well.
#include <QAbstractButton>
#include <QSignalSpy>
#include <QTest>

#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "MainWindow.h"
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
                                            m_demo.site()->certificateSha256(), u"Demo site"_s);
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
}

void TestErrorBanner::unreachableOffersRetry()
{
    AppController controller;
    // A port nobody listens on: the demo's own, after a fresh site on it was stopped.
    DemoSiteThread gone;
    DemoSiteOptions options;
    options.hostCount = 1;
    QString error;
    QVERIFY2(gone.start(options, &error), qPrintable(error));
    SiteConnection c
        = DemoConnection::make(gone.site()->port(), gone.site()->certificateSha256(), u"Gone"_s);
    c.demo = true;
    gone.stop();
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
}

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
