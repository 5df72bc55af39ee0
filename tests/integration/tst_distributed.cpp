// A distributed demo (issue 13): a central and two remote demo sites, each its own process. A
// host registered at a remote site through the updater's protocol gets its agent through that
// site: forwarded to the central site the first time, from the remote's cache the second time;
// its update URL names the remote site, and the central lists both remotes.
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "DemoSites.h"
#include "RegistrationClient.h"
#include "RestClient.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

class TestDistributed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void siteConnectionsListBothRemotes();
    void hostsSpreadOverSites();
    void agentThroughRemoteSiteAndItsCache();
    void wrongRemoteLoginRefusedByCentral();

private:
    QJsonObject centralDownloads();
    QString hostOf(const QString &site);

    DemoSites m_sites;
    const QByteArray m_remotePassword = "remote-password-1"_ba;
};

QJsonObject TestDistributed::centralDownloads()
{
    RestRequest r;
    r.path = u"demo-control/agent-downloads"_s;
    const RestResult result = DemoSites::send(m_sites.central(), r);
    return result.json.object().value(u"downloads"_s).toObject();
}

void TestDistributed::initTestCase()
{
    QVERIFY2(m_sites.startDistributed(
                 { u"--hosts"_s, u"60"_s }, 2,
                 { u"--hosts"_s, u"0"_s, u"--password"_s, QString::fromLatin1(m_remotePassword) }),
             qPrintable(m_sites.error()));
}

void TestDistributed::siteConnectionsListBothRemotes()
{
    const RestResult result = DemoSites::send(
        m_sites.central(), RestRequest::get(u"domain-types/site_connection/collections/all"_s));
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QHash<QString, QJsonObject> sites;
    for (const QJsonValue &v : result.json.object().value(u"value"_s).toArray())
        sites.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
    QCOMPARE(sites.size(), 3);
    QVERIFY(sites.contains(u"central"_s));
    for (int i = 0; i < 2; ++i) {
        const QJsonObject remote = sites.value(m_sites.remote(i).site());
        QVERIFY2(!remote.isEmpty(), qPrintable(m_sites.remote(i).site()));
        const QJsonObject ext = remote.value(u"extensions"_s).toObject();
        QCOMPARE(ext.value(u"basic_settings"_s).toObject().value(u"site_id"_s).toString(),
                 m_sites.remote(i).site());
        QCOMPARE(ext.value(u"configuration_connection"_s)
                     .toObject()
                     .value(u"url_of_remote_site"_s)
                     .toString(),
                 m_sites.remote(i).checkmkUrl().toString());
    }
}

QString TestDistributed::hostOf(const QString &site)
{
    RestRequest r = RestRequest::get(u"domain-types/host_config/collections/all"_s);
    r.query.addQueryItem(u"effective_attributes"_s, u"true"_s);
    const RestResult result = DemoSites::send(m_sites.central(), r);
    for (const QJsonValue &v : result.json.object().value(u"value"_s).toArray()) {
        const QJsonObject ext = v.toObject().value(u"extensions"_s).toObject();
        // A Linux host: the seeded host selection gives it an agent.
        if (ext.value(u"effective_attributes"_s).toObject().value(u"site"_s).toString() == site
            && ext.value(u"folder"_s).toString().startsWith(u"/linux"_s))
            return v.toObject().value(u"id"_s).toString();
    }
    return {};
}

void TestDistributed::hostsSpreadOverSites()
{
    QVERIFY(!hostOf(u"central"_s).isEmpty());
    QVERIFY(!hostOf(u"remote1"_s).isEmpty());
    QVERIFY(!hostOf(u"remote2"_s).isEmpty());
}

