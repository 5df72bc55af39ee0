// BakeryApi::deploymentStatus, the site's own status of automatic deployment
// (GET …/agent/actions/automatic-deployment/invoke), against demo-site processes: a full site,
// a site with nothing set up, a stock site, the status following a switch that is activated,
// and the errors of a site that does not offer it or answers garbage.
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "ActivationApi.h"
#include "BakeryApi.h"
#include "DemoSiteProcess.h"
#include "GlobalSettingsApi.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

class TestDeploymentStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullSite();
    void emptySite();
    void stockSite();
    void followsTheActivatedSwitch();
    void notOfferedIsAnError();
    void malformedReplyIsAnError();

private:
    static SiteConnection connectionFor(const DemoSiteProcess &site);
    static std::unique_ptr<RestClient> clientFor(const DemoSiteProcess &site);
    static SiteResult<DeploymentStatus> read(RestClient *client);
    void addFault(const QJsonObject &fault);

    DemoSiteProcess m_full;
    DemoSiteProcess m_empty;
    DemoSiteProcess m_stock;
};

SiteConnection TestDeploymentStatus::connectionFor(const DemoSiteProcess &site)
{
    SiteConnection c;
    c.name = u"test"_s;
    c.server = site.server();
    c.site = site.site();
    c.user = u"automation"_s;
    c.pinnedSha256 = { QString::fromLatin1(site.sha256()) };
    c.timeoutMs = 20000;
    return c;
}

std::unique_ptr<RestClient> TestDeploymentStatus::clientFor(const DemoSiteProcess &site)
{
    auto client = std::make_unique<RestClient>(connectionFor(site));
    client->setSecret(SecureBuffer(site.secret()));
    return client;
}

SiteResult<DeploymentStatus> TestDeploymentStatus::read(RestClient *client)
{
    QObject context;
    SiteResult<DeploymentStatus> out;
    bool done = false;
    BakeryApi(client).deploymentStatus(&context, [&](SiteResult<DeploymentStatus> r) {
        out = std::move(r);
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        out.error.detail = u"no answer"_s;
    return out;
}

void TestDeploymentStatus::addFault(const QJsonObject &fault)
{
    RestClient control(m_full.controlConnection());
    control.setSecret(SecureBuffer(m_full.controlToken()));
    RestRequest r = RestRequest::post(u"demo-control/faults"_s, QJsonDocument(fault));
    r.base = RestRequest::Base::Site;
    RestReply *reply = control.send(std::move(r));
    QSignalSpy spy(reply, &RestReply::finished);
    QVERIFY(spy.wait(20000));
    QVERIFY(spy.first().first().value<RestResult>().ok());
}

void TestDeploymentStatus::initTestCase()
{
    qRegisterMetaType<RestResult>();
    QVERIFY2(m_full.start({ u"--hosts"_s, u"40"_s, u"--activation-ms"_s, u"200"_s }),
             qPrintable(m_full.error()));
    QVERIFY2(m_empty.start({ u"--hosts"_s, u"10"_s, u"--empty-setup"_s }),
             qPrintable(m_empty.error()));
    QVERIFY2(m_stock.start({ u"--hosts"_s, u"10"_s, u"--stock"_s }), qPrintable(m_stock.error()));
}

void TestDeploymentStatus::fullSite()
{
    // The seeded site: a key, an enabled updater rule, baked and signed agents, switch on.
    const auto client = clientFor(m_full);
    const auto r = read(client.get());
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.value->signatureKeyConfigured, std::optional<bool>(true));
    QCOMPARE(r.value->updaterRuleConfigured, std::optional<bool>(true));
    QCOMPARE(r.value->agentsBaked, std::optional<bool>(true));
    QCOMPARE(r.value->agentsSigned, std::optional<bool>(true));
    QCOMPARE(r.value->deploymentEnabled, std::optional<bool>(true));
}

void TestDeploymentStatus::emptySite()
{
    const auto client = clientFor(m_empty);
    const auto r = read(client.get());
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.value->signatureKeyConfigured, std::optional<bool>(false));
    QCOMPARE(r.value->updaterRuleConfigured, std::optional<bool>(false));
    QCOMPARE(r.value->agentsBaked, std::optional<bool>(false));
    QCOMPARE(r.value->agentsSigned, std::optional<bool>(false));
    QCOMPARE(r.value->deploymentEnabled, std::optional<bool>(false));
}

void TestDeploymentStatus::stockSite()
{
    // Public API: a stock site serves it too, and it tells what the stock site's extension-less
    // replies cannot (that a signature key exists, that the agents are signed).
    const auto client = clientFor(m_stock);
    const auto r = read(client.get());
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.value->signatureKeyConfigured, std::optional<bool>(true));
    QCOMPARE(r.value->agentsSigned, std::optional<bool>(true));
    QVERIFY(r.value->coversAnything());
}

void TestDeploymentStatus::followsTheActivatedSwitch()
{
    const auto client = clientFor(m_full);
    QObject context;
    // Switch off: configured at once, in the site's status only once activated.
    std::optional<SiteResult<Versioned<bool>>> sw;
    GlobalSettingsApi(client.get()).masterSwitch(&context, [&](auto r) { sw = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(sw.has_value(), 20000);
    QVERIFY2(sw->ok(), qPrintable(sw->error.summary()));
    std::optional<SiteResult<QByteArray>> written;
    GlobalSettingsApi(client.get()).setMasterSwitch(false, sw->value->etag, &context, [&](auto r) {
        written = std::move(r);
    });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
    QVERIFY2(written->ok(), qPrintable(written->error.summary()));
    QCOMPARE(read(client.get()).value->deploymentEnabled, std::optional<bool>(true));

    std::optional<SiteResult<Versioned<PendingChanges>>> pending;
    ActivationApi(client.get()).pendingChanges(&context, [&](auto r) { pending = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(pending.has_value(), 20000);
    QVERIFY2(pending->ok(), qPrintable(pending->error.summary()));
    std::optional<SiteResult<ActivationRun>> started;
    ActivationApi(client.get()).activate(pending->value->etag, &context, [&](auto r) {
        started = std::move(r);
    });
    QTRY_VERIFY_WITH_TIMEOUT(started.has_value(), 20000);
    QVERIFY2(started->ok(), qPrintable(started->error.summary()));
    QTRY_COMPARE_WITH_TIMEOUT(read(client.get()).value->deploymentEnabled,
                              std::optional<bool>(false), 20000);
}

void TestDeploymentStatus::notOfferedIsAnError()
{
    // An older site without the endpoint: the 404 reaches the caller, which falls back.
    addFault({ { u"path"_s, u"/domain-types/agent/actions/automatic-deployment/invoke"_s },
               { u"method"_s, u"GET"_s },
               { u"status"_s, 404 },
               { u"count"_s, 1 } });
    const auto client = clientFor(m_full);
    const auto r = read(client.get());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.status, 404);
}

void TestDeploymentStatus::malformedReplyIsAnError()
{
    addFault({ { u"path"_s, u"/domain-types/agent/actions/automatic-deployment/invoke"_s },
               { u"method"_s, u"GET"_s },
               { u"body"_s, u"malformed"_s },
               { u"count"_s, 1 } });
    const auto client = clientFor(m_full);
    const auto r = read(client.get());
    QVERIFY(!r.ok());
    QVERIFY(r.error.isError());
    QVERIFY(!r.error.summary().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeploymentStatus)
#include "tst_deploymentstatus.moc"
