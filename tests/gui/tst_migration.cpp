// The migration assistant between two demo-site processes, by keyboard: a dry run that changes
// neither site, then a real run after which the new site holds the keys, the rule and the
// registrations, the old site's rule points at the new site, and a host's copied secret works
// there. The old site is unchanged until the new site has been verified.
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ActivationApi.h"
#include "AppController.h"
#include "BakeryApi.h"
#include "ConnectionStore.h"
#include "DemoSites.h"
#include "InventoryApi.h"
#include "KeysApi.h"
#include "MainWindow.h"
#include "MigrationAssistant.h"
#include "MigrationController.h"
#include "PassphraseField.h"
#include "RegistrationsApi.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RulesApi.h"
#include "SecretStore.h"
#include "SiteSession.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

namespace {

template<typename T, typename Call> std::optional<T> await(Call call)
{
    SiteResult<T> r = DemoSites::await<T>(std::move(call));
    if (!r.ok())
        return std::nullopt;
    return std::move(r.value);
}

} // namespace

class TestMigration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dryRunThenRealRun();
    void oldRuleChangedSincePlan_data();
    void oldRuleChangedSincePlan();
    void stockSitesByHand_data();
    void stockSitesByHand();

private:
    // Everything the migration may change on a site, as text: equal text, nothing changed.
    QString state(const DemoSiteProcess &site);
    // The console's own window with both connections saved (secrets in the keychain), connected
    // to the old site.
    std::unique_ptr<AppController> startConsole(DemoSites &sites);
    MigrationAssistant *open(AppController &app);
    void key(QWidget *w, Qt::Key key, Qt::KeyboardModifiers m = Qt::NoModifier);

    DemoSites m_sites;
    QStringList m_registered; // on the old site, each also on the new one
    QString m_leftBehind; // registered on the old site, not in the new site's setup
    QHash<QString, QByteArray> m_secrets;
};

void TestMigration::initTestCase()
{
    TestEnvironment::isolate();
    // The same seed: the new site's 30 hosts are the first 30 of the old site's 40.
    QVERIFY2(
        m_sites.startPair({ u"--site"_s, u"oldsite"_s, u"--hosts"_s, u"40"_s },
                          { u"--site"_s, u"newsite"_s, u"--hosts"_s, u"30"_s, u"--empty-setup"_s }),
        qPrintable(m_sites.error()));
    const QStringList oldHosts = DemoSites::hostNames(m_sites.oldSite());
    const QStringList newHosts = DemoSites::hostNames(m_sites.newSite());
    QCOMPARE(oldHosts.size(), 40);
    QCOMPARE(newHosts.size(), 30);
    for (const QString &h : newHosts)
        QVERIFY(oldHosts.contains(h));
    m_registered = { newHosts.at(0), newHosts.at(7), newHosts.at(21) };
    for (const QString &h : oldHosts) {
        if (!newHosts.contains(h)) {
            m_leftBehind = h;
            break;
        }
    }
    for (const QString &h : m_registered + QStringList { m_leftBehind }) {
        const QByteArray secret = DemoSites::registerHost(m_sites.oldSite(), h);
        QCOMPARE(secret.size(), 64);
        m_secrets.insert(h, secret);
    }
}

QString TestMigration::state(const DemoSiteProcess &site)
{
    auto c = DemoSites::client(site);
    QStringList lines;
    const auto rules = await<QList<AgentUpdaterRule>>(
        [&](QObject *ctx, auto done) { RulesApi(c.get()).rules(ctx, done); });
    if (!rules)
        return u"rules unreadable"_s;
    for (const AgentUpdaterRule &r : *rules)
        lines << u"rule %1 %2 %3"_s.arg(r.id, r.folder, r.valueRaw);
    const auto keys = await<QList<SignatureKey>>(
        [&](QObject *ctx, auto done) { KeysApi(c.get()).keys(ctx, done); });
    if (!keys)
        return u"keys unreadable"_s;
    for (const SignatureKey &k : *keys)
        lines << u"key %1 %2"_s.arg(k.id).arg(k.md5Digest);
    const auto registered = await<QStringList>(
        [&](QObject *ctx, auto done) { RegistrationsApi(c.get()).registeredHosts(ctx, done); });
    if (!registered)
        return u"registrations unreadable"_s;
    lines << u"registered "_s + registered->join(u',');
    const auto agents = await<QList<BakedAgent>>(
        [&](QObject *ctx, auto done) { BakeryApi(c.get()).agents(ctx, done); });
    if (!agents)
        return u"agents unreadable"_s;
    for (const BakedAgent &a : *agents) {
        QStringList sigs;
        for (const BakedAgent::Signature &s : a.signatures)
            sigs << s.md5Digest;
        lines << u"agent %1 %2"_s.arg(a.hash, sigs.join(u','));
    }
    const auto pending = await<Versioned<PendingChanges>>(
        [&](QObject *ctx, auto done) { ActivationApi(c.get()).pendingChanges(ctx, done); });
    if (!pending)
        return u"pending changes unreadable"_s;
    lines << u"pending %1"_s.arg(pending->value.changes.size());
    return lines.join(u'\n');
}

