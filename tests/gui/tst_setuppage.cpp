// The setup page against embedded demo sites: from nothing set up to all prerequisites met,
// the master switch with its confirmation, and an activation of changes to completion.
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "AgentUpdaterConfig.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "EffectiveRuleValue.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "SetupController.h"
#include "SetupPage.h"
#include "SiteSession.h"
#include "StaleVersionDialog.h"
#include "TestEnvironment.h"
#include "UpdateStatusModel.h"
#include "UpdaterRuleDialog.h"

using namespace Qt::StringLiterals;
using State = Prerequisites::State;

class TestSetupPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptySite();
    void rollOutUnderWay();
    void masterSwitchAndActivation();
    void ruleDialogNamesProblems();
    void createEditDeleteRule();
    void registeredCountArrivingMidRefreshCounts();
    void writesElsewhereRefreshThePage();
    void activationOfChangedPendingChangesAsksToReview();
    void masterSwitchChangedMeanwhileAsks();
    void siteWithoutDeploymentStatusFallsBack();
    void ruleColumnsFitAfterTheWindowShrinks();

private:
    struct Rig
    {
        DemoSiteThread demo;
        SecretStore secrets;
        SiteSession session { &secrets, nullptr };
        UpdateStatusModel statusModel;
        SetupPage page;
        SetupController controller { &session, &page, &statusModel };
    };
    QList<Prerequisites::Result> connect(Rig &rig, bool empty);
    // A fault through the demo site's control endpoint, as a test of another client would.
    static void addFault(Rig &rig, const QJsonObject &fault);
};

void TestSetupPage::addFault(Rig &rig, const QJsonObject &fault)
{
    SiteConnection c = DemoConnection::make(rig.demo.site()->port(),
                                            rig.demo.site()->certificateSha256(), u"control"_s);
    c.user = u"demo-control"_s;
    RestClient control(c);
    control.setSecret(SecureBuffer(rig.demo.site()->controlToken()));
    RestRequest r = RestRequest::post(u"demo-control/faults"_s, QJsonDocument(fault));
    r.base = RestRequest::Base::Site;
    RestReply *reply = control.send(std::move(r));
    QSignalSpy finished(reply, &RestReply::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.first().first().value<RestResult>().ok());
}

void TestSetupPage::initTestCase()
{
    TestEnvironment::isolate();
}

QList<Prerequisites::Result> TestSetupPage::connect(Rig &rig, bool empty)
{
    DemoSiteOptions options;
    options.hostCount = 200;
    options.emptySetup = empty;
    options.activationMs = 300;
    QString error;
    if (!rig.demo.start(options, &error))
        qFatal("demo site: %s", qPrintable(error));
    SiteConnection c = DemoConnection::make(rig.demo.site()->port(),
                                            rig.demo.site()->certificateSha256(), u"demo"_s);
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.session.openWithSecret(c, rig.demo.site()->automationSecret());
    if (!refreshed.wait(20000))
        return {};
    return refreshed.first().first().value<QList<Prerequisites::Result>>();
}

void TestSetupPage::emptySite()
{
    Rig rig;
    const auto results = connect(rig, true);
    QCOMPARE(results.size(), 5);
    for (const auto &r : results)
        QVERIFY2(r.state == State::NotMet, qPrintable(r.title + u": "_s + r.reason));
    QVERIFY(!rig.page.findChild<QCheckBox *>(u"masterSwitch"_s)->isChecked());
    rig.page.resize(1100, 760);
    TestEnvironment::saveScreenshot(&rig.page, u"setup-empty"_s);
}

