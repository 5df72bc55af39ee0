// Trusting a remote site's certificate from the Sites page (issue 13): a central demo site and
// two remote demo sites, each its own process with its own self-signed certificate. The
// console's connection trusts the central only; saved connections to both remotes carry their
// secrets but no trust. Before anything is trusted the page marks both remotes "not trusted" and
// sends them nothing (their --record files stay empty); after Show certificate… and an explicit
// trust of remote1 in the certificate dialog, remote1 is pinned for that site alone (with the
// central's connection, saved), its version is read from it, and remote2 stays untrusted.
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

#include "CertificateDetails.h"
#include "CertificateTrustDialog.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "DistributedSite.h"
#include "RegistrationController.h"
#include "RegistrationServerPage.h"
#include "RegistrationWizard.h"
#include "SecretStore.h"
#include "SiteSession.h"
#include "SitesController.h"
#include "SitesPage.h"
#include "TestEnvironment.h"
#include "TranslationLoader.h"

using namespace Qt::StringLiterals;

namespace {
// A text of the controller, as the page shows it.
QString controllerText(const char *text)
{
    return QCoreApplication::translate("SitesController", text);
}
} // namespace

class TestSiteTrust final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void untrustedRemoteGetsNothing();
    void trustFromSitesPagePinsThatSiteOnly();
    void wizardKnowsTheSitePin();
    void germanPage();

private:
    int rowOf(const QString &site) const;
    QString cell(const QString &site, int column) const
    {
        return m_page->siteTable()->item(rowOf(site), column)->text();
    }
    // The exchanges a remote demo site recorded (one JSON line each).
    QByteArrayList recorded(int remote) const;
    void storeSecret(const SiteConnection &c, const QByteArray &secret);

    DemoSiteProcess m_central;
    DemoSiteProcess m_remotes[2];
    QString m_records[2];
    QTemporaryDir m_dir;
    SiteConnection m_saved[2];
    SecretStore m_secrets;
    std::unique_ptr<SiteSession> m_session;
    std::unique_ptr<SitesPage> m_page;
    std::unique_ptr<SitesController> m_controller;
};

int TestSiteTrust::rowOf(const QString &site) const
{
    for (int row = 0; row < m_page->siteTable()->rowCount(); ++row) {
        if (m_page->siteTable()->item(row, SitesPage::IdColumn)->text() == site)
            return row;
    }
    return -1;
}

QByteArrayList TestSiteTrust::recorded(int remote) const
{
    QFile file(m_records[remote]);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

void TestSiteTrust::storeSecret(const SiteConnection &c, const QByteArray &secret)
{
    bool stored = false;
    m_secrets.write(c.keychainKey(), secret, this, [&](SecretResult &&r) { stored = r.ok; });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 20000);
}

