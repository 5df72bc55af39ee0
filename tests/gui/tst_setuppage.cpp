// The setup page against embedded demo sites: from nothing set up to all prerequisites met,
// the master switch with its confirmation, and an activation of changes to completion.
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "SecretStore.h"
#include "SetupController.h"
#include "SetupPage.h"
#include "SiteSession.h"
#include "TestEnvironment.h"
#include "UpdateStatusModel.h"

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
};

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
    QVERIFY(rig.page.findChild<QCheckBox *>(u"masterSwitch"_s)->isChecked());
    rig.page.resize(1100, 760);
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
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"1 pending change(s)."_s, 5000);
    QVERIFY(masterSwitch->isChecked());

    QSignalSpy activated(&rig.controller, &SetupController::activationFinished);
    auto *activate = rig.page.findChild<QPushButton *>(u"activateChanges"_s);
    QVERIFY(activate->isEnabled());
    activate->click();
    QVERIFY(activated.wait(15000));
    QCOMPARE(activated.first().first().toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"No pending changes."_s, 5000);
    QCOMPARE(rig.page.findChild<QLabel *>(u"activationText"_s)->text(), u"Changes activated."_s);
}

QTEST_MAIN(TestSetupPage)
#include "tst_setuppage.moc"
