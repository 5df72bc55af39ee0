// The registration wizard end to end against a demo site with its self-signed certificate:
// untrusted, trusted, refused, registered, and the state file read back. Screenshots of each page.
#include <QAbstractButton>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "AgentUpdaterRule.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "ErrorBanner.h"
#include "LocalConfigPage.h"
#include "PythonLiteral.h"
#include "RegistrationController.h"
#include "RegistrationCredentialsPage.h"
#include "RegistrationHostPage.h"
#include "RegistrationResultPage.h"
#include "RegistrationServerPage.h"
#include "RegistrationSummaryPage.h"
#include "RegistrationWizard.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "TestEnvironment.h"
#include "UpdaterConfigModel.h"

using namespace Qt::StringLiterals;

class TestRegistrationWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerEndToEnd();
    void localConfigPage();
    void ruleServerOfThisHost();
    void wrongSiteOffersEditSite();

private:
    DemoSiteProcess m_site;
    QTemporaryDir m_dir;
    QString m_host;
};

void TestRegistrationWizard::initTestCase()
{
    TestEnvironment::isolate();
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_site.start({ u"--hosts"_s, u"20"_s }), qPrintable(m_site.error()));
    SiteConnection c = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256());
    RestClient client(c);
    client.setSecret(SecureBuffer(m_site.secret()));
    RestReply *reply
        = client.send(RestRequest::get(u"/domain-types/host_config/collections/all"_s));
    QSignalSpy spy(reply, &RestReply::finished);
    QVERIFY(spy.wait(20000));
    const auto r = spy.first().first().value<RestResult>();
    m_host
        = r.json.object().value(u"value"_s).toArray().first().toObject().value(u"id"_s).toString();
    QVERIFY(!m_host.isEmpty());
}

void TestRegistrationWizard::registerEndToEnd()
{
    RegistrationWizard wizard;
    SecretStore secrets(nullptr, u"agentdesk-test"_s);
    RegistrationController controller(&wizard, nullptr, &secrets);
    wizard.resize(760, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    // Page 1: the site; its self-signed certificate is not trusted.
    RegistrationServerPage *server = wizard.serverPage();
    server->serverEdit()->setText(m_site.server());
    server->siteEdit()->setText(m_site.site());
    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(server->trustButton()->isVisible(), 15000);
    QVERIFY(!server->isComplete()); // untrusted: a decision is needed
    QVERIFY(
        !TestEnvironment::saveScreenshot(&wizard, u"registration-1-server-untrusted"_s).isEmpty());
    server->trustButton()->setChecked(true);
    QVERIFY(server->isComplete());
    QCOMPARE(wizard.request().trust, RegistrationRequest::Trust::TrustCertificate);
    wizard.next();

    // Page 2: the host.
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::HostPage));
    QVERIFY(!wizard.hostPage()->hostEdit()->text().isEmpty()); // this machine's name by default
    wizard.hostPage()->hostEdit()->setText(m_host);
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"registration-2-host"_s).isEmpty());
    wizard.next();

    // Page 3: credentials, first a wrong secret.
    RegistrationCredentialsPage *credentials = wizard.credentialsPage();
    credentials->userEdit()->setText(u"automation"_s);
    credentials->secretEdit()->setText(u"wrong-secret"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"registration-3-credentials"_s).isEmpty());
    wizard.next();

    // Page 4: summary; the host check says the credentials are wrong; register is refused.
    RegistrationSummaryPage *summary = wizard.summaryPage();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::SummaryPage));
    const QString cmd = summary->commandLineLabel()->text();
    QVERIFY2(cmd.contains(u"cmk-update-agent register -s "_s + m_site.server()), qPrintable(cmd));
    QVERIFY(cmd.contains(u"--trust-cert"_s));
    QVERIFY(!cmd.contains(u"wrong-secret"_s));
    const QString statePath = m_dir.filePath(u"cmk-update-agent.state"_s);
    wizard.setStateFilePath(statePath, false);
    QSignalSpy registerSpy(&wizard, &RegistrationWizard::registerRequested);
    wizard.next();
    QCOMPARE(registerSpy.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(summary->errorBanner()->isVisible(), 15000);
    QVERIFY(summary->errorBanner()->error().title.contains(u"Wrong user or secret"_s));
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::SummaryPage));
    QVERIFY(!QFile::exists(statePath));
    QVERIFY(
        !TestEnvironment::saveScreenshot(&wizard, u"registration-4-summary-refused"_s).isEmpty());

    // The error offers the fix: back to the credentials, the keyboard in the secret.
    QAbstractButton *fix = nullptr;
    for (QAbstractButton *b : summary->errorBanner()->actionButtons()) {
        if (b->text() == u"Edit credentials…"_s)
            fix = b;
    }
    QVERIFY(fix);
    fix->click();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::CredentialsPage));
    QTRY_COMPARE_WITH_TIMEOUT(wizard.focusWidget(), credentials->secretEdit(), 5000);
    QCOMPARE(credentials->secretEdit()->selectedText(), u"wrong-secret"_s);
    credentials->secretEdit()->setText(QString::fromLatin1(m_site.secret()));
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(summary->hostCheckLabel()->text().contains(u"exists"_s), 15000);
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"registration-4-summary"_s).isEmpty());
    wizard.next();

    // Page 5: the result; the state file is there and holds the secret the page only masks.
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(RegistrationWizard::ResultPage), 15000);
    QVERIFY(wizard.isRegistered());
    QFile f(statePath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::parse(QString::fromUtf8(f.readAll()), &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const QString secret = state.value(u"host_secret"_s).toString();
    QCOMPARE(secret.size(), 64);
    QCOMPARE(state.value(u"host_name"_s).toString(), m_host);
    QVERIFY(!state.value(u"local_certificates"_s).toList().isEmpty());
    const QString shown = wizard.resultPage()->detailsLabel()->text();
    QVERIFY(!shown.contains(secret));
    QVERIFY(shown.contains(secret.left(4)));
    QVERIFY(!wizard.resultPage()->monitoredLabel()->isVisible()); // an activated host
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"registration-5-result"_s).isEmpty());
}

