// The REST client against a real demo-site process over HTTPS on loopback.
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

class TestRestClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void goodSecret();
    void wrongSecret();
    void notFoundProblem();
    void forcedProblems_data();
    void forcedProblems();
    void activationPreconditions();
    void etagRememberedAndSent();
    void timeout();
    void retriesIdempotentGet();
    void cancel();
    void truncatedBody();
    void malformedJson();
    void connectionClosedMidReply();
    void redirectToOtherOriginNotFollowed();
    void untrustedCertificateRefusedThenPinned();
    void trustedCertificatePem();

private:
    SiteConnection connectionFor(const DemoSiteProcess &site, bool trusted = true) const;
    RestResult run(RestClient &client, RestRequest request, int timeoutMs = 20000);
    void addFault(const QJsonObject &fault);

    DemoSiteProcess m_site;
    DemoSiteProcess m_other; // another origin
};

SiteConnection TestRestClient::connectionFor(const DemoSiteProcess &site, bool trusted) const
{
    SiteConnection c;
    c.name = u"test"_s;
    c.server = site.server();
    c.site = site.site();
    c.user = u"automation"_s;
    if (trusted)
        c.pinnedSha256 = { QString::fromLatin1(site.sha256()) };
    c.timeoutMs = 10000;
    return c;
}

RestResult TestRestClient::run(RestClient &client, RestRequest request, int timeoutMs)
{
    RestReply *reply = client.send(std::move(request));
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(timeoutMs))
        return {};
    return spy.first().first().value<RestResult>();
}

void TestRestClient::addFault(const QJsonObject &fault)
{
    RestClient control(connectionFor(m_site));
    control.setSecret(SecureBuffer(m_site.secret()));
    RestRequest r = RestRequest::post(u"demo-control/faults"_s, QJsonDocument(fault));
    r.base = RestRequest::Base::Site;
    const RestResult result = run(control, r);
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
}

void TestRestClient::initTestCase()
{
    qRegisterMetaType<RestResult>();
    QVERIFY2(m_site.start({ u"--hosts"_s, u"50"_s, u"--activation-ms"_s, u"300"_s }),
             qPrintable(m_site.error()));
    QVERIFY2(m_other.start({ u"--hosts"_s, u"5"_s }), qPrintable(m_other.error()));
    QVERIFY(!m_site.sha256().isEmpty());
}

void TestRestClient::init()
{
    // Each test starts without faults.
    RestClient control(connectionFor(m_site));
    control.setSecret(SecureBuffer(m_site.secret()));
    RestRequest r = RestRequest::del(u"demo-control/faults"_s);
    r.base = RestRequest::Base::Site;
    const RestResult result = run(control, r);
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
}

void TestRestClient::goodSecret()
{
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.object().value(u"site"_s).toString(), m_site.site());
    QVERIFY(
        !r.json.object().value(u"versions"_s).toObject().value(u"checkmk"_s).toString().isEmpty());
}

void TestRestClient::wrongSecret()
{
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer("not-the-secret"_ba));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.error.status, 401);
    QVERIFY(!r.error.title.isEmpty());
    QVERIFY(r.contentType.startsWith("application/problem+json"));
}

void TestRestClient::notFoundProblem()
{
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/objects/host_config/no-such-host"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.error.status, 404);
    QVERIFY(!r.error.title.isEmpty());
    QVERIFY(!r.error.detail.isEmpty());
}

void TestRestClient::forcedProblems_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("404") << 404;
    QTest::newRow("409") << 409;
    QTest::newRow("412") << 412;
    QTest::newRow("428") << 428;
}