void TestSetupPage::rollOutUnderWay()
{
    Rig rig;
    const auto results = connect(rig, false);
    QCOMPARE(results.size(), 5);
    for (const auto &r : results)
        QVERIFY2(r.state == State::Met, qPrintable(r.title + u": "_s + r.reason));
    // The site's automatic-deployment status decided every item it reports; only the
    // registered hosts are counted by the console.
    for (const auto &r : results) {
        const bool console = r.item == Prerequisites::Item::RegisteredHost;
        QCOMPARE(r.source, console ? Prerequisites::Source::Console : Prerequisites::Source::Site);
    }
    QVERIFY(rig.page.findChild<QLabel *>(u"prerequisite0"_s)
                ->text()
                .contains(u"Reported by the site (automatic-deployment status)."_s));
    QVERIFY(rig.page.findChild<QLabel *>(u"prerequisite3"_s)
                ->text()
                .contains(u"does not report this item"_s));
    QVERIFY(rig.page.findChild<QCheckBox *>(u"masterSwitch"_s)->isChecked());
    // The effective value of the rule for one host, and where each parameter comes from.
    QSignalSpy shown(&rig.controller, &SetupController::effectiveValueShown);
    rig.controller.showEffectiveValue(u"db-us-00000"_s); // the first host of the seeded inventory
    QVERIFY(shown.wait(10000));
    // Every parameter of the rule set, each from its rule or the default.
    QVERIFY(shown.first().at(1).toInt() >= 7);
    auto *effective = rig.page.findChild<QTableWidget *>(u"effectiveValue"_s);
    QVERIFY(effective->isVisibleTo(&rig.page));
    QCOMPARE(effective->item(0, 2)->text(), u"#1 Automatic updates for all hosts"_s);
    QStringList parameters;
    for (int row = 0; row < effective->rowCount(); ++row)
        parameters << effective->item(row, 0)->text();
    // Each named by the editor's label, not its key.
    for (const QString &p : EffectiveRuleValue::knownParameters())
        QVERIFY2(parameters.contains(AgentUpdaterConfig::fieldLabel(p)), qPrintable(p));
    shown.clear();
    rig.controller.showEffectiveValue(u"no-such-host"_s);
    QVERIFY(shown.wait(10000));
    QCOMPARE(shown.first().at(1).toInt(), 0);
    rig.controller.showEffectiveValue(u"db-us-00000"_s);
    QVERIFY(shown.wait(10000));
    rig.page.resize(1100, 900);
    TestEnvironment::saveScreenshot(&rig.page, u"setup"_s);
}

void TestSetupPage::masterSwitchAndActivation()
{
    Rig rig;
    connect(rig, true);
    auto *masterSwitch = rig.page.findChild<QCheckBox *>(u"masterSwitch"_s);
    // Turning it on with prerequisites missing asks first; "no" leaves it off and sends nothing.
    SetupPage::setNextConfirmation(false);
    QSignalSpy requested(&rig.page, &SetupPage::masterSwitchRequested);
    masterSwitch->click();
    QCOMPARE(requested.count(), 0);
    QVERIFY(!masterSwitch->isChecked());

    SetupPage::setNextConfirmation(true);
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    masterSwitch->click();
    QCOMPARE(requested.count(), 1);
    QVERIFY(refreshed.wait(10000));
    auto *pending = rig.page.findChild<QLabel *>(u"pendingLabel"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"1 pending change."_s, 5000);
    QVERIFY(masterSwitch->isChecked());
    // Switched on but not yet activated: the site still reports automatic updates as off.
    const Prerequisites::Result before
        = refreshed.last().first().value<QList<Prerequisites::Result>>().at(4);
    QCOMPARE(before.state, State::NotMet);
    QCOMPARE(before.source, Prerequisites::Source::Site);
    QVERIFY2(before.reason.contains(u"once the changes are activated"_s),
             qPrintable(before.reason));
    refreshed.clear();

    QSignalSpy activated(&rig.controller, &SetupController::activationFinished);
    auto *activate = rig.page.findChild<QPushButton *>(u"activateChanges"_s);
    QVERIFY(activate->isEnabled());
    activate->click();
    QVERIFY(activated.wait(15000));
    QCOMPARE(activated.first().first().toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"No pending changes."_s, 5000);
    QCOMPARE(rig.page.findChild<QLabel *>(u"activationText"_s)->text(), u"Changes activated."_s);
    // Activated: the site's status says so.
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10000);
    const Prerequisites::Result after
        = refreshed.last().first().value<QList<Prerequisites::Result>>().at(4);
    QCOMPARE(after.state, State::Met);
    QCOMPARE(after.source, Prerequisites::Source::Site);
}