void TestDistributed::agentThroughRemoteSiteAndItsCache()
{
    const DemoSiteProcess &remote = m_sites.remote(0);
    const QString host = hostOf(remote.site());
    QVERIFY(!host.isEmpty());

    // Registered at the remote site as the updater does it: login.py, then register_agent.py
    // with the session cookie.
    RegistrationRequest request;
    request.server = remote.server();
    request.site = remote.site();
    request.hostName = host;
    request.user = u"cmkadmin"_s;
    request.login = RegistrationRequest::Login::Password;
    request.trust = RegistrationRequest::Trust::TrustCertificate;
    request.pinnedSha256 = { QString::fromLatin1(remote.sha256()) };
    RegistrationClient client;
    std::optional<RegistrationOutcome> outcome;
    client.registerHost(request, SecureBuffer(m_remotePassword),
                        [&outcome](RegistrationOutcome &&o) { outcome = std::move(o); });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
    QVERIFY2(outcome->ok(), qPrintable(outcome->error.summary()));
    // The central site registered it and named the site monitoring the host.
    QCOMPARE(outcome->updateUrl, remote.checkmkUrl().toString().chopped(1));
    const QByteArray hostSecret = outcome->hostSecret.bytes();
    QCOMPARE(hostSecret.size(), RegistrationClient::hostSecretLength);

    const RestResult status = DemoSites::deploy(remote, host, hostSecret, u"status"_s);
    QVERIFY2(status.ok(), qPrintable(status.error.summary()));
    const QJsonObject statusResult = status.json.object().value(u"result"_s).toObject();
    QCOMPARE(status.json.object().value(u"result_code"_s).toInt(), 0);
    QVERIFY(statusResult.value(u"AgentAvailable"_s).toBool());
    const QString target = statusResult.value(u"TargetHash"_s).toString();
    QVERIFY(!target.isEmpty());
    QVERIFY(!centralDownloads().contains(host));

    // First download: forwarded, the central site hands out the agent.
    const RestResult first = DemoSites::deploy(remote, host, hostSecret, u"agent"_s, target);
    QCOMPARE(first.json.object().value(u"result_code"_s).toInt(), 0);
    const QString package
        = first.json.object().value(u"result"_s).toObject().value(u"agent"_s).toString();
    QVERIFY(!package.isEmpty());
    QCOMPARE(centralDownloads().value(host).toInt(), 1);

    // Second download: the same bytes from the remote's cache; the central saw no second one.
    const RestResult second = DemoSites::deploy(remote, host, hostSecret, u"agent"_s, target);
    QCOMPARE(second.json.object().value(u"result_code"_s).toInt(), 0);
    QCOMPARE(second.json.object().value(u"result"_s).toObject().value(u"agent"_s).toString(),
             package);
    QCOMPARE(centralDownloads().value(host).toInt(), 1);
    RestRequest cache;
    cache.path = u"demo-control/agent-cache"_s;
    const QJsonObject cached = DemoSites::send(remote, cache).json.object();
    QCOMPARE(cached.value(u"hashes"_s).toArray(), QJsonArray { target });
    QCOMPARE(cached.value(u"served_from_cache"_s).toInt(), 1);

    // A wrong host secret gets nothing from the cache: the remote asks the central, which
    // refuses it.
    const RestResult wrong
        = DemoSites::deploy(remote, host, QByteArray(64, 'x'), u"agent"_s, target);
    QCOMPARE(wrong.json.object().value(u"result_code"_s).toInt(), 1);
    QCOMPARE(centralDownloads().value(host).toInt(), 1);

    // A new bake on the central site: the next status names a new target, the remote drops
    // the stale package, and the new agent is forwarded again.
    const RestResult bake = DemoSites::send(
        m_sites.central(), RestRequest::post(u"domain-types/agent/actions/bake/invoke"_s, {}));
    QVERIFY2(bake.ok(), qPrintable(bake.error.summary()));
    QString newTarget;
    const auto targetNow = [&] {
        const RestResult s = DemoSites::deploy(remote, host, hostSecret, u"status"_s);
        newTarget = s.json.object().value(u"result"_s).toObject().value(u"TargetHash"_s).toString();
        return newTarget;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!targetNow().isEmpty() && newTarget != target, 60000);
    QCOMPARE(DemoSites::send(remote, cache).json.object().value(u"hashes"_s).toArray(),
             QJsonArray {});
    const RestResult stale = DemoSites::deploy(remote, host, hostSecret, u"agent"_s, target);
    QCOMPARE(stale.json.object().value(u"result_code"_s).toInt(), 1); // the central's answer
    const RestResult fresh = DemoSites::deploy(remote, host, hostSecret, u"agent"_s, newTarget);
    QCOMPARE(fresh.json.object().value(u"result_code"_s).toInt(), 0);
    QVERIFY(fresh.json.object().value(u"result"_s).toObject().value(u"agent"_s).toString()
            != package);
    QCOMPARE(centralDownloads().value(host).toInt(), 2);
    QCOMPARE(DemoSites::send(remote, cache).json.object().value(u"hashes"_s).toArray(),
             QJsonArray { newTarget });
}

void TestDistributed::wrongRemoteLoginRefusedByCentral()
{
    // A remote site forwards with its automation login on the central site; the central checks
    // it as register_agent.py checks it.
    RestRequest r;
    r.method = RestRequest::Method::Post;
    r.base = RestRequest::Base::Checkmk;
    r.path = u"deploy_agent.py"_s;
    r.authenticate = false;
    r.formBody = "_username=automation&_secret=not-the-secret&mode=status&host=x&host_secret="
        + QByteArray(64, 'a') + "&au_api=2";
    const RestResult result = DemoSites::send(m_sites.central(), r);
    QCOMPARE(result.status, 401);
}

QTEST_MAIN(TestDistributed)
#include "tst_distributed.moc"