void TestRestClient::forcedProblems()
{
    QFETCH(int, status);
    addFault({ { u"path"_s, u"/version"_s }, { u"method"_s, u"*"_s }, { u"status"_s, status } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.error.status, status);
    QVERIFY(!r.error.title.isEmpty());
    QVERIFY(r.contentType.startsWith("application/problem+json"));
}

void TestRestClient::activationPreconditions()
{
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const QJsonDocument body(QJsonObject { { u"redirect"_s, false },
                                           { u"sites"_s, QJsonArray {} },
                                           { u"force_foreign_changes"_s, false } });
    const QString activate = u"/domain-types/activation_run/actions/activate-changes/invoke"_s;

    // No If-Match at all: 428.
    RestResult r = run(client, RestRequest::post(activate, body));
    QCOMPARE(r.error.status, 428);
    // A stale one: 412.
    r = run(client, RestRequest::post(activate, body).withIfMatch("\"0123456789abcdef\""_ba));
    QCOMPARE(r.error.status, 412);
    // The current one from pending changes: nothing pending, 422.
    const RestResult pending = run(
        client, RestRequest::get(u"/domain-types/activation_run/collections/pending_changes"_s));
    QVERIFY2(pending.ok(), qPrintable(pending.error.summary()));
    QVERIFY(!pending.etag.isEmpty());
    r = run(client, RestRequest::post(activate, body).withIfMatch(pending.etag));
    QCOMPARE(r.error.status, 422);
}

void TestRestClient::etagRememberedAndSent()
{
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult hosts
        = run(client, RestRequest::get(u"/domain-types/host_config/collections/all"_s));
    QVERIFY2(hosts.ok(), qPrintable(hosts.error.summary()));
    const QString host = hosts.json.object()
                             .value(u"value"_s)
                             .toArray()
                             .first()
                             .toObject()
                             .value(u"id"_s)
                             .toString();
    QVERIFY(!host.isEmpty());
    const QString path = u"/objects/host_config/"_s + host;
    const RestResult object = run(client, RestRequest::get(path));
    QVERIFY2(object.ok(), qPrintable(object.error.summary()));
    QVERIFY(object.etag.startsWith('"'));
    QCOMPARE(client.cachedEtag(path), object.etag);
}

void TestRestClient::timeout()
{
    addFault({ { u"path"_s, u"/version"_s }, { u"method"_s, u"*"_s }, { u"latency_ms"_s, 3000 } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r
        = run(client, RestRequest::get(u"/version"_s).withTimeout(700).withRetries(0));
    QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(r.status, 0);
}

void TestRestClient::retriesIdempotentGet()
{
    // The first answer is a 503; the retry gets the real one.
    addFault({ { u"path"_s, u"/version"_s },
               { u"method"_s, u"*"_s },
               { u"status"_s, 503 },
               { u"count"_s, 1 } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));

    // A POST is not retried.
    addFault({ { u"path"_s, u"/version"_s },
               { u"method"_s, u"*"_s },
               { u"status"_s, 503 },
               { u"count"_s, 1 } });
    RestRequest post = RestRequest::post(u"/version"_s, QJsonDocument(QJsonObject {}));
    const RestResult p = run(client, post);
    QCOMPARE(p.error.status, 503);
}

void TestRestClient::cancel()
{
    addFault({ { u"path"_s, u"/version"_s }, { u"method"_s, u"*"_s }, { u"latency_ms"_s, 3000 } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    RestReply *reply = client.send(RestRequest::get(u"/version"_s));
    QSignalSpy spy(reply, &RestReply::finished);
    QTimer::singleShot(100, reply, &RestReply::cancel);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().first().value<RestResult>().error.kind, ApiError::Kind::Cancelled);
}

void TestRestClient::truncatedBody()
{
    addFault({ { u"path"_s, u"/domain-types/host_config/collections/all"_s },
               { u"method"_s, u"*"_s },
               { u"body"_s, u"truncated"_s } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(
        client, RestRequest::get(u"/domain-types/host_config/collections/all"_s).withRetries(0));
    // Content-Length promised more than came: the reply is an error, not half a document.
    QCOMPARE(r.error.kind, ApiError::Kind::Network);
    QCOMPARE(r.error.status, 0);
    QVERIFY(r.error.title.contains(u"closed the connection"_s));
    QVERIFY(r.json.isNull());
}

void TestRestClient::malformedJson()
{
    addFault(
        { { u"path"_s, u"/version"_s }, { u"method"_s, u"*"_s }, { u"body"_s, u"malformed"_s } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::MalformedReply);
    QVERIFY(r.error.detail.contains(u"byte"_s));
}

void TestRestClient::connectionClosedMidReply()
{
    addFault({ { u"path"_s, u"/version"_s }, { u"method"_s, u"*"_s }, { u"body"_s, u"close"_s } });
    RestClient client(connectionFor(m_site));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/version"_s).withRetries(0));
    QCOMPARE(r.error.kind, ApiError::Kind::Network);
}

void TestRestClient::redirectToOtherOriginNotFollowed()
{
    // The other site would answer anything; what matters is that nothing reached it.
    const QString target = m_other.checkmkUrl().toString() + u"api/1.0/version"_s;
    addFault(
        { { u"path"_s, u"/version"_s }, { u"method"_s, u"*"_s }, { u"redirect_to"_s, target } });
    SiteConnection c = connectionFor(m_site);
    c.pinnedSha256 << QString::fromLatin1(m_other.sha256());
    RestClient client(c);
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.redirectTarget, QUrl(target));
    QVERIFY2(r.error.detail.contains(target), qPrintable(r.error.detail));

    RestClient probe(connectionFor(m_other));
    RestRequest last = RestRequest::get(u"demo-control/last-request"_s);
    last.base = RestRequest::Base::Site;
    last.authenticate = false;
    const RestResult seen = run(probe, last);
    QVERIFY2(seen.ok(), qPrintable(seen.error.summary()));
    QVERIFY(!seen.json.object().value(u"path"_s).toString().endsWith(u"/api/1.0/version"_s));
}

void TestRestClient::untrustedCertificateRefusedThenPinned()
{
    RestClient client(connectionFor(m_site, false));
    client.setSecret(SecureBuffer(m_site.secret()));
    QSignalSpy untrusted(&client, &RestClient::untrustedCertificate);
    const RestResult refused = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(refused.error.kind, ApiError::Kind::Tls);
    QVERIFY(!refused.error.tlsErrors.isEmpty());
    QVERIFY(!refused.error.certificateChain.isEmpty());
    QCOMPARE(refused.error.certificateChain.first().sha256.toLatin1(), m_site.sha256());
    QVERIFY(refused.error.certificateChain.first().notAfter > QDateTime::currentDateTimeUtc());
    QCOMPARE(untrusted.count(), 1);

    // The user trusts exactly this certificate: from now on it is accepted.
    SiteConnection trusted = client.connection();
    trusted.pinnedSha256 << refused.error.certificateChain.first().sha256;
    client.setConnection(trusted);
    const RestResult accepted = run(client, RestRequest::get(u"/version"_s));
    QVERIFY2(accepted.ok(), qPrintable(accepted.error.summary()));

    // A fingerprint of another certificate does not open this one.
    SiteConnection wrong = connectionFor(m_site, false);
    wrong.pinnedSha256 << QString::fromLatin1(m_other.sha256());
    RestClient other(wrong);
    QCOMPARE(run(other, RestRequest::get(u"/version"_s)).error.kind, ApiError::Kind::Tls);
}

void TestRestClient::trustedCertificatePem()
{
    RestClient client(connectionFor(m_site, false));
    client.setSecret(SecureBuffer(m_site.secret()));
    const RestResult refused = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(refused.error.kind, ApiError::Kind::Tls);
    SiteConnection trusted = client.connection();
    trusted.trustedCertificatesPem << refused.error.certificateChain.first().pem;
    client.setConnection(trusted);
    const RestResult accepted = run(client, RestRequest::get(u"/version"_s));
    QVERIFY2(accepted.ok(), qPrintable(accepted.error.summary()));
}

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