void TestSetupPage::ruleDialogNamesProblems()
{
    const QList<Prerequisites::KeyInfo> keys {
        { 1, u"Demo signing key"_s,
          "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" }
    };
    UpdaterRuleDialog dialog(AgentUpdaterRule(), keys);
    dialog.show();
    auto *issues = dialog.findChild<QLabel *>(u"issues"_s);
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    // A new rule sets nothing yet: each parameter is "not set" until ticked, which is allowed.
    QVERIFY(save->isEnabled());
    // Ticked, the accepted keys must name at least one key: an error naming the field by its label.
    dialog.findChild<QCheckBox *>(u"set_signature_keys"_s)->setChecked(true);
    dialog.findChild<QCheckBox *>(u"set_server_data"_s)->setChecked(true);
    dialog.findChild<QCheckBox *>(u"set_interval"_s)->setChecked(true);
    QVERIFY(issues->text().contains(u"Accepted signature keys"_s));
    QVERIFY(!issues->text().contains(u"signature_keys"_s));
    QVERIFY(!save->isEnabled());
    dialog.findChild<QListWidget *>(u"acceptedKeys"_s)->item(0)->setCheckState(Qt::Checked);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"server"_s), u"mon.example.com"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"site"_s), u"prod"_s);
    QTRY_VERIFY(save->isEnabled());
    // A short interval is a warning, not an error.
    dialog.findChild<QSpinBox *>(u"interval"_s)->setValue(5);
    QVERIFY(issues->text().contains(u"interval"_s));
    QVERIFY(save->isEnabled());
    const AgentUpdaterRule rule = dialog.rule();
    QCOMPARE(rule.config().interval, std::optional<int>(300));
    QCOMPARE(rule.config().signatureKeys->size(), 1);
    QCOMPARE(rule.config().serverData->server, u"mon.example.com"_s);
    TestEnvironment::saveScreenshot(&dialog, u"updater-rule-dialog"_s);
}

void TestSetupPage::createEditDeleteRule()
{
    Rig rig;
    connect(rig, true);
    // A new rule, as the user fills it in the dialog.
    rig.controller.setRuleEditor([](const AgentUpdaterRule &proposed,
                                    const QList<Prerequisites::KeyInfo> &, const ApiError &) {
        AgentUpdaterRule r = proposed;
        AgentUpdaterConfig c = r.config();
        c.interval = 1800;
        r.value = c.toVariant();
        r.properties.description = u"Roll-out wave 1"_s;
        return std::optional<RuleDraft>(RuleDraft { r, std::nullopt });
    });
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.page.findChild<QPushButton *>(u"newRule"_s)->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    QVERIFY(refreshed.wait(10000));
    auto *table = rig.page.findChild<QTableWidget *>(u"rulesTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 2)->text(), u"Roll-out wave 1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.page.findChild<QLabel *>(u"pendingLabel"_s)->text(),
                              u"1 pending change."_s, 5000);

    // Disable it (a PUT with If-Match), then delete it.
    saved.clear();
    refreshed.clear();
    rig.controller.toggleRule(0);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(table->item(0, 3)->text(), u"rule disabled"_s);
    saved.clear();
    refreshed.clear();
    rig.controller.deleteRule(0);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(table->rowCount(), 0);
}

void TestSetupPage::registeredCountArrivingMidRefreshCounts()
{
    // As in the app: the status page fills the model, the setup page counts from it.
    Rig rig;
    rig.controller.setStatusModelFilledElsewhere(true);
    connect(rig, false);
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    // The status arrives while the setup page's own replies are still outstanding.
    std::vector<HostUpdateStatus> rows(3);
    for (size_t i = 0; i < rows.size(); ++i) {
        rows[i].hostName = u"host%1"_s.arg(i);
        rows[i].registered = i != 1;
    }
    rig.statusModel.setRows(std::move(rows), 0, true);
    QVERIFY(refreshed.wait(10000));
    const auto results = refreshed.last().first().value<QList<Prerequisites::Result>>();
    const auto registered = std::find_if(results.cbegin(), results.cend(), [](const auto &r) {
        return r.item == Prerequisites::Item::RegisteredHost;
    });
    QVERIFY(registered != results.cend());
    QVERIFY2(registered->state == State::Met, qPrintable(registered->reason));
    QVERIFY(registered->reason.contains(u"2"_s));
}