std::unique_ptr<AppController> TestMigration::startConsole(DemoSites &sites)
{
    const SiteConnection oldConnection = DemoSites::connection(sites.oldSite(), u"Old site"_s);
    const SiteConnection newConnection = DemoSites::connection(sites.newSite(), u"New site"_s);
    ConnectionStore().save({ oldConnection, newConnection });
    auto app = std::make_unique<AppController>();
    if (!DemoSites::storeSecret(app->secrets(), oldConnection, sites.oldSite().secret())
        || !DemoSites::storeSecret(app->secrets(), newConnection, sites.newSite().secret()))
        return nullptr;
    app->start(u"Old site"_s);
    app->window()->resize(1024, 700);
    app->window()->show();
    if (!QTest::qWaitFor([&] { return app->session()->isConnected(); }, 20000))
        return nullptr;
    return app;
}

void TestMigration::key(QWidget *w, Qt::Key k, Qt::KeyboardModifiers m)
{
    QTest::keyClick(w, k, m);
}

MigrationAssistant *TestMigration::open(AppController &app)
{
    MainWindow *window = app.window();
    window->activateWindow();
    QApplication::setActiveWindow(window);
    QTest::keyClick(window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    MigrationAssistant *wizard = app.migrationAssistant();
    if (!wizard || !QTest::qWaitFor([&] { return wizard->isVisible(); }, 5000))
        return nullptr;
    wizard->resize(1024, 700);
    QApplication::setActiveWindow(wizard);
    return wizard;
}

void TestMigration::dryRunThenRealRun()
{
    const std::unique_ptr<AppController> console = startConsole(m_sites);
    QVERIFY(console);
    AppController &app = *console;
    const DemoSiteProcess &m_old = m_sites.oldSite();
    const DemoSiteProcess &m_new = m_sites.newSite();

    const QString oldBefore = state(m_old);
    const QString newBefore = state(m_new);
    QVERIFY2(oldBefore.contains(u"rule "_s) && oldBefore.contains(u"key "_s),
             qPrintable(oldBefore));
    QVERIFY2(!newBefore.contains(u"rule "_s) && !newBefore.contains(u"key "_s),
             qPrintable(newBefore));
    // Before the move, the new site does not know the hosts' secrets.
    QCOMPARE(DemoSites::deployResultCode(m_new, m_registered.first(),
                                         m_secrets.value(m_registered.first())),
             1);

    // --- Dry run ---------------------------------------------------------------------------
    MigrationAssistant *wizard = open(app);
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(MigrationAssistant::SitesPage));
    auto *oldBox = wizard->findChild<QComboBox *>(u"migrationOldSite"_s);
    auto *newBox = wizard->findChild<QComboBox *>(u"migrationNewSite"_s);
    auto *dryRun = wizard->findChild<QCheckBox *>(u"migrationDryRun"_s);
    QCOMPARE(oldBox->currentText(), u"Old site"_s); // the connection in use
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // no new site chosen yet
    key(wizard, Qt::Key_I, Qt::AltModifier);
    QTRY_VERIFY(newBox->hasFocus());
    QTest::keyClicks(newBox, u"New"_s);
    QCOMPARE(newBox->currentText(), u"New site"_s);
    key(wizard, Qt::Key_D, Qt::AltModifier);
    QTRY_VERIFY(dryRun->isChecked()); // a mnemonic clicks after a short animation
    TestEnvironment::saveScreenshot(wizard, u"migration-1-sites"_s);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::PlanPage));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    const QString plan = wizard->findChild<QPlainTextEdit *>(u"migrationPlanText"_s)->toPlainText();
    QVERIFY2(plan.contains(u"DRY RUN"_s), qPrintable(plan));
    // The new site starts with its master switch off (--empty-setup): said, not changed.
    QVERIFY2(plan.contains(u"Note: The new site's master switch"_s), qPrintable(plan));
    QVERIFY2(plan.contains(u"30 hosts exist on both sites"_s), qPrintable(plan));
    QVERIFY2(plan.contains(u"10 hosts of the old site are missing on the new site"_s),
             qPrintable(plan));
    QVERIFY2(plan.contains(m_leftBehind), qPrintable(plan));
    QVERIFY2(plan.contains(u"Copy 3 registrations"_s), qPrintable(plan));
    QVERIFY2(plan.contains(u"1 registered host stay behind"_s)
                 || plan.contains(u"1 registered host(s)"_s) || plan.contains(u"registered host"_s),
             qPrintable(plan));
    QVERIFY2(plan.contains(u"Export key \"Demo signing key\""_s), qPrintable(plan));
    QVERIFY2(
        plan.contains(u"on the new site with update server %1 / newsite"_s.arg(m_new.server())),
        qPrintable(plan));
    QVERIFY2(plan.contains(u"→ %1 / newsite"_s.arg(m_new.server())), qPrintable(plan));
    TestEnvironment::saveScreenshot(wizard, u"migration-2-plan"_s);
    key(wizard, Qt::Key_N, Qt::AltModifier);
    // A dry run asks for no passphrase.
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::RunPage));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::CommitButton)->isEnabled(), 60000);
    auto *steps = wizard->findChild<QListWidget *>(u"migrationSteps"_s);
    for (int row = 1; row < steps->count(); ++row)
        QVERIFY2(steps->item(row)->text().endsWith(u"dry run: nothing changed"_s),
                 qPrintable(steps->item(row)->text()));
    auto *oldSiteButton = wizard->findChild<QPushButton *>(u"migrationOldSiteButton"_s);
    QVERIFY(wizard->findChild<QGroupBox *>(u"migrationOldSiteBox"_s)->isVisible());
    QVERIFY(!oldSiteButton->isEnabled());
    TestEnvironment::saveScreenshot(wizard, u"migration-3-dry-run"_s);
    key(wizard, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::ReportPage));
    const QString dryReport
        = wizard->findChild<QPlainTextEdit *>(u"migrationReport"_s)->toPlainText();
    QVERIFY2(dryReport.startsWith(u"DRY RUN: neither site was changed."_s), qPrintable(dryReport));
    QVERIFY2(dryReport.contains(u"Would: Copy 3 registrations"_s), qPrintable(dryReport));
    TestEnvironment::saveScreenshot(wizard, u"migration-4-dry-report"_s);
    key(wizard, Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(!wizard->isVisible());
    // Nothing changed on either site.
    QCOMPARE(state(m_old), oldBefore);
    QCOMPARE(state(m_new), newBefore);

    // --- A real run, stopped -----------------------------------------------------------------
    // The old site's export of the registrations answers late, so the run is surely under way
    // when Stop is pressed; that request only reads, so nothing has been written anywhere.
    QVERIFY(DemoSites::send(
                m_old,
                RestRequest::post(
                    u"demo-control/faults"_s,
                    QJsonDocument(QJsonObject {
                        { u"path"_s, u"/domain-types/agent_registration/actions/export/invoke"_s },
                        { u"latency_ms"_s, 20000 },
                        { u"count"_s, 1 } })))
                .ok());
    QCOMPARE(open(app), wizard);
    auto *passphrase = wizard->findChild<PassphraseField *>(u"migrationPassphrase"_s);
    const auto startRealRun = [&] {
        key(wizard, Qt::Key_I, Qt::AltModifier);
        QTest::keyClicks(newBox, u"New"_s);
        QCOMPARE(newBox->currentText(), u"New site"_s);
        if (dryRun->isChecked()) {
            key(wizard, Qt::Key_D, Qt::AltModifier);
            QTRY_VERIFY(!dryRun->isChecked());
        }
        key(wizard, Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::PlanPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 60000);
        key(wizard, Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::PassphrasePage));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QTRY_VERIFY(passphrase->hasFocus());
        QTest::keyClicks(passphrase, u"demo-passphrase-2026"_s);
    };
    startRealRun();
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::RunPage));
    QVERIFY(!wizard->button(QWizard::BackButton)->isVisible()); // no way back from a run
    QTRY_VERIFY(steps->item(1)->text().endsWith(u"running…"_s));
    auto *stop = wizard->findChild<QPushButton *>(u"migrationStop"_s);
    QVERIFY(stop->isEnabled());
    key(wizard, Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY(steps->item(1)->text().endsWith(u"cancelled"_s));
    for (int row = 2; row < steps->count(); ++row)
        QVERIFY2(steps->item(row)->text().endsWith(u"waiting"_s),
                 qPrintable(steps->item(row)->text()));
    QVERIFY(!wizard->findChild<QGroupBox *>(u"migrationOldSiteBox"_s)->isVisible());
    QVERIFY(!stop->isEnabled());
    QCOMPARE(wizard->findChild<QLabel *>(u"migrationProgressText"_s)->text(), u"Stopped."_s);
    QVERIFY(!app.migrationController()->holdsPassphrase()); // wiped when the run stopped
    QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
    TestEnvironment::saveScreenshot(wizard, u"migration-5-stopped"_s);
    key(wizard, Qt::Key_Escape);
    QTRY_VERIFY(!wizard->isVisible());
    QVERIFY(DemoSites::send(m_old, RestRequest::del(u"demo-control/faults"_s)).ok());
    QCOMPARE(state(m_old), oldBefore);
    QCOMPARE(state(m_new), newBefore);

    // --- Real run --------------------------------------------------------------------------
    QCOMPARE(open(app), wizard);
    startRealRun();
    TestEnvironment::saveScreenshot(wizard, u"migration-5-passphrase"_s);
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::RunPage));
    // The passphrase left the field at once.
    QVERIFY(passphrase->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(oldSiteButton->isVisible() && oldSiteButton->isEnabled(), 120000);
    const QString log = wizard->findChild<QPlainTextEdit *>(u"migrationLog"_s)->toPlainText();
    QVERIFY2(log.contains(u"Copied 3 registrations to the new site."_s), qPrintable(log));
    QVERIFY2(log.contains(u"1 registered host stayed behind, not in the new site's setup: "_s
                          + m_leftBehind),
             qPrintable(log));
    QVERIFY2(log.contains(u"Copied key \"Demo signing key\""_s), qPrintable(log));
    QVERIFY2(log.contains(u"Verified: the new site holds"_s), qPrintable(log));
    TestEnvironment::saveScreenshot(wizard, u"migration-6-new-site-verified"_s);
    QVERIFY(app.migrationController()->holdsPassphrase()); // step 5 signs on the old site

    // The new site holds keys, rule and registrations; the old site is untouched so far.
    const QString newAfter = state(m_new);
    QVERIFY2(newAfter.contains(u"registered "_s + m_registered.join(u',')), qPrintable(newAfter));
    QVERIFY2(!newAfter.contains(m_leftBehind), qPrintable(newAfter));
    QVERIFY2(newAfter.contains(u"'server': '%1'"_s.arg(m_new.server()))
                 && newAfter.contains(u"'site': 'newsite'"_s),
             qPrintable(newAfter));
    QCOMPARE(state(m_old), oldBefore);
    // Each copied registration works on the new site with the secret the host already has.
    for (const QString &h : m_registered)
        QCOMPARE(DemoSites::deployResultCode(m_new, h, m_secrets.value(h)), 0);

    key(wizard, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(steps->item(4)->text().endsWith(u"done"_s)
                                 || steps->item(4)->text().endsWith(u"FAILED"_s),
                             120000);
    QVERIFY2(steps->item(4)->text().endsWith(u"done"_s),
             qPrintable(wizard->findChild<QPlainTextEdit *>(u"migrationLog"_s)->toPlainText()));
    QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
    TestEnvironment::saveScreenshot(wizard, u"migration-7-old-site-done"_s);
    QVERIFY(!app.migrationController()->holdsPassphrase()); // the run is over: wiped
    const QString oldAfter = state(m_old);
    QVERIFY2(oldAfter.contains(u"'server': '%1'"_s.arg(m_new.server()))
                 && oldAfter.contains(u"'site': 'newsite'"_s),
             qPrintable(oldAfter));
    QVERIFY2(!oldAfter.contains(u"'site': 'oldsite'"_s), qPrintable(oldAfter));
    key(wizard, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::ReportPage));
    const QString report = wizard->findChild<QPlainTextEdit *>(u"migrationReport"_s)->toPlainText();
    QVERIFY2(report.contains(u"5. Re-point the old site and bake — done"_s), qPrintable(report));
    TestEnvironment::saveScreenshot(wizard, u"migration-8-report"_s);
    key(wizard, Qt::Key_F, Qt::AltModifier);
}