void TestSiteTrust::initTestCase()
{
    TestEnvironment::isolate();
    QVERIFY(m_dir.isValid());
    quint16 ports[2];
    QStringList remoteOptions;
    for (int i = 0; i < 2; ++i) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        ports[i] = probe.serverPort();
        remoteOptions << u"--remote"_s
                      << u"remote%1=https://127.0.0.1:%2/remote%1/check_mk"_s.arg(i + 1).arg(
                             ports[i]);
    }
    QVERIFY2(m_central.start(QStringList { u"--site"_s, u"central"_s, u"--hosts"_s, u"12"_s }
                             + remoteOptions),
             qPrintable(m_central.error()));
    for (int i = 0; i < 2; ++i) {
        m_records[i] = m_dir.filePath(u"remote%1.jsonl"_s.arg(i + 1));
        QVERIFY2(
            m_remotes[i].start(
                { u"--site"_s, u"remote%1"_s.arg(i + 1), u"--port"_s, QString::number(ports[i]),
                  u"--hosts"_s, u"0"_s, u"--record"_s, m_records[i], u"--central"_s,
                  m_central.checkmkUrl().toString().chopped(1), u"--central-user"_s,
                  u"automation"_s, u"--central-secret-file"_s, m_central.secretFile(),
                  u"--central-sha256"_s, QString::fromLatin1(m_central.sha256()) }),
            qPrintable(m_remotes[i].error()));
    }
    // Three certificates of their own.
    QVERIFY(m_remotes[0].sha256() != m_remotes[1].sha256());
    QVERIFY(m_remotes[0].sha256() != m_central.sha256());

    // Saved connections to the remotes with their secrets, trusting nothing beyond the system.
    for (int i = 0; i < 2; ++i) {
        m_saved[i] = DemoConnection::make(m_remotes[i].server(), m_remotes[i].site(), QByteArray(),
                                          u"remote%1 connection"_s.arg(i + 1));
        m_saved[i].pinnedSha256.clear();
        m_saved[i].trustedCertificatesPem.clear();
        QVERIFY(!m_saved[i].insecure);
        storeSecret(m_saved[i], m_remotes[i].secret());
    }

    m_session = std::make_unique<SiteSession>(&m_secrets, nullptr);
    m_page = std::make_unique<SitesPage>();
    m_controller = std::make_unique<SitesController>(m_session.get(), m_page.get(), &m_secrets);
    m_controller->setConnections({ m_saved[0], m_saved[1] });
    QSignalSpy connected(m_session.get(), &SiteSession::connected);
    m_session->openWithSecret(DemoConnection::make(m_central.server(), m_central.site(),
                                                   m_central.sha256(), u"central"_s),
                              m_central.secret());
    QVERIFY(connected.wait(30000));
    QVERIFY(m_session->connection().sitePinnedSha256.isEmpty());
    m_page->resize(1024, 700);
    m_page->show();
}

void TestSiteTrust::untrustedRemoteGetsNothing()
{
    QSignalSpy checked(m_controller.get(), &SitesController::certificateChecked);
    QSignalSpy settings(m_controller.get(), &SitesController::settingsLoaded);
    m_controller->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(settings.size(), 1, 30000); // the page complete for its picture
    for (const QList<QVariant> &args : std::as_const(checked))
        QCOMPARE(args.at(1).toBool(), false);
    for (const QString &site : { u"remote1"_s, u"remote2"_s }) {
        QCOMPARE(cell(site, SitesPage::CertificateColumn), controllerText("not trusted"));
        QCOMPARE(cell(site, SitesPage::VersionColumn), m_page->tr("unknown"));
        const QString why
            = m_page->siteTable()->item(rowOf(site), SitesPage::VersionColumn)->toolTip();
        QVERIFY2(why.contains(u"not trusted"_s), qPrintable(why));
    }
    // The certificate's fingerprint is in the tooltip; the central's own row is not checked.
    QVERIFY(m_page->siteTable()
                ->item(rowOf(u"remote1"_s), SitesPage::CertificateColumn)
                ->toolTip()
                .contains(QString::fromLatin1(m_remotes[0].sha256()), Qt::CaseInsensitive));
    QCOMPARE(cell(u"central"_s, SitesPage::CertificateColumn), m_page->tr("—"));
    // The handshake was all: no request (no secret) reached either remote.
    QCOMPARE(recorded(0).size(), 0);
    QCOMPARE(recorded(1).size(), 0);
    QVERIFY(!TestEnvironment::saveScreenshot(m_page.get(), u"sites-untrusted-remote"_s).isEmpty());
}

