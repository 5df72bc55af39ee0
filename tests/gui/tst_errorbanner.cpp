// Errors say what to do and put the action next to the message: a wrong secret offers
// "Edit connection…", an unreachable site "Retry" as well; on the pages too (a secret changed
// on the site, a certificate replaced, a site renamed while connected).
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include "AppController.h"
#include "CertificateTrustDialog.h"
#include "ConnectionManagerDialog.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "KeysController.h"
#include "KeysPage.h"
#include "MainWindow.h"
#include "RestClient.h"
#include "SecretStore.h"
#include "SiteSession.h"
#include "StatusController.h"
#include "TestEnvironment.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

class TestErrorBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongSecretOffersEditConnection();
    void unreachableOffersRetry();
    void pageErrorsOfferTheFix();

private:
    static QAbstractButton *actionButton(ErrorBanner *banner, const QString &text)
    {
        for (QAbstractButton *b : banner->actionButtons()) {
            if (b->text() == text)
                return b;
        }
        return nullptr;
    }
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

namespace {

// Runs `check` on the next modal dialog of type T once it is up, then closes it (exec() of the
// action under test does not return before). Returns whether it was seen.
template<typename T> void onNextModal(QObject *context, bool *seen, std::function<void(T *)> check)
{
    QTimer::singleShot(0, context, [seen, check] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<T *>(QApplication::activeModalWidget()), 10000);
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        *seen = true;
        check(dialog);
    });
}

} // namespace

// The errors of a page's own requests (keys, update status) offer the fix too, against the
// real demo site: a secret the site no longer accepts and a site name it does not have offer
// "Edit connection…" (the connection manager opens), a certificate it no longer presents
// "Show certificate…" (trusted, the session reconnects with it pinned).
void TestErrorBanner::pageErrorsOfferTheFix()
{
    AppController controller;
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Page demo"_s);
    c.demo = true;
    controller.startDemo(c, m_demo.site()->automationSecret());
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isConnected(), 15000);
    MainWindow *window = controller.window();
    window->resize(1024, 700);
    window->showPage(u"keys"_s);
    ErrorBanner *keysBanner = controller.keysPage()->findChild<ErrorBanner *>();
    ErrorBanner *statusBanner = controller.statusPage()->findChild<ErrorBanner *>(u"statusError"_s);
    QVERIFY(keysBanner && statusBanner);
    RestClient *client = controller.session()->client();
    // The status table's first load (at connecting) is over: a refresh now is a new request.
    QTRY_VERIFY_WITH_TIMEOUT(!controller.statusController()->isLoading(), 15000);

    // The site no longer accepts the secret.
    client->setSecret(SecureBuffer(QByteArray("changed-on-the-site")));
    controller.keysController()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(keysBanner->isVisible() && keysBanner->error().status == 401, 15000);
    QCOMPARE(actions(keysBanner), QStringList { u"Edit connection…"_s });
    QVERIFY(!TestEnvironment::saveScreenshot(window, u"error-page-wrong-secret"_s).isEmpty());
    controller.statusController()->refresh();
    // (On a page not in view: shown there, as the user finds it on switching to it.)
    QTRY_VERIFY_WITH_TIMEOUT(!statusBanner->isHidden() && statusBanner->error().status == 401,
                             15000);
    QCOMPARE(actions(statusBanner), QStringList { u"Edit connection…"_s });
    bool managerSeen = false;
    onNextModal<ConnectionManagerDialog>(this, &managerSeen,
                                         [](ConnectionManagerDialog *d) { d->reject(); });
    actionButton(keysBanner, u"Edit connection…"_s)->click();
    QVERIFY(managerSeen);
    QVERIFY(!keysBanner->isVisible()); // the action took over

    // No site of that name at this server (the web server's 404, not the API's).
    SiteConnection renamed = c;
    renamed.site = u"renamedsite"_s;
    client->setConnection(renamed);
    client->setSecret(SecureBuffer(m_demo.site()->automationSecret()));
    controller.keysController()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(keysBanner->isVisible() && keysBanner->error().status == 404, 15000);
    QVERIFY(keysBanner->error().isSiteNotFound());
    QCOMPARE(actions(keysBanner), QStringList { u"Edit connection…"_s });
    managerSeen = false;
    onNextModal<ConnectionManagerDialog>(this, &managerSeen,
                                         [](ConnectionManagerDialog *d) { d->reject(); });
    actionButton(keysBanner, u"Edit connection…"_s)->click();
    QVERIFY(managerSeen);

    // The certificate the connection pinned is no longer the one the site presents.
    SiteConnection repinned = c;
    repinned.pinnedSha256 = QStringList { QString(64, u'0') };
    client->setConnection(repinned);
    controller.keysController()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(
        keysBanner->isVisible() && keysBanner->error().kind == ApiError::Kind::Tls, 15000);
    QCOMPARE(actions(keysBanner), QStringList { u"Show certificate…"_s });
    QVERIFY(!TestEnvironment::saveScreenshot(window, u"error-page-untrusted"_s).isEmpty());
    bool trustSeen = false;
    onNextModal<CertificateTrustDialog>(this, &trustSeen, [](CertificateTrustDialog *d) {
        d->findChild<QCheckBox *>(u"confirmTrust"_s)->setChecked(true);
        QTest::mouseClick(d->findChild<QPushButton *>(u"trustButton"_s), Qt::LeftButton);
    });
    QSignalSpy reconnected(controller.session(), &SiteSession::connected);
    actionButton(keysBanner, u"Show certificate…"_s)->click();
    QVERIFY(trustSeen);
    QVERIFY(reconnected.count() > 0 || reconnected.wait(15000));
    QVERIFY(controller.session()->connection().pinnedSha256.contains(
        QString::fromLatin1(m_demo.site()->certificateSha256())));
    QVERIFY(waitUntilStored(c.keychainKey(), m_demo.site()->automationSecret()));
}

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