namespace {

AgentUpdaterRule ruleFor(const QString &id, const QString &host, const QString &server,
                         const QString &site)
{
    AgentUpdaterRule rule;
    rule.id = id;
    rule.conditions.hostNames = RuleConditions::HostNames { { host }, false };
    rule.value
        = { { u"activated"_s, true },
            { u"server_data"_s,
              QVariantMap {
                  { u"server"_s, server }, { u"site"_s, site }, { u"protocol"_s, u"https"_s } } } };
    return rule;
}

} // namespace

// Two rules for different hosts: the update server the wizard suggests is the one of the rule
// effective for the host name in the wizard, not the first rule's. Once the first page is
// passed, a host name typed on the second page does not change the checked server behind the
// user's back: the page says which server the rule names, and Back shows it.
void TestRegistrationWizard::ruleServerOfThisHost()
{
    RegistrationWizard wizard;
    SecretStore secrets(nullptr, u"agentdesk-test"_s);
    RegistrationController controller(&wizard, nullptr, &secrets);
    wizard.hostPage()->hostEdit()->setText(u"other-host"_s);
    // The first rule is for another host; the old pre-fill took it for every host.
    controller.setRules(
        { ruleFor(u"r-other"_s, u"other-host"_s, u"other.example.invalid"_s, u"othersite"_s),
          ruleFor(u"r-this"_s, m_host, m_site.server(), m_site.site()) });
    wizard.resize(760, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    RegistrationServerPage *server = wizard.serverPage();
    QCOMPARE(server->serverEdit()->text(), u"other.example.invalid"_s);
    QCOMPARE(server->siteEdit()->text(), u"othersite"_s);

    // The host name changes: the suggestion follows the rule for that host.
    wizard.hostPage()->hostEdit()->setText(m_host);
    QCOMPARE(server->serverEdit()->text(), m_site.server());
    QCOMPARE(server->siteEdit()->text(), m_site.site());
    // A host no rule names gets no rule server: back to nothing (no active connection here),
    // never the first rule's.
    wizard.hostPage()->hostEdit()->setText(u"unnamed-host"_s);
    QCOMPARE(server->serverEdit()->text(), m_site.server()); // untouched, not cleared
    wizard.hostPage()->hostEdit()->setText(m_host);
    QCOMPARE(server->serverEdit()->text(), m_site.server());

    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(server->trustButton()->isVisible(), 15000);
    server->trustButton()->setChecked(true);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::HostPage));
    QLineEdit *host = wizard.hostPage()->hostEdit();
    QVERIFY(!wizard.hostPage()->ruleHintLabel()->isVisible());

    // Typed on the host page: the checked server stays, the page names the rule's server.
    host->setFocus();
    host->selectAll();
    QTest::keyClicks(host, u"other-host"_s);
    QCOMPARE(host->text(), u"other-host"_s);
    QVERIFY(host->hasFocus());
    QCOMPARE(server->serverEdit()->text(), m_site.server());
    QVERIFY(wizard.hostPage()->ruleHintLabel()->isVisible());
    QVERIFY2(wizard.hostPage()->ruleHintLabel()->text().contains(u"other.example.invalid"_s),
             qPrintable(wizard.hostPage()->ruleHintLabel()->text()));
    QVERIFY(
        !TestEnvironment::saveScreenshot(&wizard, u"registration-2-host-rule-hint"_s).isEmpty());

    // Back: the first page now suggests the rule's server for other-host, to be checked again.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::ServerPage));
    QCOMPARE(server->serverEdit()->text(), u"other.example.invalid"_s);
    QCOMPARE(server->siteEdit()->text(), u"othersite"_s);
    // The earlier check and trust decision were for the other server.
    QVERIFY(!server->trustButton()->isVisible());
    QVERIFY(!server->trustButton()->isChecked());
}