void TestSetupPage::writesElsewhereRefreshThePage()
{
    Rig rig;
    connect(rig, true);
    auto *pending = rig.page.findChild<QLabel *>(u"pendingLabel"_s);
    QCOMPARE(pending->text(), u"No pending changes."_s);
    // Another page (the host selection, keys, agents) writes: this page follows by itself.
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    SiteConnection c = DemoConnection::make(rig.demo.site()->port(),
                                            rig.demo.site()->certificateSha256(), u"demo"_s);
    RestClient other(c);
    other.setSecret(SecureBuffer(rig.demo.site()->automationSecret()));
    RestRequest put = RestRequest::put(
        u"/objects/global_setting/agent_deployment_host_selection"_s,
        QJsonDocument(QJsonObject {
            { u"value"_s, QJsonObject { { u"match_hosts"_s, QJsonArray { u"x"_s } } } } }));
    put.base = RestRequest::Base::InternalApi;
    put.ifMatch = "*";
    RestReply *reply = other.send(put);
    QSignalSpy done(reply, &RestReply::finished);
    QVERIFY(done.wait(10000));
    rig.session.reportWrite(SiteSession::Change::HostSelection);
    QVERIFY(refreshed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"1 pending change."_s, 5000);
}

void TestSetupPage::activationOfChangedPendingChangesAsksToReview()
{
    Rig rig;
    connect(rig, true);
    SiteConnection c = DemoConnection::make(rig.demo.site()->port(),
                                            rig.demo.site()->certificateSha256(), u"demo"_s);
    RestClient other(c);
    other.setSecret(SecureBuffer(rig.demo.site()->automationSecret()));
    const auto change = [&other](const QString &setting, const QJsonValue &value) {
        RestRequest put = RestRequest::put(u"/objects/global_setting/"_s + setting,
                                           QJsonDocument(QJsonObject { { u"value"_s, value } }));
        put.base = RestRequest::Base::InternalApi;
        put.ifMatch = "*";
        RestReply *reply = other.send(put);
        QSignalSpy done(reply, &RestReply::finished);
        return done.wait(10000);
    };
    // The page shows one pending change ...
    QVERIFY(change(u"agent_deployment_host_selection"_s,
                   QJsonObject { { u"match_hosts"_s, QJsonArray { u"a"_s } } }));
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    QVERIFY(refreshed.wait(10000));
    auto *pending = rig.page.findChild<QLabel *>(u"pendingLabel"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"1 pending change."_s, 5000);
    // ... somebody adds another before the user activates: nothing unseen is activated.
    QVERIFY(change(u"agent_deployment_enabled"_s, true));
    rig.controller.activate();
    auto *text = rig.page.findChild<QLabel *>(u"activationText"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(text->text().contains(u"changed since they were shown"_s),
                              qPrintable(text->text() + u" / "_s + pending->text()), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"2 pending changes."_s, 5000);
}

void TestSetupPage::masterSwitchChangedMeanwhileAsks()
{
    Rig rig;
    connect(rig, true); // the switch is off
    SiteConnection c = DemoConnection::make(rig.demo.site()->port(),
                                            rig.demo.site()->certificateSha256(), u"demo"_s);
    RestClient other(c);
    other.setSecret(SecureBuffer(rig.demo.site()->automationSecret()));
    const auto send = [](RestClient &client, RestRequest request) {
        RestReply *reply = client.send(std::move(request));
        QSignalSpy done(reply, &RestReply::finished);
        return done.wait(10000) ? done.first().first().value<RestResult>() : RestResult();
    };
    const auto setSwitch = [&](bool on) {
        RestRequest put = RestRequest::put(u"/objects/global_setting/agent_deployment_enabled"_s,
                                           QJsonDocument(QJsonObject { { u"value"_s, on } }));
        put.base = RestRequest::Base::InternalApi;
        put.ifMatch = "*";
        return send(other, put).ok();
    };
    const auto siteSwitch = [&] {
        RestRequest get = RestRequest::get(u"/objects/global_setting/agent_deployment_enabled"_s);
        get.base = RestRequest::Base::InternalApi;
        return send(other, get).json.object().value(u"value"_s).toBool();
    };
    auto *masterSwitch = rig.page.findChild<QCheckBox *>(u"masterSwitch"_s);
    auto *save = rig.page.findChild<QPushButton *>(u"saveMasterSwitch"_s);
    QVERIFY(!masterSwitch->isChecked());
    QVERIFY(!save->isVisibleTo(&rig.page));

    int asked = 0;
    bool shownMine = false;
    std::optional<bool> shownTheirs;
    QString shownError;
    StaleVersionDialog::Choice answer = StaleVersionDialog::Choice::KeepEditing;
    rig.controller.setSwitchResolver(
        [&](bool mine, std::optional<bool> theirs, const QString &theirsError) {
            ++asked;
            shownMine = mine;
            shownTheirs = theirs;
            shownError = theirsError;
            return answer;
        });
    QSignalSpy saved(&rig.controller, &SetupController::masterSwitchSaved);

    // Somebody turns it on while the page shows it off; the user turns it on too: asked.
    QVERIFY(setSwitch(true));
    SetupPage::setNextConfirmation(true);
    masterSwitch->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), false);
    QCOMPARE(asked, 1);
    QCOMPARE(shownMine, true);
    QCOMPARE(shownTheirs, std::optional<bool>(true));
    QVERIFY(shownError.isEmpty());
    // Keep editing: the user's choice stays on the page, marked unsaved, with a way to save it.
    QVERIFY(masterSwitch->isChecked());
    QVERIFY(save->isVisibleTo(&rig.page));
    QVERIFY(rig.page.findChild<QCheckBox *>(u"masterSwitch"_s)->isEnabled());
    rig.page.resize(1024, 700);
    TestEnvironment::saveScreenshot(&rig.page, u"setup-master-switch-unsaved"_s);
    // Saving goes onto the version the user was shown: no second question.
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    save->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), true);
    QCOMPARE(asked, 1);
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!save->isVisibleTo(&rig.page));
    QVERIFY(masterSwitch->isChecked());

    // Somebody turns it off; the user, still seeing it on, turns it off: reload shows theirs.
    QVERIFY(setSwitch(false));
    answer = StaleVersionDialog::Choice::Reload;
    saved.clear();
    refreshed.clear();
    masterSwitch->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), false);
    QCOMPARE(asked, 2);
    QCOMPARE(shownMine, false);
    QCOMPARE(shownTheirs, std::optional<bool>(false));
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!masterSwitch->isChecked());
    QVERIFY(!save->isVisibleTo(&rig.page));

    // Somebody turns it on, and the site's version cannot be read after the 412: the question
    // says so (no made-up state), and overwriting still writes the user's choice.
    QVERIFY(setSwitch(true));
    SiteConnection controlConnection = DemoConnection::make(
        rig.demo.site()->port(), rig.demo.site()->certificateSha256(), u"control"_s);
    controlConnection.user = u"demo-control"_s;
    RestClient control(controlConnection);
    control.setSecret(SecureBuffer(rig.demo.site()->controlToken()));
    RestRequest fault = RestRequest::post(
        u"demo-control/faults"_s,
        QJsonDocument(QJsonObject {
            { u"path"_s,
              u"/check_mk/api/internal/objects/global_setting/agent_deployment_enabled"_s },
            { u"method"_s, u"GET"_s },
            { u"status"_s, 500 },
            { u"count"_s, 1 } }));
    fault.base = RestRequest::Base::Site;
    const RestResult added = send(control, fault);
    QVERIFY2(added.ok(), qPrintable(added.error.summary()));
    answer = StaleVersionDialog::Choice::Overwrite;
    saved.clear();
    SetupPage::setNextConfirmation(true);
    masterSwitch->click(); // on
    QVERIFY(saved.wait(10000));
    QCOMPARE(asked, 3);
    QVERIFY(!shownTheirs);
    QVERIFY(!shownError.isEmpty());
    QCOMPARE(saved.last().first().toBool(), true);
    QVERIFY(siteSwitch());

    // What the question looks like when the site's state could not be read.
    StaleVersionDialog dialog(u"the master switch"_s,
                              { u"Master switch: on (automatic updates active)"_s }, {},
                              shownError);
    dialog.show();
    TestEnvironment::saveScreenshot(&dialog, u"stale-master-switch-dialog"_s);
}