void TestSiteTrust::trustFromSitesPagePinsThatSiteOnly()
{
    QPushButton *show = m_page->showCertificateButton();
    m_page->siteTable()->setCurrentCell(rowOf(u"central"_s), SitesPage::IdColumn);
    QVERIFY(!show->isEnabled()); // nothing to trust there
    m_page->siteTable()->setFocus();
    m_page->siteTable()->setCurrentCell(rowOf(u"remote1"_s), SitesPage::IdColumn);
    QVERIFY(show->isEnabled());

    // The dialog, as the user sees it: remote1's chain and fingerprint, no way around the
    // certificate, and Trust only after the tick.
    QString dialogText;
    bool insecureOffered = true;
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<CertificateTrustDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *chain = dialog->findChild<QTreeWidget *>();
        QVERIFY(chain && chain->topLevelItemCount() >= 1);
        dialogText = dialog->findChild<QTextBrowser *>()->toPlainText();
        insecureOffered = dialog->findChild<QPushButton *>(u"insecureButton"_s)->isVisible();
        auto *trust = dialog->findChild<QPushButton *>(u"trustButton"_s);
        QVERIFY(!trust->isEnabled());
        QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"sites-remote-certificate"_s).isEmpty());
        dialog->findChild<QCheckBox *>(u"confirmTrust"_s)->setChecked(true);
        QVERIFY(trust->isEnabled());
        trust->click();
        answered = true;
    });
    const QStringList centralPins = m_session->connection().pinnedSha256;
    QSignalSpy saved(m_session.get(), &SiteSession::connectionChanged);
    QSignalSpy checked(m_controller.get(), &SitesController::certificateChecked);
    QSignalSpy versions(m_controller.get(), &SitesController::versionShown);
    // By keyboard: Space on the focused button.
    show->setFocus();
    QTest::keyClick(show, Qt::Key_Space);
    QVERIFY(answered);
    QVERIFY(!insecureOffered);
    CertificateDetails leaf;
    leaf.sha256 = QString::fromLatin1(m_remotes[0].sha256());
    QVERIFY2(dialogText.contains(leaf.sha256Display()), qPrintable(dialogText));

    // Pinned for remote1 alone, and handed on to be saved with the central's connection.
    QCOMPARE(saved.size(), 1);
    const auto pins = saved.first().first().value<SiteConnection>().sitePinnedSha256;
    DistributedSite::Address remote1;
    QVERIFY(DistributedSite::parseUrl(m_remotes[0].checkmkUrl().toString(), &remote1));
    const QString key = SiteConnection::sitePinKey(u"remote1"_s, remote1.server);
    QCOMPARE(pins.keys(), QStringList { key }); // the site at the server the user checked
    QCOMPARE(pins.value(key), QStringList { leaf.sha256.toLower() });
    // The central's own trust is not widened by it.
    QCOMPARE(saved.first().first().value<SiteConnection>().pinnedSha256, centralPins);
    const SiteConnection reread = SiteConnection::fromVariant(m_session->connection().toVariant());
    QCOMPARE(reread.sitePinnedSha256, m_session->connection().sitePinnedSha256);

    // remote1 checked again: trusted for this site, and now its version is read from it.
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 30000);
    QCOMPARE(checked.first().at(0).toString(), u"remote1"_s);
    QCOMPARE(checked.first().at(1).toBool(), true);
    QCOMPARE(cell(u"remote1"_s, SitesPage::CertificateColumn),
             controllerText("trusted for this site"));
    QTRY_VERIFY_WITH_TIMEOUT(cell(u"remote1"_s, SitesPage::VersionColumn)
                                 .startsWith(m_session->version().checkmkVersion),
                             30000);
    QVERIFY(!show->isEnabled());
    bool versionRead = false;
    for (const QByteArray &line : recorded(0))
        versionRead = versionRead || line.contains("/version");
    QVERIFY(versionRead);

    // remote2 is not trusted by remote1's pin: after a full refresh it is still refused and has
    // still received nothing.
    checked.clear();
    m_controller->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    for (const QList<QVariant> &args : std::as_const(checked))
        QCOMPARE(args.at(1).toBool(), args.at(0).toString() == u"remote1"_s);
    QCOMPARE(cell(u"remote2"_s, SitesPage::CertificateColumn), controllerText("not trusted"));
    QCOMPARE(cell(u"remote2"_s, SitesPage::VersionColumn), m_page->tr("unknown"));
    QCOMPARE(recorded(1).size(), 0);
    m_page->siteTable()->setCurrentCell(rowOf(u"remote2"_s), SitesPage::IdColumn);
    QVERIFY(show->isEnabled());
    QVERIFY(!TestEnvironment::saveScreenshot(m_page.get(), u"sites-trusted-remote1"_s).isEmpty());
}

