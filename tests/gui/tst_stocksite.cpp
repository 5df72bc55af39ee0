// The console against a stock Checkmk 2.4 site (demo site in --stock mode): every page shows
// real data from real interfaces, or says what the site does not offer and where to do it.
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "AgentsPage.h"
#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "KeysPage.h"
#include "MainWindow.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecureBuffer.h"
#include "SetupController.h"
#include "SiteSession.h"
#include "StatusController.h"
#include "TestEnvironment.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

class TestStockSite final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPage();

private:
    void addFault(const QJsonObject &fault);
    void clearFaults();
    RestResult control(RestRequest request);

    DemoSiteThread m_demo;
};

RestResult TestStockSite::control(RestRequest request)
{
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"control"_s);
    c.user = u"demo-control"_s;
    RestClient client(c);
    client.setSecret(SecureBuffer(m_demo.site()->controlToken()));
    request.base = RestRequest::Base::Site;
    RestReply *reply = client.send(std::move(request));
    QSignalSpy finished(reply, &RestReply::finished);
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<RestResult>();
}

void TestStockSite::addFault(const QJsonObject &fault)
{
    QVERIFY(control(RestRequest::post(u"demo-control/faults"_s, QJsonDocument(fault))).ok());
}

void TestStockSite::clearFaults()
{
    QVERIFY(control(RestRequest::del(u"demo-control/faults"_s)).ok());
}

void TestStockSite::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 300;
    options.stock = true;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
}