// A site that does not offer automatic-deployment (older sites): every item the console's own
// way, and the page says why.
void TestSetupPage::siteWithoutDeploymentStatusFallsBack()
{
    Rig rig;
    connect(rig, false);
    addFault(rig,
             { { u"path"_s, u"/domain-types/agent/actions/automatic-deployment/invoke"_s },
               { u"method"_s, u"GET"_s },
               { u"status"_s, 404 } });
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    QVERIFY(refreshed.wait(20000));
    const auto results = refreshed.first().first().value<QList<Prerequisites::Result>>();
    QCOMPARE(results.size(), 5);
    for (const auto &r : results) {
        QVERIFY2(r.state == State::Met, qPrintable(r.title + u": "_s + r.reason));
        QCOMPARE(r.source, Prerequisites::Source::Console);
        QVERIFY2(r.sourceText.contains(u"does not offer the automatic-deployment status"_s),
                 qPrintable(r.sourceText));
    }
    QVERIFY(rig.page.findChild<QLabel *>(u"prerequisite0"_s)
                ->text()
                .contains(u"does not offer the automatic-deployment status"_s));
    rig.page.resize(1024, 700);
    TestEnvironment::saveScreenshot(&rig.page, u"setup-without-deployment-status"_s);
}

void TestSetupPage::ruleColumnsFitAfterTheWindowShrinks()
{
    // The rules may arrive while the window is wide; made narrower afterwards (1,024 px), the
    // description gives way and the accepted keys' column keeps its title and keys whole.
    SetupPage page;
    page.resize(1700, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    AgentUpdaterRule rule;
    rule.folder = u"/linux/servers/datacentre-frankfurt"_s;
    rule.properties.description
        = u"Roll-out of the signed agents to every Linux server in both data centres"_s;
    rule.value = QVariantMap { { u"activated"_s, u"enabled"_s },
                               { u"signature_keys"_s, QStringList { u"PEM-A"_s, u"PEM-B"_s } } };
    Prerequisites::KeyInfo a { 1, u"Signing key 2026"_s, "PEM-A" };
    Prerequisites::KeyInfo b { 2, u"Rotation key spring"_s, "PEM-B" };
    page.setRules({ rule }, { a, b });
    auto *table = page.findChild<QTableWidget *>(u"rulesTable"_s);
    QVERIFY(table);
    const int last = table->columnCount() - 1;
    QCOMPARE(table->item(0, last)->text(), u"Signing key 2026, Rotation key spring"_s);
    page.resize(1024, 700);
    QTRY_COMPARE(page.width(), 1024);
    const auto needs = [table, last] {
        return qMax(table->horizontalHeader()->sectionSizeHint(last),
                    table->fontMetrics().horizontalAdvance(table->item(0, last)->text()) + 12);
    };
    // The header applies a resize later (a zero timer): wait for it rather than for one pass.
    QTRY_VERIFY2(table->columnWidth(last) >= needs(),
                 qPrintable(u"%1 of %2 px"_s.arg(table->columnWidth(last)).arg(needs())));
    QVERIFY(table->columnWidth(2) < 400); // the description gave way
}

QTEST_MAIN(TestSetupPage)
#include "tst_setuppage.moc"