// A site name the server does not have: the registration says so (not a network error) and
// offers "Edit site…", which goes back to the first page with the keyboard in the site name.
void TestRegistrationWizard::wrongSiteOffersEditSite()
{
    RegistrationWizard wizard;
    SecretStore secrets(nullptr, u"agentdesk-test"_s);
    RegistrationController controller(&wizard, nullptr, &secrets);
    wizard.resize(760, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    RegistrationServerPage *server = wizard.serverPage();
    server->serverEdit()->setText(m_site.server());
    server->siteEdit()->setText(u"nosuchsite"_s);
    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(server->trustButton()->isVisible(), 15000);
    server->trustButton()->setChecked(true);
    wizard.next();
    wizard.hostPage()->hostEdit()->setText(m_host);
    wizard.next();
    wizard.credentialsPage()->userEdit()->setText(u"automation"_s);
    wizard.credentialsPage()->secretEdit()->setText(QString::fromLatin1(m_site.secret()));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::SummaryPage));
    wizard.setStateFilePath(m_dir.filePath(u"nosite.state"_s), false);
    wizard.next();
    RegistrationSummaryPage *summary = wizard.summaryPage();
    QTRY_VERIFY_WITH_TIMEOUT(summary->errorBanner()->isVisible(), 15000);
    QCOMPARE(summary->errorBanner()->error().status, 404);
    QAbstractButton *fix = nullptr;
    for (QAbstractButton *b : summary->errorBanner()->actionButtons()) {
        if (b->text() == u"Edit site…"_s)
            fix = b;
    }
    QVERIFY(fix);
    QVERIFY(
        !TestEnvironment::saveScreenshot(&wizard, u"registration-4-summary-no-site"_s).isEmpty());
    fix->click();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::ServerPage));
    QTRY_COMPARE_WITH_TIMEOUT(wizard.focusWidget(), server->siteEdit(), 5000);
    QCOMPARE(server->siteEdit()->selectedText(), u"nosuchsite"_s);
}

void TestRegistrationWizard::localConfigPage()
{
    const QString cfg = m_dir.filePath(u"agent.cfg"_s);
    const QString state = m_dir.filePath(u"agent.state"_s);
    QFile c(cfg);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("{'server': 'cfg.example.com', 'interval': 3600,\n 'proxy': {'proxy_password': "
            "'pw'}}\n");
    c.close();
    QFile s(state);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write("{'server': 'old.example.com', 'host_secret': '" + QByteArray(64, 'q')
            + "', 'site': 'mysite', 'host_name': 'web01'}\n");
    s.close();

    LocalConfigPage page;
    SecretStore secrets(nullptr, u"agentdesk-test"_s);
    RegistrationController controller(nullptr, &page, &secrets);
    page.resize(760, 420);
    page.setPaths(cfg, state);
    controller.reloadLocalConfig();
    QCOMPARE(page.model()->rowCount(), 6);
    QVERIFY(!TestEnvironment::saveScreenshot(&page, u"local-updater-config"_s).isEmpty());
    page.revealBox()->setChecked(true);
    QVERIFY(page.model()->secretsRevealed());

    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("{'server': 'x',\n 'site' 'y'}\n");
    c.close();
    page.revealBox()->setChecked(false);
    controller.reloadLocalConfig();
    QVERIFY(page.errorBanner()->isVisibleTo(&page));
    QVERIFY(page.statusLabel()->text().contains(u"not usable"_s));
    QCOMPARE(page.model()->rowCount(), 4); // the .state alone
    QVERIFY(
        !TestEnvironment::saveScreenshot(&page, u"local-updater-config-parse-error"_s).isEmpty());
}

QTEST_MAIN(TestRegistrationWizard)
#include "tst_registrationwizard.moc"