void TestMigration::oldRuleChangedSincePlan_data()
{
    // What the user answers when step 5 stops: re-plan on the other client's version, or leave
    // the old site as it is.
    QTest::addColumn<bool>("replan");
    QTest::newRow("re-plan") << true;
    QTest::newRow("leave") << false;
}

void TestMigration::oldRuleChangedSincePlan()
{
    QFETCH(bool, replan);
    // Fresh sites: the old one with its roll-out, the new one with the same 20 hosts.
    DemoSites sites;
    QVERIFY2(
        sites.startPair({ u"--site"_s, u"oldsite"_s, u"--hosts"_s, u"20"_s },
                        { u"--site"_s, u"newsite"_s, u"--hosts"_s, u"20"_s, u"--empty-setup"_s }),
        qPrintable(sites.error()));
    const DemoSiteProcess &oldSite = sites.oldSite();
    const DemoSiteProcess &newSite = sites.newSite();
    const std::unique_ptr<AppController> console = startConsole(sites);
    QVERIFY(console);
    AppController &app = *console;

    // The old rule the migration re-points (the one naming an update server).
    auto c = DemoSites::client(oldSite);
    const auto rules = await<QList<AgentUpdaterRule>>(
        [&](QObject *ctx, auto done) { RulesApi(c.get()).rules(ctx, done); });
    QVERIFY(rules);
    QString ruleId;
    for (const AgentUpdaterRule &r : *rules) {
        if (!r.value.value(u"server_data"_s).toMap().isEmpty())
            ruleId = r.id;
    }
    QVERIFY(!ruleId.isEmpty());
    const QString rulePath = u"objects/rule/"_s + ruleId;

    // Plan.
    MigrationAssistant *wizard = open(app);
    QVERIFY(wizard);
    auto *newBox = wizard->findChild<QComboBox *>(u"migrationNewSite"_s);
    key(wizard, Qt::Key_I, Qt::AltModifier);
    QTRY_VERIFY(newBox->hasFocus());
    QTest::keyClicks(newBox, u"New"_s);
    QCOMPARE(newBox->currentText(), u"New site"_s);
    QVERIFY(!wizard->findChild<QCheckBox *>(u"migrationDryRun"_s)->isChecked());
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::PlanPage));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    const QString plan = wizard->findChild<QPlainTextEdit *>(u"migrationPlanText"_s)->toPlainText();
    QVERIFY2(plan.contains(u"→ %1 / newsite"_s.arg(newSite.server())), qPrintable(plan));

    // Another client changes the old rule after the plan was shown, as it would over REST:
    // every part as read, a value key and a property this console does not show added, the
    // interval changed, written with the ETag it read.
    const RestResult read = DemoSites::send(oldSite, RestRequest::get(rulePath));
    QVERIFY2(read.ok(), qPrintable(read.error.summary()));
    QJsonObject ext = read.json.object().value(u"extensions"_s).toObject();
    QString valueRaw = ext.value(u"value_raw"_s).toString();
    QVERIFY2(valueRaw.endsWith(u'}') && valueRaw.contains(u"'interval': "_s), qPrintable(valueRaw));
    valueRaw.chop(1);
    valueRaw += u", 'future_option': {'retries': 3, 'jitter': True}}"_s;
    static const QRegularExpression interval(u"'interval': \\d+"_s);
    valueRaw.replace(interval, u"'interval': 5400"_s);
    QJsonObject properties = ext.value(u"properties"_s).toObject();
    properties.insert(u"comment"_s, u"changed by the other admin after the plan"_s);
    const QJsonObject theirBody { { u"properties"_s, properties },
                                  { u"value_raw"_s, valueRaw },
                                  { u"conditions"_s, ext.value(u"conditions"_s) } };
    const RestResult theirWrite = DemoSites::send(
        oldSite, RestRequest::put(rulePath, QJsonDocument(theirBody)).withIfMatch(read.etag));
    QVERIFY2(theirWrite.ok(), qPrintable(theirWrite.error.summary()));
    const RestResult theirs = DemoSites::send(oldSite, RestRequest::get(rulePath));
    QVERIFY(theirs.ok());
    const QJsonObject theirRule = theirs.json.object().value(u"extensions"_s).toObject();
    QVERIFY(theirRule.value(u"value_raw"_s).toString().contains(u"future_option"_s));
    const QString oldBaseline = state(oldSite);

    // Run: steps 2 to 4 on the new site, then step 5 on the old site.
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::PassphrasePage));
    auto *passphrase = wizard->findChild<PassphraseField *>(u"migrationPassphrase"_s);
    QTRY_VERIFY(passphrase->hasFocus());
    QTest::keyClicks(passphrase, u"demo-passphrase-2026"_s);
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::RunPage));
    auto *oldSiteButton = wizard->findChild<QPushButton *>(u"migrationOldSiteButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(oldSiteButton->isVisible() && oldSiteButton->isEnabled(), 120000);
    auto *steps = wizard->findChild<QListWidget *>(u"migrationSteps"_s);
    auto *log = wizard->findChild<QPlainTextEdit *>(u"migrationLog"_s);
    QVERIFY2(log->toPlainText().contains(u"Verified: the new site holds"_s),
             qPrintable(log->toPlainText()));
    QCOMPARE(state(oldSite), oldBaseline); // the old site untouched so far

    key(wizard, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!steps->item(4)->text().endsWith(u"running…"_s)
                                 && !steps->item(4)->text().endsWith(u"waiting"_s),
                             120000);
    QVERIFY2(steps->item(4)->text().endsWith(u"stopped: changed on the site meanwhile"_s),
             qPrintable(steps->item(4)->text() + u'\n' + log->toPlainText()));
    // The site refused the write: the rule is the other client's version, byte for byte, and
    // nothing else on the old site changed (no bake, no other rule, no pending change).
    const RestResult after = DemoSites::send(oldSite, RestRequest::get(rulePath));
    QVERIFY(after.ok());
    QCOMPARE(after.json.object().value(u"extensions"_s).toObject(), theirRule);
    QCOMPARE(after.etag, theirs.etag);
    QCOMPARE(state(oldSite), oldBaseline);
    // Said where the user looks, naming the rule, with the choice that follows.
    auto *conflict = wizard->findChild<QLabel *>(u"migrationOldSiteConflict"_s);
    QVERIFY(conflict->isVisible());
    QVERIFY2(conflict->text().contains(
                 u"was changed by another client after the plan was made, so nothing was "
                 "written to it"_s)
                 && conflict->text().contains(u"in folder"_s),
             qPrintable(conflict->text()));
    auto *replanButton = wizard->findChild<QPushButton *>(u"migrationOldSiteReplan"_s);
    QVERIFY(replanButton->isVisible() && replanButton->isEnabled() && replanButton->hasFocus());
    QVERIFY(wizard->findChild<QPushButton *>(u"migrationOldSiteKeep"_s)->isVisible());
    QVERIFY(!oldSiteButton->isVisible());
    QVERIFY(app.migrationController()->holdsPassphrase()); // for a re-planned step 5
    QVERIFY2(log->toPlainText().contains(
                 u"(id %1) of the old site was changed by another client after the plan was "
                 "made; the site refused the write (412 Precondition Failed). Nothing was "
                 "written to it"_s.arg(ruleId)),
             qPrintable(log->toPlainText()));
    if (replan)
        TestEnvironment::saveScreenshot(wizard, u"migration-9-old-rule-changed"_s);

    if (!replan) {
        key(wizard, Qt::Key_L, Qt::AltModifier);
        QTRY_VERIFY(steps->item(4)->text().endsWith(u"cancelled"_s));
        QVERIFY(!app.migrationController()->holdsPassphrase()); // the run is over: wiped
        QVERIFY(!replanButton->isEnabled());
        QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
        QCOMPARE(DemoSites::send(oldSite, RestRequest::get(rulePath))
                     .json.object()
                     .value(u"extensions"_s)
                     .toObject(),
                 theirRule);
        QCOMPARE(state(oldSite), oldBaseline);
        key(wizard, Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::ReportPage));
        const QString report
            = wizard->findChild<QPlainTextEdit *>(u"migrationReport"_s)->toPlainText();
        QVERIFY2(report.contains(u"5. Re-point the old site and bake — cancelled"_s)
                     && report.contains(u"was changed by another client after the plan was made"_s)
                     && report.contains(u"The old site was left as it is: rule %1 keeps the other "
                                        "client's version"_s.arg(ruleId)),
                 qPrintable(report));
        key(wizard, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(!wizard->isVisible());
        return;
    }

    // Re-planned on their version: only the update server changes, shown before it is written.
    key(wizard, Qt::Key_T, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(oldSiteButton->isVisible() && oldSiteButton->isEnabled(), 60000);
    QVERIFY(!conflict->isVisible());
    const QString replanned = wizard->findChild<QLabel *>(u"migrationOldSiteActions"_s)->text();
    QVERIFY2(replanned.contains(u"→ %1 / newsite"_s.arg(newSite.server())), qPrintable(replanned));
    QCOMPARE(state(oldSite), oldBaseline); // a re-plan only reads
    key(wizard, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(steps->item(4)->text().endsWith(u"done"_s)
                                 || steps->item(4)->text().endsWith(u"FAILED"_s)
                                 || steps->item(4)->text().endsWith(u"meanwhile"_s),
                             120000);
    QVERIFY2(steps->item(4)->text().endsWith(u"done"_s), qPrintable(log->toPlainText()));
    QVERIFY(!app.migrationController()->holdsPassphrase());
    // The other client's changes stay; the update server is the new site's.
    const RestResult repointed = DemoSites::send(oldSite, RestRequest::get(rulePath));
    const QJsonObject repointedRule = repointed.json.object().value(u"extensions"_s).toObject();
    const QString repointedValue = repointedRule.value(u"value_raw"_s).toString();
    static const QRegularExpression pem(u"-----BEGIN [^']*-----END [A-Z ]+-----(\\\\n)?"_s);
    // (Written back as a Python literal with sorted keys.)
    QVERIFY2(repointedValue.contains(u"'future_option': {'jitter': True, 'retries': 3}"_s)
                 && repointedValue.contains(u"'interval': 5400"_s)
                 && repointedValue.contains(u"'server': '%1'"_s.arg(newSite.server()))
                 && repointedValue.contains(u"'site': 'newsite'"_s),
             qPrintable(QString(repointedValue).replace(pem, u"PEM"_s)));
    QCOMPARE(repointedRule.value(u"properties"_s).toObject(), theirRule.value(u"properties"_s));
    QCOMPARE(repointedRule.value(u"conditions"_s).toObject(), theirRule.value(u"conditions"_s));

    // The report keeps why step 5 stopped and how it went on.
    key(wizard, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::ReportPage));
    const QString report = wizard->findChild<QPlainTextEdit *>(u"migrationReport"_s)->toPlainText();
    QVERIFY2(report.contains(u"was changed by another client after the plan was made"_s)
                 && report.contains(u"Re-planned on the version now on the site"_s)
                 && report.contains(u"5. Re-point the old site and bake — done"_s),
             qPrintable(report));
    key(wizard, Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(!wizard->isVisible());
}

void TestMigration::stockSitesByHand_data()
{
    // Which of the two is a stock site (no extension endpoints: no registration and no key
    // interface).
    QTest::addColumn<bool>("oldStock");
    QTest::addColumn<bool>("newStock");
    QTest::newRow("stock to stock") << true << true;
    QTest::newRow("to a stock site") << false << true;
    QTest::newRow("from a stock site") << true << false;
}

void TestMigration::stockSitesByHand()
{
    QFETCH(bool, oldStock);
    QFETCH(bool, newStock);
    const bool screenshots = oldStock && newStock;
    // Each site records every exchange.
    QTemporaryDir records;
    QVERIFY(records.isValid());
    const QString oldRecord = records.filePath(u"old.jsonl"_s);
    const QString newRecord = records.filePath(u"new.jsonl"_s);
    DemoSites sites;
    const QStringList stock { u"--stock"_s };
    QVERIFY2(sites.startPair(QStringList { u"--site"_s, u"oldsite"_s, u"--hosts"_s, u"20"_s,
                                           u"--record"_s, oldRecord }
                                 + (oldStock ? stock : QStringList()),
                             QStringList { u"--site"_s, u"newsite"_s, u"--hosts"_s, u"20"_s,
                                           u"--empty-setup"_s, u"--record"_s, newRecord }
                                 + (newStock ? stock : QStringList())),
             qPrintable(sites.error()));
    const DemoSiteProcess &oldSite = sites.oldSite();
    const DemoSiteProcess &newSite = sites.newSite();
    QVERIFY(!DemoSites::registerHost(oldSite, DemoSites::hostNames(oldSite).first()).isEmpty());
    // What a stock site lets the assistant change: its rules, agents and pending changes.
    const auto stockState = [](const DemoSiteProcess &site) {
        auto c = DemoSites::client(site);
        QStringList lines;
        const auto rules = await<QList<AgentUpdaterRule>>(
            [&](QObject *ctx, auto done) { RulesApi(c.get()).rules(ctx, done); });
        for (const AgentUpdaterRule &r : rules.value_or(QList<AgentUpdaterRule>()))
            lines << u"rule %1 %2 %3"_s.arg(r.id, r.folder, r.valueRaw);
        const auto agents = await<QList<BakedAgent>>(
            [&](QObject *ctx, auto done) { BakeryApi(c.get()).agents(ctx, done); });
        for (const BakedAgent &a : agents.value_or(QList<BakedAgent>()))
            lines << u"agent "_s + a.hash;
        const auto pending = await<Versioned<PendingChanges>>(
            [&](QObject *ctx, auto done) { ActivationApi(c.get()).pendingChanges(ctx, done); });
        lines << (pending ? u"pending %1"_s.arg(pending->value.changes.size())
                          : u"pending unreadable"_s);
        return rules && agents ? lines.join(u'\n') : u"unreadable"_s;
    };
    const QString oldBefore = stockState(oldSite);
    const QString newBefore = stockState(newSite);
    QVERIFY2(oldBefore.contains(u"'site': 'oldsite'"_s), qPrintable(oldBefore));
    QVERIFY2(!newBefore.contains(u"rule "_s), qPrintable(newBefore));

    const std::unique_ptr<AppController> console = startConsole(sites);
    QVERIFY(console);
    AppController &app = *console;
    MigrationAssistant *wizard = open(app);
    QVERIFY(wizard);
    auto *newBox = wizard->findChild<QComboBox *>(u"migrationNewSite"_s);
    key(wizard, Qt::Key_I, Qt::AltModifier);
    QTRY_VERIFY(newBox->hasFocus());
    QTest::keyClicks(newBox, u"New"_s);
    QCOMPARE(newBox->currentText(), u"New site"_s);
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::PlanPage));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    // The plan says what is done by hand, and goes on.
    const QString plan = wizard->findChild<QPlainTextEdit *>(u"migrationPlanText"_s)->toPlainText();
    QVERIFY2(!plan.contains(u"CANNOT CONTINUE"_s), qPrintable(plan));
    QVERIFY2(
        plan.contains(u"Note: One of the sites offers no interface for its registrations"_s)
            && plan.contains(u"Note: One of the sites offers no interface for signature keys"_s)
            && plan.contains(u"Copy ~/var/check_mk/agent_deployment from the old site to the "
                             "new site by hand"_s)
            && plan.contains(u"By hand: in the old site's GUI (Setup › Agents › Signature "
                             "keys) export the key of the 1 certificate the old rules "
                             "accept"_s)
            && plan.contains(u"By hand: bake and sign the agents in the new site's GUI"_s)
            && plan.contains(u"By hand: bake and sign the agents in the old site's GUI"_s)
            && plan.contains(
                u"on the new site with update server %1 / newsite"_s.arg(newSite.server()))
            && plan.contains(u"→ %1 / newsite"_s.arg(newSite.server())),
        qPrintable(plan));
    if (screenshots)
        TestEnvironment::saveScreenshot(wizard, u"migration-10-stock-plan"_s);

    // Nothing to export, import or sign: no passphrase is asked.
    key(wizard, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::RunPage));
    auto *oldSiteButton = wizard->findChild<QPushButton *>(u"migrationOldSiteButton"_s);
    auto *steps = wizard->findChild<QListWidget *>(u"migrationSteps"_s);
    auto *log = wizard->findChild<QPlainTextEdit *>(u"migrationLog"_s);
    QTRY_VERIFY_WITH_TIMEOUT((oldSiteButton->isVisible() && oldSiteButton->isEnabled())
                                 || steps->item(3)->text().endsWith(u"FAILED"_s),
                             120000);
    QVERIFY2(oldSiteButton->isEnabled(), qPrintable(log->toPlainText()));
    QVERIFY2(steps->item(1)->text().endsWith(u"to be done by hand"_s),
             qPrintable(steps->item(1)->text()));
    QVERIFY2(steps->item(2)->text().endsWith(u"to be done by hand"_s),
             qPrintable(steps->item(2)->text()));
    QVERIFY2(steps->item(3)->text().endsWith(u"done"_s), qPrintable(steps->item(3)->text()));
    // The command for the registrations, as the new site's user.
    const QString rsync
        = u"rsync -a oldsite@127.0.0.1:/omd/sites/oldsite/var/check_mk/agent_deployment/ "
          "/omd/sites/newsite/var/check_mk/agent_deployment/"_s;
    QVERIFY2(log->toPlainText().contains(rsync), qPrintable(log->toPlainText()));
    QVERIFY2(log->toPlainText().contains(u"Verified: the new site holds the rule."_s),
             qPrintable(log->toPlainText()));
    QVERIFY(!app.migrationController()->holdsPassphrase());
    // The new site got its rule through the REST API; the old site is untouched so far.
    const QString newAfter = stockState(newSite);
    QVERIFY2(newAfter.contains(u"'server': '%1'"_s.arg(newSite.server()))
                 && newAfter.contains(u"'site': 'newsite'"_s),
             qPrintable(newAfter));
    QCOMPARE(stockState(oldSite), oldBefore);
    if (screenshots)
        TestEnvironment::saveScreenshot(wizard, u"migration-11-stock-new-site"_s);

    key(wizard, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(steps->item(4)->text().endsWith(u"done"_s)
                                 || steps->item(4)->text().endsWith(u"FAILED"_s)
                                 || steps->item(4)->text().endsWith(u"meanwhile"_s),
                             120000);
    QVERIFY2(steps->item(4)->text().endsWith(u"done"_s), qPrintable(log->toPlainText()));
    QVERIFY2(
        log->toPlainText().contains(u"By hand: bake and sign the agents in the old site's GUI"_s),
        qPrintable(log->toPlainText()));
    const QString oldAfter = stockState(oldSite);
    QVERIFY2(oldAfter.contains(u"'server': '%1'"_s.arg(newSite.server()))
                 && oldAfter.contains(u"'site': 'newsite'"_s)
                 && !oldAfter.contains(u"'site': 'oldsite'"_s),
             qPrintable(oldAfter));
    key(wizard, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(MigrationAssistant::ReportPage));
    const QString report = wizard->findChild<QPlainTextEdit *>(u"migrationReport"_s)->toPlainText();
    QVERIFY2(report.contains(u"2. Copy the registrations — to be done by hand"_s)
                 && report.contains(rsync)
                 && report.contains(u"3. Copy the accepted signature keys — to be done by hand"_s)
                 && report.contains(u"5. Re-point the old site and bake — done"_s),
             qPrintable(report));
    if (screenshots)
        TestEnvironment::saveScreenshot(wizard, u"migration-12-stock-report"_s);
    key(wizard, Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(!wizard->isVisible());

    // What the sites were asked, from their recordings: the extension endpoints only read (on
    // a stock site only looked for: a GET answered 404), never written (no key export or
    // import, no registration copied); no bake or sign on either site (left to the user); the
    // rules created and re-pointed through the published API.
    const auto exchanges = [](const QString &path) {
        QList<QJsonObject> out;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : f.readAll().split('\n')) {
                if (!line.trimmed().isEmpty())
                    out << QJsonDocument::fromJson(line).object();
            }
        }
        return out;
    };
    int ruleWrites = 0;
    for (const auto &[file, isStock] :
         { std::pair { oldRecord, oldStock }, std::pair { newRecord, newStock } }) {
        const QList<QJsonObject> all = exchanges(file);
        QVERIFY2(all.size() > 10, qPrintable(file));
        int probes = 0;
        for (const QJsonObject &e : all) {
            const QString method = e.value(u"method"_s).toString();
            const QString path = e.value(u"path"_s).toString();
            const QString what
                = method + u' ' + path + u' ' + QString::number(e.value(u"status"_s).toInt());
            if (path.contains(u"agent_registration"_s) || path.contains(u"agent_signature_key"_s)) {
                QVERIFY2(method == u"GET"_s && (!isStock || e.value(u"status"_s).toInt() == 404),
                         qPrintable(what));
                ++probes;
            }
            QVERIFY2(!path.endsWith(u"/actions/bake/invoke"_s)
                         && !path.endsWith(u"/actions/sign/invoke"_s)
                         && !path.endsWith(u"/actions/bake_and_sign/invoke"_s),
                     qPrintable(what));
            if (path.contains(u"/rule"_s) && (method == u"POST"_s || method == u"PUT"_s))
                ++ruleWrites;
        }
        QVERIFY2(probes > 0, qPrintable(file)); // the recording holds the assistant's reads
    }
    QCOMPARE(ruleWrites, 2); // the rule created on the new site, the old one re-pointed
}

QTEST_MAIN(TestMigration)
#include "tst_migration.moc"
