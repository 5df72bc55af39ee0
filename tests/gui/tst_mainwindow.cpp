// The main window connected to an embedded demo site, as `agentdesk --demo` shows it.
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "MainWindow.h"
#include "SiteSession.h"
#include "TestEnvironment.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectedToDemo();
    void refusesUntrustedCertificateWithoutAsking();

private:
    SiteConnection demoConnection() const;
    DemoSiteThread m_demo;
};

void TestMainWindow::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 2000;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
}

SiteConnection TestMainWindow::demoConnection() const
{
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Demo site"_s);
    c.demo = true;
    return c;
}

void TestMainWindow::connectedToDemo()
{
    AppController controller;
    controller.startDemo(demoConnection(), m_demo.site()->automationSecret());
    MainWindow *window = controller.window();
    // The icons come from a static library's resources: they must be linked in.
    QVERIFY(QFile::exists(u":/icons/status.svg"_s));
    QVERIFY(QFile::exists(u":/icons/agentdesk.svg"_s));
    window->resize(1280, 800);
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isConnected(), 10000);
    auto *site = window->findChild<QLabel *>(u"siteStatus"_s);
    QVERIFY(site->text().contains(u"2.4.0p17"_s));
    QVERIFY(window->findChild<QLabel *>(u"demoStatus"_s)->isVisible());
    QVERIFY(!window->findChild<QLabel *>(u"tlsStatus"_s)->text().isEmpty());
    // The overview loads when shown and fills in from the site: 2,000 hosts.
    window->showPage(u"overview"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        window->findChild<QWidget *>(u"overviewPage"_s)->findChildren<QLabel *>().size() > 0, 1000);
    const auto hasLabel = [window](const QString &text) {
        const auto labels = window->findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&](QLabel *l) { return l->text() == text; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasLabel(u"2,000"_s), 10000);
    // The landing page, once the status (and with it the registrations) has arrived.
    window->showPage(u"setup"_s);
    QTRY_VERIFY_WITH_TIMEOUT(controller.statusPage()->model()->rowCount() == 2000, 15000);
    const QString path = TestEnvironment::saveScreenshot(window, u"main-window"_s);
    QVERIFY(!path.isEmpty());
}

void TestMainWindow::refusesUntrustedCertificateWithoutAsking()
{
    // Without the pinned fingerprint the session must not connect on its own.
    AppController controller;
    SiteConnection c = demoConnection();
    c.pinnedSha256.clear();
    c.demo = false;
    QSignalSpy failed(controller.session(), &SiteSession::failed);
    // Answer the trust dialog with "Refuse" as soon as it shows.
    bool asked = false;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || asked)
            return;
        asked = true;
        QVERIFY(modal->objectName() == u"certificateTrustDialog"_s);
        TestEnvironment::saveScreenshot(modal, u"certificate-trust-dialog"_s);
        modal->close();
    });
    answer.start();
    controller.session()->openWithSecret(c, m_demo.site()->automationSecret());
    QVERIFY(failed.wait(10000));
    QVERIFY(asked);
    QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Tls);
    QVERIFY(!controller.session()->isConnected());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