void TestSiteTrust::wizardKnowsTheSitePin()
{
    // Registering at a remote site: the certificate trusted for remote1 on the Sites page is not
    // asked about again (the central's connection, saved with the pin, is a known connection);
    // remote2's is, since remote1's pin is not remote2's.
    RegistrationWizard wizard;
    RegistrationController controller(&wizard, nullptr, &m_secrets);
    controller.setKnownConnections({ m_session->connection() });
    wizard.setSetupSites(m_controller->sites(), m_central.checkmkUrl().toString());
    controller.setRemoteSites({ u"remote1"_s, u"remote2"_s });
    wizard.resize(760, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    RegistrationServerPage *server = wizard.serverPage();
    QComboBox *sites = server->setupSitesBox();
    sites->setFocus();
    QTest::keyClick(sites, Qt::Key_Down);
    QTest::keyClick(sites, Qt::Key_Down);
    QCOMPARE(server->siteEdit()->text(), u"remote1"_s);
    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server->pinnedBy(), u"central"_s, 15000);
    QVERIFY(!server->trustButton()->isVisible());
    QVERIFY(wizard.currentPage()->isComplete());
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"sites-trust-wizard-remote1"_s).isEmpty());

    QTest::keyClick(sites, Qt::Key_Down);
    QCOMPARE(server->siteEdit()->text(), u"remote2"_s);
    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(server->trustButton()->isVisible(), 15000);
    QVERIFY(server->pinnedBy().isEmpty());
    QVERIFY(!wizard.currentPage()->isComplete());
    QCOMPARE(recorded(1).size(), 0);

    // The pin holds for the server it was given at: remote1 named at another server by the
    // central (its URL moved, say) is asked about again, the same certificate notwithstanding.
    SiteConnection moved = m_session->connection();
    DistributedSite::Address remote1;
    QVERIFY(DistributedSite::parseUrl(m_remotes[0].checkmkUrl().toString(), &remote1));
    const QStringList pins
        = moved.sitePinnedSha256.take(SiteConnection::sitePinKey(u"remote1"_s, remote1.server));
    QVERIFY(!pins.isEmpty());
    moved.sitePinnedSha256.insert(SiteConnection::sitePinKey(u"remote1"_s, u"127.0.0.1:1"_s), pins);
    controller.setKnownConnections({ moved });
    QTest::keyClick(sites, Qt::Key_Up);
    QCOMPARE(server->siteEdit()->text(), u"remote1"_s);
    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(server->trustButton()->isVisible(), 15000);
    QVERIFY(server->pinnedBy().isEmpty());
    QVERIFY(!wizard.currentPage()->isComplete());
}

void TestSiteTrust::germanPage()
{
    TranslationLoader translations;
    QVERIFY(translations.install(QLocale(QLocale::German, QLocale::Germany)));
    SitesPage page;
    SitesController controller(m_session.get(), &page, &m_secrets);
    controller.setConnections({ m_saved[0], m_saved[1] });
    page.resize(1024, 700);
    page.show();
    QSignalSpy checked(&controller, &SitesController::certificateChecked);
    QSignalSpy settings(&controller, &SitesController::settingsLoaded);
    controller.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(settings.size(), 1, 30000);
    QCOMPARE(page.showCertificateButton()->text(), u"&Zertifikat anzeigen …"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&page, u"sites-trust-de"_s).isEmpty());
    translations.install(QLocale(QLocale::English));
}

QTEST_MAIN(TestSiteTrust)
#include "tst_sitetrust.moc"
