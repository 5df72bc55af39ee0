// The console without a keychain (no Secret Service on the session bus): the banner says so,
// the typed secret serves this session only and is written nowhere, and the next start asks
// again.
#include <QApplication>
#include <QDirIterator>
#include <QInputDialog>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include "AppController.h"
#include "ConnectionStore.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "ErrorBanner.h"
#include "MainWindow.h"
#include "SiteSession.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestNoKeychain final : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        // No Secret Service reachable for this process (the demo site it starts needs none).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/agentdesk-no-bus");
    }

private Q_SLOTS:
    void initTestCase();
    void sessionOnlyAndAskedAgain();

private:
    DemoSiteProcess m_site;
};

void TestNoKeychain::initTestCase()
{
    TestEnvironment::isolate();
    QCoreApplication::setApplicationName(u"tst_nokeychain"_s);
    QSettings().clear();
    QVERIFY2(m_site.start({ u"--hosts"_s, u"5"_s }), qPrintable(m_site.error()));
}

void TestNoKeychain::sessionOnlyAndAskedAgain()
{
    const SiteConnection c
        = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256(), u"work"_s);
    ConnectionStore().save({ c });
    int asked = 0;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ++asked;
        dialog->setTextValue(QString::fromUtf8(m_site.secret()));
        dialog->accept();
    });
    answer.start();

    {
        AppController app;
        app.window()->resize(1024, 700);
        app.window()->show();
        app.start(u"work"_s);
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->isConnected(), 30000);
        QCOMPARE(asked, 1);
        // The banner says why and what it means.
        auto *banner = app.window()->errorBanner();
        QString shown;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                shown.clear();
                for (QLabel *label : banner->findChildren<QLabel *>())
                    shown += label->text() + u'\n';
                return shown.contains(u"No keychain is available"_s);
            }(),
            10000);
        QVERIFY2(banner->isVisible(), qPrintable(shown));
        QVERIFY2(shown.contains(u"kept for this session only"_s), qPrintable(shown));
        QVERIFY(!TestEnvironment::saveScreenshot(app.window(), u"no-keychain-banner"_s).isEmpty());
    }

    // Written nowhere: not in the settings, not in any file under the app's folders.
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QString::fromUtf8(m_site.secret())),
                 qPrintable(key));
    for (auto location : { QStandardPaths::AppDataLocation, QStandardPaths::AppConfigLocation,
                           QStandardPaths::GenericConfigLocation, QStandardPaths::CacheLocation }) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.size() > 10 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains(m_site.secret()), qPrintable(file.fileName()));
        }
    }

    // The next start knows nothing: it asks again.
    {
        AppController app;
        app.start(u"work"_s);
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->isConnected(), 30000);
        QCOMPARE(asked, 2);
    }
}

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