void TestStockSite::everyPage()
{
    AppController controller;
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Stock site"_s);
    c.demo = true;
    controller.startDemo(c, m_demo.site()->automationSecret());
    MainWindow *window = controller.window();
    window->resize(1024, 700);
    window->show();
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isConnected(), 10000);

    // Update status: no extension endpoint, so the Check_MK Agent services; said so on the page.
    window->showPage(u"status"_s);
    UpdateStatusPage *status = controller.statusPage();
    QTRY_VERIFY_WITH_TIMEOUT(status->model()->rowCount() > 0, 20000);
    auto *note = status->findChild<QLabel *>(u"statusSourceNote"_s);
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(u"Check_MK Agent"_s));
    // Real data: the hosts' services as the demo site's fleet computed them (AIX hosts have
    // no updater and no row); installed hashes and errors come from the service output.
    int withHash = 0;
    int withError = 0;
    int unregistered = 0;
    for (int row = 0; row < status->model()->rowCount(); ++row) {
        const HostUpdateStatus &s = status->model()->row(row);
        QVERIFY(!s.hostName.startsWith(u"aix"_s));
        QVERIFY(s.checkState <= 1); // the service is at most WARN
        withHash += s.installedHash != 0;
        withError += !s.lastError.isEmpty();
        unregistered += s.registered ? 0 : 1; // the updater says it is not registered
    }
    QVERIFY(withHash > 0);
    QVERIFY(withError > 0);
    QVERIFY(unregistered > 0);
    // The named limitation: no interface names a host's target agent.
    QVERIFY(note->text().contains(u"No interface of the site names a host's target agent"_s));
    TestEnvironment::saveScreenshot(window, u"stock-update-status"_s);

    // ... but for one host it is derived from the site's packages, into its row. A host that
    // runs an agent and has no update pending (so no target known) is picked.
    int pick = -1;
    for (int row = 0; row < status->model()->rowCount() && pick < 0; ++row) {
        const HostUpdateStatus &s = status->model()->row(row);
        if (s.targetHash == 0 && s.installedHash != 0 && s.pendingHash == 0)
            pick = row;
    }
    QVERIFY(pick >= 0);
    const QString host = status->model()->row(pick).hostName;
    auto *table = status->findChild<QTableView *>(u"statusTable"_s);
    auto *proxy = table->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data().toString() == host) {
            table->setCurrentIndex(proxy->index(row, 0));
            break;
        }
    }
    auto *find = status->findChild<QPushButton *>(u"findTargetAgent"_s);
    QTRY_VERIFY_WITH_TIMEOUT(find && find->isVisible(), 10000);
    QSignalSpy found(controller.statusController(), &StatusController::targetFound);
    find->click();
    QVERIFY(found.wait(60000));
    QCOMPARE(found.first().at(0).toString(), host);
    const QString hash = found.first().at(1).toString();
    QCOMPARE(hash.size(), 16);
    const int after = status->model()->rowOf(host);
    QCOMPARE(HostUpdateStatus::hashText(status->model()->row(after).targetHash), hash);
    auto *lookup = status->findChild<QLabel *>(u"targetLookup"_s);
    QVERIFY(lookup->isVisible());
    QVERIFY(lookup->text().contains(hash));
    QVERIFY(!find->isVisible()); // known now
    TestEnvironment::saveScreenshot(window, u"stock-update-status-target"_s);

    // Signature keys: not offered; the site's own page is one click away.
    window->showPage(u"keys"_s);
    KeysPage *keys = controller.keysPage();
    QTRY_VERIFY_WITH_TIMEOUT(keys->findChild<QWidget *>(u"keysNotOffered"_s)
                                 && keys->findChild<QWidget *>(u"keysNotOffered"_s)->isVisible(),
                             10000);
    auto *open = keys->findChild<QPushButton *>(u"openSiteKeysPage"_s);
    QVERIFY(open && open->isVisible());
    QVERIFY(open->toolTip().endsWith(u"/check_mk/wato.py?mode=signature_keys"_s));
    TestEnvironment::saveScreenshot(window, u"stock-keys"_s);

    // Agents and baking: the agents collection of the real API.
    window->showPage(u"agents"_s);
    auto *agentTable = controller.agentsPage()->findChild<QTableView *>();
    QVERIFY(agentTable);
    QTRY_VERIFY_WITH_TIMEOUT(agentTable->model()->rowCount() > 0, 10000);
    // The signatures are an extension field: named as not listed, never as "not signed".
    const QString signedBy = agentTable->model()->index(0, 4).data().toString();
    QCOMPARE(signedBy, u"not listed by this site"_s);
    TestEnvironment::saveScreenshot(window, u"stock-agents"_s);

    // Setup: what cannot be read from a stock site is unknown, never "missing".
    window->showPage(u"setup"_s);
    const auto hasLabel = [window](const QString &part) {
        const auto labels = window->findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&](QLabel *l) { return l->isVisible() && l->text().contains(part); });
    };
    // The site's automatic-deployment status (public API) tells what the stock site's other
    // replies cannot: that a key exists and that the agents are signed.
    const auto label = [window](const QString &name) {
        auto *l = window->findChild<QLabel *>(name);
        return l ? l->text() : QString();
    };
    const QString reported = u"Reported by the site (automatic-deployment status)."_s;
    QTRY_VERIFY_WITH_TIMEOUT(label(u"prerequisite0"_s).contains(reported), 20000);
    QVERIFY(label(u"prerequisite0"_s).contains(u"A signature key exists"_s));
    QVERIFY(label(u"prerequisite2"_s).contains(reported));
    QVERIFY(label(u"prerequisite2"_s).contains(u"signed"_s));
    QVERIFY(label(u"prerequisite4"_s).contains(reported));
    QVERIFY(!hasLabel(u"signatures cannot be checked here"_s));
    QVERIFY(!hasLabel(u"The rule accepts no existing key"_s));
    const auto checklistMarks = window->findChildren<QLabel *>();
    int unknownMarks = 0;
    for (QLabel *l : checklistMarks)
        unknownMarks += l->isVisible() && l->accessibleName() == u"unknown"_s;
    QCOMPARE(unknownMarks, 0);
    TestEnvironment::saveScreenshot(window, u"stock-setup"_s);

    // A stock site without that status (older sites): keys and signatures are unknown, never
    // "missing", and each item says it was checked by AgentDesk.
    addFault({ { u"path"_s, u"/domain-types/agent/actions/automatic-deployment/invoke"_s },
               { u"method"_s, u"GET"_s },
               { u"status"_s, 404 } });
    controller.setupController()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(hasLabel(u"signatures cannot be checked here"_s), 20000);
    QVERIFY(hasLabel(u"signature keys could not be read"_s));
    QVERIFY(
        label(u"prerequisite0"_s).contains(u"does not offer the automatic-deployment status"_s));
    QVERIFY(!hasLabel(u"The rule accepts no existing key"_s));
    TestEnvironment::saveScreenshot(window, u"stock-setup-without-deployment-status"_s);
    clearFaults();

    // Host selection: the inventory and the saved selection through real interfaces.
    window->showPage(u"selection"_s);
    QTRY_VERIFY_WITH_TIMEOUT(hasLabel(u"of 300 hosts selected"_s), 20000);
    TestEnvironment::saveScreenshot(window, u"stock-selection"_s);
}

QTEST_MAIN(TestStockSite)
#include "tst_stocksite.moc"
