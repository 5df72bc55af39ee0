// Against a demo site on the manual clock: advance time and watch the fleet converge.
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"
#include "UpdateCategory.h"
#include "UpdateStatusParser.h"

using namespace Qt::StringLiterals;

class TestFleetConvergence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostsConvergeToTarget();
    void masterSwitchOffStopsUpdates();

private:
    RestResult run(RestRequest request);
    UpdateStatusParser::Result status();
    void advance(int seconds);
    DemoSiteProcess m_site;
    std::unique_ptr<RestClient> m_client;
};

RestResult TestFleetConvergence::run(RestRequest request)
{
    RestReply *reply = m_client->send(std::move(request));
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(20000))
        return {};
    return spy.first().first().value<RestResult>();
}

void TestFleetConvergence::initTestCase()
{
    QVERIFY2(m_site.start(
                 { u"--hosts"_s, u"400"_s, u"--manual-clock"_s, u"--activation-ms"_s, u"200"_s }),
             qPrintable(m_site.error()));
    SiteConnection c = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256());
    m_client = std::make_unique<RestClient>(c);
    m_client->setSecret(SecureBuffer(m_site.secret()));
}

UpdateStatusParser::Result TestFleetConvergence::status()
{
    const RestResult r
        = run(RestRequest::get(u"/domain-types/agent_update_status/collections/all"_s));
    [&] {
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    }();
    ApiError error;
    auto parsed = UpdateStatusParser::parse(r.body, &error);
    [&] {
        QVERIFY2(parsed, qPrintable(error.summary()));
    }();
    return parsed ? std::move(*parsed) : UpdateStatusParser::Result();
}

void TestFleetConvergence::advance(int seconds)
{
    RestRequest r = RestRequest::post(
        u"demo-control/clock"_s, QJsonDocument(QJsonObject { { u"advance_seconds"_s, seconds } }));
    r.base = RestRequest::Base::Site;
    RestClient control(m_site.controlConnection());
    control.setSecret(SecureBuffer(m_site.controlToken()));
    RestReply *reply = control.send(std::move(r));
    QSignalSpy spy(reply, &RestReply::finished);
    QVERIFY(spy.wait(20000));
    QVERIFY(spy.first().first().value<RestResult>().ok());
}

namespace {
int count(const UpdateStatusParser::Result &r, UpdateCategory::Category c)
{
    int n = 0;
    for (const HostUpdateStatus &s : r.rows)
        n += UpdateCategory::categorize(s, r.generatedAt, r.deploymentEnabled.value_or(true)) == c;
    return n;
}
} // namespace

void TestFleetConvergence::hostsConvergeToTarget()
{
    const auto before = status();
    QCOMPARE(before.rows.size(), size_t(400));
    const int behind
        = count(before, UpdateCategory::UpdatePending) + count(before, UpdateCategory::Outdated);
    QVERIFY2(behind > 0, "the seeded fleet has hosts behind the target");
    // The clock does not move by itself.
    QCOMPARE(status().generatedAt, before.generatedAt);

    // Two check intervals: download, then install.
    advance(3600);
    advance(3600);
    const auto after = status();
    QCOMPARE(after.generatedAt, before.generatedAt + 7200);
    QCOMPARE(count(after, UpdateCategory::UpdatePending) + count(after, UpdateCategory::Outdated),
             0);
    QVERIFY(count(after, UpdateCategory::UpToDate)
            >= count(before, UpdateCategory::UpToDate) + behind);
    for (const HostUpdateStatus &s : after.rows) {
        if (UpdateCategory::categorize(s, after.generatedAt, true) == UpdateCategory::UpToDate) {
            QCOMPARE(s.installedHash, s.targetHash);
            QVERIFY(s.lastError.isEmpty());
        }
    }
}

void TestFleetConvergence::masterSwitchOffStopsUpdates()
{
    const QString path = u"/objects/global_setting/agent_deployment_enabled"_s;
    RestRequest get = RestRequest::get(path);
    get.base = RestRequest::Base::InternalApi;
    const RestResult current = run(get);
    QVERIFY2(current.ok(), qPrintable(current.error.summary()));
    QCOMPARE(current.json.object().value(u"value"_s).toBool(), true);
    RestRequest put = RestRequest::put(path, QJsonDocument(QJsonObject { { u"value"_s, false } }));
    put.base = RestRequest::Base::InternalApi;
    QVERIFY(run(put).ok()); // If-Match from the GET above
    // Not in effect before the activation.
    advance(3600);
    QCOMPARE(count(status(), UpdateCategory::GloballyDisabled), 0);

    const RestResult pending
        = run(RestRequest::get(u"/domain-types/activation_run/collections/pending_changes"_s));
    const RestResult started = run(
        RestRequest::post(u"/domain-types/activation_run/actions/activate-changes/invoke"_s,
                          QJsonDocument(QJsonObject { { u"redirect"_s, false },
                                                      { u"sites"_s, QJsonArray {} },
                                                      { u"force_foreign_changes"_s, false } }))
            .withIfMatch(pending.etag));
    QVERIFY2(started.ok(), qPrintable(started.error.summary()));
    const QString id = started.json.object().value(u"id"_s).toString();
    QTRY_VERIFY_WITH_TIMEOUT(!run(RestRequest::get(u"/objects/activation_run/"_s + id))
                                  .json.object()
                                  .value(u"extensions"_s)
                                  .toObject()
                                  .value(u"is_running"_s)
                                  .toBool(),
                             10000);
    advance(3600);
    const auto off = status();
    QCOMPARE(off.deploymentEnabled, std::optional<bool>(false));
    QCOMPARE(count(off, UpdateCategory::GloballyDisabled), 400);
    int disabledErrors = 0;
    for (const HostUpdateStatus &s : off.rows)
        disabledErrors += s.lastError.contains(u"globally disabled"_s);
    QVERIFY(disabledErrors > 300);
}

QTEST_GUILESS_MAIN(TestFleetConvergence)
#include "tst_fleetconvergence.moc"
