// Two consoles edit the host selection of one site: the second save meets a 412, the user is
// asked, and nothing typed is lost.
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "HostSelectionPage.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "SelectionController.h"
#include "SiteSession.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestSelectionController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void staleSaveAsksAndKeepsEdits();
    void failedReReadIsNeverTheirVersion();

private:
    struct Console
    {
        SecretStore secrets;
        SiteSession session { &secrets, nullptr };
        HostSelectionPage page;
        SelectionController controller { &session, &page };
    };
    void open(Console &console);
    DemoSiteThread m_demo;
};

void TestSelectionController::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 500;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
}

void TestSelectionController::open(Console &console)
{
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"demo"_s);
    QSignalSpy loaded(&console.controller, &SelectionController::loaded);
    console.session.openWithSecret(c, m_demo.site()->automationSecret());
    QVERIFY(loaded.wait(20000));
}

void TestSelectionController::staleSaveAsksAndKeepsEdits()
{
    Console a;
    Console b;
    open(a);
    open(b);
    // The demo's roll-out selects three folders.
    QCOMPARE(a.page.savedSelection().folders.size(), 3);
    QCOMPARE(b.page.savedSelection(), a.page.savedSelection());

    HostSelection first = a.page.savedSelection();
    first.excludedHosts = { u"web-eu-00001"_s };
    QSignalSpy savedA(&a.controller, &SelectionController::saved);
    a.controller.save(first);
    QVERIFY(savedA.wait(10000));
    QCOMPARE(savedA.first().first().toBool(), true);

    // B still holds the ETag of the old selection.
    HostSelection second = b.page.savedSelection();
    second.sites = { u"demo_eu"_s };
    b.page.setEditedSelection(second);
    int asked = 0;
    HostSelection shownTheirs;
    b.controller.setResolver([&](const HostSelection &mine, const HostSelection &theirs) {
        ++asked;
        [&] {
            QCOMPARE(mine, second);
        }();
        shownTheirs = theirs;
        return StaleSelectionDialog::Choice::KeepEditing;
    });
    QSignalSpy savedB(&b.controller, &SelectionController::saved);
    b.controller.save(second);
    QVERIFY(savedB.wait(10000));
    QCOMPARE(asked, 1);
    QCOMPARE(shownTheirs.excludedHosts, first.excludedHosts);
    QCOMPARE(savedB.first().first().toBool(), false);
    QCOMPARE(b.page.editedSelection(), second); // nothing typed is lost

    // A changes it again; B, asked once more, overwrites.
    HostSelection third = first;
    third.hostLabels = { { u"env"_s, u"prod"_s } };
    savedA.clear();
    a.controller.save(third);
    QVERIFY(savedA.wait(10000));
    b.controller.setResolver([&](const HostSelection &, const HostSelection &theirs) {
        ++asked;
        shownTheirs = theirs;
        return StaleSelectionDialog::Choice::Overwrite;
    });
    savedB.clear();
    b.controller.save(second);
    QTRY_VERIFY_WITH_TIMEOUT(!savedB.isEmpty() && savedB.last().first().toBool(), 10000);
    QCOMPARE(asked, 2);
    QCOMPARE(shownTheirs.hostLabels, third.hostLabels);

    // A reloads and sees B's selection.
    QSignalSpy loaded(&a.controller, &SelectionController::loaded);
    a.controller.refresh();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(a.page.savedSelection(), second);
}

void TestSelectionController::failedReReadIsNeverTheirVersion()
{
    Console a;
    Console b;
    open(a);
    open(b);
    const HostSelection original = b.page.savedSelection();
    QVERIFY(!original.folders.isEmpty());

    // A saves; B's save meets the 412, and reading the site's version then fails.
    HostSelection first = a.page.savedSelection();
    first.excludedHosts = { u"web-eu-00002"_s };
    QSignalSpy savedA(&a.controller, &SelectionController::saved);
    a.controller.save(first);
    QVERIFY(savedA.wait(10000));
    QVERIFY(savedA.first().first().toBool());

    SiteConnection control = DemoConnection::make(m_demo.site()->port(),
                                                  m_demo.site()->certificateSha256(), u"control"_s);
    control.user = u"demo-control"_s;
    RestClient controlClient(control);
    controlClient.setSecret(SecureBuffer(m_demo.site()->controlToken()));
    RestRequest fault = RestRequest::post(
        u"demo-control/faults"_s,
        QJsonDocument(QJsonObject {
            { u"path"_s,
              u"/check_mk/api/internal/objects/global_setting/agent_deployment_host_selection"_s },
            { u"method"_s, u"GET"_s },
            { u"status"_s, 500 },
            { u"count"_s, 1 } }));
    fault.base = RestRequest::Base::Site;
    RestReply *added = controlClient.send(fault);
    QSignalSpy addedSpy(added, &RestReply::finished);
    QVERIFY(addedSpy.wait(10000));
    QVERIFY(addedSpy.first().first().value<RestResult>().ok());

    HostSelection mine = original;
    mine.excludedHosts = { u"db-eu-00019"_s };
    b.page.setEditedSelection(mine);
    int asked = 0;
    b.controller.setResolver([&](const HostSelection &, const HostSelection &) {
        ++asked;
        return StaleSelectionDialog::Choice::Reload;
    });
    QSignalSpy savedB(&b.controller, &SelectionController::saved);
    b.controller.save(mine);
    QVERIFY(savedB.wait(10000));
    QCOMPARE(savedB.first().first().toBool(), false);
    // Never asked with a made-up "their version", never shown as the saved selection: the page
    // says that the site's version could not be read, and the edits stay.
    QCOMPARE(asked, 0);
    QCOMPARE(b.page.savedSelection(), original);
    QVERIFY(b.page.savedSelection() != HostSelection());
    QVERIFY(mine != original);
    QCOMPARE(b.page.editedSelection(), mine);
    QVERIFY(b.page.hasUnsavedChanges());
    QVERIFY(b.page.findChild<QPushButton *>(u"saveButton"_s)->isEnabled()); // "save again"
    auto *banner = b.page.findChild<ErrorBanner *>();
    QVERIFY(banner);
    QVERIFY(banner->isVisibleTo(&b.page));
    QVERIFY2(banner->error().title.contains(u"could not be read"_s),
             qPrintable(banner->error().title));
    QCOMPARE(banner->error().status, 500);
    b.page.resize(1024, 700);
    TestEnvironment::saveScreenshot(&b.page, u"selection-reread-failed"_s);

    // Saving again (the old ETag was kept) asks, now with their real version.
    HostSelection shownTheirs;
    b.controller.setResolver([&](const HostSelection &, const HostSelection &theirs) {
        ++asked;
        shownTheirs = theirs;
        return StaleSelectionDialog::Choice::KeepEditing;
    });
    savedB.clear();
    b.controller.save(mine);
    QVERIFY(savedB.wait(10000));
    QCOMPARE(asked, 1);
    QCOMPARE(shownTheirs.excludedHosts, first.excludedHosts);
}

QTEST_MAIN(TestSelectionController)
#include "tst_selectioncontroller.moc"
