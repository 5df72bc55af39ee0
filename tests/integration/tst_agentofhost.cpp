// BakeryApi::agentOfHost: the target agent of a host derived on a stock site, where no interface
// names it, by comparing the host's package (download_by_host) with each agent's package
// (download_by_hash). Checked against what the full demo site's update-status extension says
// for the same seeded site, for Linux, Windows and Solaris hosts.
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "BakeryApi.h"
#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

class TestAgentOfHost final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesTheSiteTarget_data();
    void matchesTheSiteTarget();
    void unknownHostIsAnError();

private:
    static std::unique_ptr<RestClient> clientFor(const DemoSiteProcess &site);
    static SiteResult<QString> find(RestClient *client, const QString &host);

    DemoSiteProcess m_full;
    DemoSiteProcess m_stock;
    QHash<QString, QString> m_targets; // host -> target hash, from the full site's extension
};

std::unique_ptr<RestClient> TestAgentOfHost::clientFor(const DemoSiteProcess &site)
{
    SiteConnection c;
    c.name = u"test"_s;
    c.server = site.server();
    c.site = site.site();
    c.user = u"automation"_s;
    c.pinnedSha256 = { QString::fromLatin1(site.sha256()) };
    c.timeoutMs = 20000;
    auto client = std::make_unique<RestClient>(c);
    client->setSecret(SecureBuffer(site.secret()));
    return client;
}

SiteResult<QString> TestAgentOfHost::find(RestClient *client, const QString &host)
{
    QObject context;
    std::optional<SiteResult<QString>> out;
    BakeryApi(client).agentOfHost(host, &context, [&](SiteResult<QString> r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 60000))
        return {};
    return *out;
}

void TestAgentOfHost::initTestCase()
{
    qRegisterMetaType<RestResult>();
    // The same seeded site twice: with the extension endpoints, and as a stock site.
    QVERIFY2(m_full.start({ u"--hosts"_s, u"30"_s }), qPrintable(m_full.error()));
    QVERIFY2(m_stock.start({ u"--hosts"_s, u"30"_s, u"--stock"_s }), qPrintable(m_stock.error()));
    const auto full = clientFor(m_full);
    RestReply *reply
        = full->send(RestRequest::get(u"/domain-types/agent_update_status/collections/all"_s));
    QSignalSpy spy(reply, &RestReply::finished);
    QVERIFY(spy.wait(20000));
    const RestResult r = spy.first().first().value<RestResult>();
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    for (const QJsonValue &v : r.json.object().value(u"value"_s).toArray()) {
        const QJsonObject row = v.toObject().value(u"extensions"_s).toObject();
        const QString target = row.value(u"target_hash"_s).toString();
        if (!target.isEmpty())
            m_targets.insert(row.value(u"host_name"_s).toString(), target);
    }
    QVERIFY(m_targets.size() > 10);
}

void TestAgentOfHost::matchesTheSiteTarget_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("linux database") << u"db-"_s;
    QTest::newRow("linux application") << u"app-"_s;
    QTest::newRow("windows") << u"dc-"_s;
    QTest::newRow("solaris") << u"sol-"_s;
}

void TestAgentOfHost::matchesTheSiteTarget()
{
    QFETCH(QString, prefix);
    QString host;
    for (auto it = m_targets.cbegin(); it != m_targets.cend() && host.isEmpty(); ++it) {
        if (it.key().startsWith(prefix))
            host = it.key();
    }
    QVERIFY2(!host.isEmpty(), qPrintable(u"no seeded host named "_s + prefix));
    const auto stock = clientFor(m_stock);
    const SiteResult<QString> r = find(stock.get(), host);
    QVERIFY2(r.ok(), qPrintable(host + u": "_s + r.error.summary()));
    QCOMPARE(*r.value, m_targets.value(host));
}

void TestAgentOfHost::unknownHostIsAnError()
{
    const auto stock = clientFor(m_stock);
    const SiteResult<QString> r = find(stock.get(), u"no-such-host"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.status, 404);
    QVERIFY(r.error.summary().contains(u"no-such-host"_s));
}

QTEST_GUILESS_MAIN(TestAgentOfHost)
#include "tst_agentofhost.moc"
