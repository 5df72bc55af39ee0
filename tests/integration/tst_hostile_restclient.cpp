// The REST client (as the GUI uses it) against servers that misbehave on purpose: redirects to
// other origins and in loops, a reply that trickles in, one that never ends, a Content-Length
// it never keeps, a connection closed before the answer, escape sequences in error texts.
// A second listener on 127.0.0.2 proves that nothing reaches the other origin.
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

#include "HostileServer.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SelfSignedCertificate.h"

using namespace Qt::StringLiterals;

namespace {
const QByteArray secret = "hostile-rest-secret"_ba;
}

class TestHostileRestClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void redirectToOtherOriginRefused_data();
    void redirectToOtherOriginRefused();
    void redirectToOtherPortRefused();
    void redirectWithinOriginFollowed();
    void relativeRedirectLoopBounded_data();
    void relativeRedirectLoopBounded();
    void writeRedirectNotFollowed_data();
    void writeRedirectNotFollowed();
    void httpsToHttpRefused();
    void deadlineEndsTrickle();
    void connectionDeadlineEndsTrickle();
    void endlessBodyCapped();
    void endlessErrorBodyCappedSmall();
    void hugeContentLengthRefusedAtOnce_data();
    void hugeContentLengthRefusedAtOnce();
    void onlyGetsRetried_data();
    void onlyGetsRetried();
    void writesNeverResent_data();
    void writesNeverResent();
    void writesNeverOverHttp2_data();
    void writesNeverOverHttp2();
    void hostileErrorTextsSanitized();
    void secretBodyReleasedAfterTheRequest();

private:
    SiteConnection connection(const HostileServer &server) const;
    RestResult run(RestClient &client, RestRequest request);

    HostileServer *m_site = nullptr;
    HostileServer *m_other = nullptr;
};

SiteConnection TestHostileRestClient::connection(const HostileServer &server) const
{
    SiteConnection c;
    c.name = u"hostile"_s;
    c.server = server.server();
    c.site = u"hostile"_s;
    c.user = u"automation"_s;
    c.protocol = server.origin().startsWith("https") ? SiteConnection::Protocol::Https
                                                     : SiteConnection::Protocol::Http;
    c.timeoutMs = 30000;
    return c;
}

RestResult TestHostileRestClient::run(RestClient &client, RestRequest request)
{
    RestReply *reply = client.send(std::move(request));
    QSignalSpy spy(reply, &RestReply::finished);
    // Generous: the deadlines under test are short, the machine may be busy.
    if (!spy.wait(60000))
        return {};
    return spy.first().first().value<RestResult>();
}

void TestHostileRestClient::init()
{
    delete m_site;
    delete m_other;
    m_site = new HostileServer(this);
    m_other = new HostileServer(this);
    QVERIFY(m_site->listen());
    QVERIFY2(m_other->listen(QHostAddress(u"127.0.0.2"_s)), "no listener on 127.0.0.2");
    m_other->setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::json(R"({"value": []})");
    });
}

void TestHostileRestClient::redirectToOtherOriginRefused_data()
{
    QTest::addColumn<int>("status");
    for (int status : { 301, 302, 303, 307, 308 })
        QTest::addRow("%d", status) << status;
}

void TestHostileRestClient::redirectToOtherOriginRefused()
{
    QFETCH(int, status);
    const QByteArray target = m_other->origin() + "/hostile/check_mk/api/1.0/version";
    m_site->setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::redirect(status, target);
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.status, status);
    QCOMPARE(r.redirectTarget, QUrl::fromEncoded(target));
    QVERIFY2(r.error.detail.contains(QString::fromLatin1(m_other->origin())),
             qPrintable(r.error.detail));
    QCOMPARE(m_site->requests().size(), 1);
    QVERIFY(m_site->requests().first().header("authorization").contains(secret));
    QCOMPARE(m_other->connectionCount(), 0);
}

void TestHostileRestClient::redirectToOtherPortRefused()
{
    // Same scheme and host, another port: another origin all the same.
    HostileServer otherPort;
    QVERIFY(otherPort.listen(QHostAddress::LocalHost));
    QVERIFY(otherPort.port() != m_site->port());
    const QByteArray target = otherPort.origin() + "/hostile/check_mk/api/1.0/version";
    m_site->setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::redirect(302, target);
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.status, 302);
    QCOMPARE(r.redirectTarget, QUrl::fromEncoded(target));
    QCOMPARE(m_site->requests().size(), 1);
    QCOMPARE(otherPort.connectionCount(), 0);
}

void TestHostileRestClient::redirectWithinOriginFollowed()
{
    m_site->setScript([&](const HostileServer::Request &request) {
        if (request.target.endsWith("/version"))
            return HostileServer::Reply::redirect(307, "/hostile/check_mk/api/1.0/version2");
        return HostileServer::Reply::json(R"({"versions": {}})");
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(m_site->requests().size(), 2);
    QVERIFY(m_site->requests().at(1).target.endsWith("/version2"));
    QVERIFY(m_site->requests().at(1).header("authorization").contains(secret));
}

void TestHostileRestClient::relativeRedirectLoopBounded_data()
{
    QTest::addColumn<bool>("sameTarget");
    QTest::newRow("to itself") << true;
    QTest::newRow("ever new query") << false;
}

void TestHostileRestClient::relativeRedirectLoopBounded()
{
    QFETCH(bool, sameTarget);
    int n = 0;
    m_site->setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::redirect(
            302, sameTarget ? "version"_ba : "version?n=" + QByteArray::number(++n));
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QVERIFY(!r.redirectTarget.isEmpty());
    QVERIFY(m_site->requests().size() <= RestReply::maxRedirects + 1);
    if (sameTarget)
        QCOMPARE(m_site->requests().size(), 1); // /version pointing to /version
    else
        QCOMPARE(m_site->requests().size(), RestReply::maxRedirects + 1);
}

void TestHostileRestClient::writeRedirectNotFollowed_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("status");
    QTest::newRow("POST 307") << int(RestRequest::Method::Post) << 307;
    QTest::newRow("POST 303") << int(RestRequest::Method::Post) << 303;
    QTest::newRow("PUT 308") << int(RestRequest::Method::Put) << 308;
    QTest::newRow("DELETE 302") << int(RestRequest::Method::Delete) << 302;
}

void TestHostileRestClient::writeRedirectNotFollowed()
{
    QFETCH(int, method);
    QFETCH(int, status);
    m_site->setScript([&](const HostileServer::Request &) {
        // Even within the same origin: the body goes only where it was meant to go.
        return HostileServer::Reply::redirect(status, "/hostile/check_mk/api/1.0/elsewhere");
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    RestRequest request
        = RestRequest::post(u"/objects/thing"_s, QJsonDocument(QJsonObject { { u"a"_s, 1 } }));
    request.method = RestRequest::Method(method);
    request.ifMatch = "*";
    const RestResult r = run(client, request);
    QCOMPARE(r.status, status);
    QVERIFY(!r.redirectTarget.isEmpty());
    QCOMPARE(m_site->requests().size(), 1);
}

void TestHostileRestClient::httpsToHttpRefused()
{
    const SelfSignedCertificate cert = SelfSignedCertificate::generate({});
    QVERIFY(!cert.certificatePem.isEmpty());
    const QSslCertificate certificate(cert.certificatePem, QSsl::Pem);
    HostileServer tls;
    QVERIFY(tls.listenTls(certificate, QSslKey(cert.privateKeyPem, QSsl::Ec, QSsl::Pem)));
    tls.setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::redirect(302, m_other->origin() + "/x");
    });
    SiteConnection c = connection(tls);
    c.pinnedSha256 << QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    RestClient client(c);
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QVERIFY2(r.status == 302, qPrintable(r.error.summary()));
    QVERIFY2(r.error.detail.contains(u"https"_s), qPrintable(r.error.detail));
    QCOMPARE(tls.requests().size(), 1);
    QCOMPARE(m_other->connectionCount(), 0);
}

void TestHostileRestClient::deadlineEndsTrickle()
{
    // One byte every half second keeps the idle timeout happy; the deadline ends it.
    m_site->setScript([](const HostileServer::Request &) {
        HostileServer::Reply r = HostileServer::Reply::json(QByteArray(100000, ' ') + "{}");
        r.mode = HostileServer::Reply::Mode::Trickle;
        r.intervalMs = 500;
        return r;
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s).withDeadline(2000));
    QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
    QVERIFY2(r.error.detail.contains(u"2 second"_s), qPrintable(r.error.detail));
    QCOMPARE(m_site->requests().size(), 1); // a deadline is not a reason to retry
    QTRY_COMPARE_WITH_TIMEOUT(m_site->openConnections(), 0, 30000); // the client hung up
}

void TestHostileRestClient::connectionDeadlineEndsTrickle()
{
    m_site->setScript([](const HostileServer::Request &) {
        HostileServer::Reply r = HostileServer::Reply::json(QByteArray(100000, ' ') + "{}");
        r.mode = HostileServer::Reply::Mode::Trickle;
        return r;
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    QCOMPARE(client.deadlineMs(), RestClient::defaultDeadlineMs);
    client.setDeadlineMs(2000);
    const RestResult r = run(client, RestRequest::get(u"/version"_s));
    QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
}

void TestHostileRestClient::endlessBodyCapped()
{
    m_site->setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::of(HostileServer::Reply::Mode::EndlessBody);
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const qint64 cap = 4 * 1024 * 1024;
    const RestResult r = run(
        client,
        RestRequest::get(u"/domain-types/host_config/collections/all"_s).withMaxReplyBytes(cap));
    QCOMPARE(r.error.kind, ApiError::Kind::MalformedReply);
    QVERIFY2(r.error.title.contains(u"too large"_s), qPrintable(r.error.title));
    QVERIFY2(r.error.detail.contains(u"4 MiB"_s), qPrintable(r.error.detail));
    QVERIFY(r.body.isEmpty()); // nothing half-read is handed on
    QCOMPARE(m_site->requests().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_site->openConnections(), 0, 30000);
    // The server could send only what fits in the socket buffers past the cap.
    QVERIFY2(m_site->bytesSent() < 64 * 1024 * 1024, QByteArray::number(m_site->bytesSent()));
}

void TestHostileRestClient::endlessErrorBodyCappedSmall()
{
    // An error is a few hundred bytes; its cap is the small one whatever the request's.
    m_site->setScript([](const HostileServer::Request &) {
        HostileServer::Reply r = HostileServer::Reply::of(HostileServer::Reply::Mode::EndlessBody);
        r.status = 500;
        r.contentType = "application/problem+json";
        return r;
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    const RestResult r = run(client, RestRequest::get(u"/version"_s).withRetries(0));
    QCOMPARE(r.error.kind, ApiError::Kind::MalformedReply);
    QVERIFY2(r.error.detail.contains(u"1 MiB"_s), qPrintable(r.error.detail));
}

void TestHostileRestClient::hugeContentLengthRefusedAtOnce_data()
{
    QTest::addColumn<qint64>("announced");
    QTest::newRow("2 GB") << qint64(2000000000);
    QTest::newRow("2 GiB") << (qint64(1) << 31);
    QTest::newRow("1 PB") << qint64(1000000000000000);
    QTest::newRow("one byte above the default cap") << RestRequest::largeReplyBytes + 1;
}

void TestHostileRestClient::hugeContentLengthRefusedAtOnce()
{
    QFETCH(qint64, announced);
    m_site->setScript([&](const HostileServer::Request &) {
        HostileServer::Reply r = HostileServer::Reply::json("{\"value\": [");
        r.announcedLength = announced; // and then nothing more, ever
        return r;
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    // The deadline stays long: the refusal must come from the header, not from the clock.
    const RestResult r = run(client, RestRequest::get(u"/version"_s).withDeadline(600000));
    QCOMPARE(r.error.kind, ApiError::Kind::MalformedReply);
    QVERIFY2(r.error.title.contains(u"too large"_s), qPrintable(r.error.title));
    QVERIFY2(r.error.detail.contains(u"announced"_s), qPrintable(r.error.detail));
    // The request set no cap of its own: the default one, 512 MiB.
    QCOMPARE(RestRequest::largeReplyBytes, qint64(512) << 20);
    QVERIFY2(r.error.detail.contains(u"512 MiB"_s), qPrintable(r.error.detail));
}

void TestHostileRestClient::onlyGetsRetried_data()
{
    QTest::addColumn<int>("method");
    // 0: the connection closed without an answer; -1: no answer at all (the idle timeout)
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expected"); // requests that reach the server
    for (int status : { 502, 503, 504, 0 }) {
        const QByteArray what = status ? QByteArray::number(status) : "closed"_ba;
        QTest::addRow("GET %s", what.constData()) << int(RestRequest::Method::Get) << status << 3;
    }
    QTest::newRow("GET idle timeout") << int(RestRequest::Method::Get) << -1 << 3;
    QTest::newRow("POST idle timeout") << int(RestRequest::Method::Post) << -1 << 1;
    // Closed without an answer: writesNeverResent.
    QTest::newRow("POST 503") << int(RestRequest::Method::Post) << 503 << 1;
    QTest::newRow("PUT 502") << int(RestRequest::Method::Put) << 502 << 1;
    QTest::newRow("DELETE 504") << int(RestRequest::Method::Delete) << 504 << 1;
    // Not worth another try: the answer will be the same.
    QTest::newRow("GET 500") << int(RestRequest::Method::Get) << 500 << 1;
    QTest::newRow("GET 404") << int(RestRequest::Method::Get) << 404 << 1;
}

void TestHostileRestClient::onlyGetsRetried()
{
    QFETCH(int, method);
    QFETCH(int, status);
    QFETCH(int, expected);
    m_site->setScript([&](const HostileServer::Request &) {
        if (status == 0)
            return HostileServer::Reply::of(HostileServer::Reply::Mode::CloseWithoutAnswer);
        if (status < 0)
            return HostileServer::Reply::of(HostileServer::Reply::Mode::Silent);
        return HostileServer::Reply::json(R"({"title": "busy"})", status);
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    RestRequest request = RestRequest::get(u"/version"_s);
    request.method = RestRequest::Method(method);
    request.ifMatch = "*";
    if (status < 0)
        request.withTimeout(700);
    const RestResult r = run(client, request);
    QVERIFY(r.error.isError());
    // A GET's retries are over when it finishes; give a write's re-send every chance to come.
    QTest::qWait(1000);
    if (method == int(RestRequest::Method::Get) && status == 0) {
        // Qt's HTTP layer may itself send a GET again on a fresh connection when the server
        // closed the old one unanswered (as it may: a GET is idempotent); AgentDesk's own
        // retries come on top, each at most once more by Qt.
        QVERIFY2(m_site->requests().size() >= 3 && m_site->requests().size() <= 6,
                 QByteArray::number(m_site->requests().size()).constData());
        return;
    }
    QCOMPARE(m_site->requests().size(), expected);
}

void TestHostileRestClient::writesNeverResent_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("withBody");
    QTest::newRow("POST") << int(RestRequest::Method::Post) << true;
    QTest::newRow("POST without body") << int(RestRequest::Method::Post) << false;
    QTest::newRow("PUT") << int(RestRequest::Method::Put) << true;
    QTest::newRow("DELETE") << int(RestRequest::Method::Delete) << false;
}

void TestHostileRestClient::writesNeverResent()
{
    QFETCH(int, method);
    QFETCH(bool, withBody);
    m_site->setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::of(HostileServer::Reply::Mode::CloseWithoutAnswer);
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    RestRequest request = RestRequest::post(
        u"/domain-types/activation_run/actions/activate-changes/invoke"_s,
        withBody ? QJsonDocument(QJsonObject { { u"redirect"_s, false } }) : QJsonDocument());
    request.method = RestRequest::Method(method);
    request.ifMatch = "*";
    const RestResult r = run(client, request);
    // Give a re-send every chance to arrive before counting.
    QTest::qWait(1000);
    QCOMPARE(m_site->requests().size(), 1);
    QCOMPARE(r.error.kind, ApiError::Kind::Network);
    QVERIFY2(r.error.detail.contains(u"not sent again"_s), qPrintable(r.error.summary()));
    if (withBody)
        QCOMPARE(m_site->requests().first().body, "{\"redirect\":false}"_ba);
    // The secret goes in the Authorization header, never in the URL.
    QCOMPARE(m_site->requests().first().header("authorization"), "Bearer automation " + secret);
    QVERIFY(!m_site->requests().first().target.contains(secret));
}

void TestHostileRestClient::writesNeverOverHttp2_data()
{
    writesNeverResent_data();
}

void TestHostileRestClient::writesNeverOverHttp2()
{
    // A TLS site that offers HTTP/2 by ALPN and drops every connection without an answer.
    QFETCH(int, method);
    QFETCH(bool, withBody);
    const SelfSignedCertificate cert = SelfSignedCertificate::generate({});
    QVERIFY(!cert.certificatePem.isEmpty());
    const QSslCertificate certificate(cert.certificatePem, QSsl::Pem);
    HostileServer tls;
    QVERIFY(tls.listenTls(certificate, QSslKey(cert.privateKeyPem, QSsl::Ec, QSsl::Pem),
                          QHostAddress::LocalHost, { "h2"_ba, "http/1.1"_ba }));
    tls.setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::of(HostileServer::Reply::Mode::CloseWithoutAnswer);
    });
    SiteConnection c = connection(tls);
    c.pinnedSha256 << QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    RestClient client(c);
    client.setSecret(SecureBuffer(secret));

    // The server and Qt do agree on HTTP/2 here: a GET arrives as HTTP/2's connection preface.
    run(client, RestRequest::get(u"/version"_s));
    QVERIFY(!tls.requests().isEmpty());
    for (const HostileServer::Request &preface : tls.requests()) {
        QCOMPARE(preface.alpn, "h2"_ba);
        QCOMPARE(preface.method, "PRI"_ba);
    }
    const qsizetype before = tls.requests().size();

    RestRequest request = RestRequest::post(
        u"/domain-types/activation_run/actions/activate-changes/invoke"_s,
        withBody ? QJsonDocument(QJsonObject { { u"redirect"_s, false } }) : QJsonDocument());
    request.method = RestRequest::Method(method);
    request.ifMatch = "*";
    const RestResult r = run(client, request);
    // Give a re-send every chance to arrive before counting.
    QTest::qWait(1000);
    QCOMPARE(tls.requests().size(), before + 1);
    const HostileServer::Request &write = tls.requests().last();
    // HTTP/1.1: Qt offered no HTTP/2 (no ALPN at all), and the request line is the write's.
    QVERIFY2(write.alpn.isEmpty() || write.alpn == "http/1.1", write.alpn.constData());
    QCOMPARE(write.method, request.verb());
    if (withBody)
        QCOMPARE(write.body, "{\"redirect\":false}"_ba);
    QCOMPARE(r.error.kind, ApiError::Kind::Network);
    QVERIFY2(r.error.detail.contains(u"not sent again"_s), qPrintable(r.error.summary()));
}

void TestHostileRestClient::hostileErrorTextsSanitized()
{
    QByteArray line;
    // Long, but under the 1 MiB an error reply may have: this is about the text, not the cap.
    while (line.size() < 300 * 1024)
        line += "\\u001b[2J\\u001b]0;owned\\u0007\\u202e";
    const QByteArray problem = "{\"title\": \"\\u001b[31mBad\\u001b[0m\", \"status\": 400, "
                               "\"detail\": \""
        + line + "\", \"fields\": {\"name\\u001b[1m\": [\"" + line + "\"]}}";
    m_site->setScript([&](const HostileServer::Request &request) {
        if (request.target.endsWith("/plain"))
            return HostileServer::Reply::text(QByteArray(900 * 1024, '\x1b'), 400, "text/plain");
        HostileServer::Reply r = HostileServer::Reply::json(problem, 400);
        r.contentType = "application/problem+json";
        return r;
    });
    RestClient client(connection(*m_site));
    client.setSecret(SecureBuffer(secret));
    for (const QString &path : { u"/json"_s, u"/plain"_s }) {
        const RestResult r = run(client, RestRequest::get(path));
        QCOMPARE(r.error.kind, ApiError::Kind::Http);
        const QString all = r.error.summary() + r.error.fieldMessages().join(u'\n');
        for (const QChar c : all) {
            QVERIFY2(c.unicode() >= 0x20 || c == u'\n', qPrintable(path));
            QVERIFY(c.unicode() != 0x7f && c.unicode() != 0x202e);
        }
        QVERIFY2(all.size() < 20000, QByteArray::number(all.size()));
    }
}

void TestHostileRestClient::secretBodyReleasedAfterTheRequest()
{
    // The secret's one buffer is sent as it is and released (so wiped) once the request is
    // gone: no copy of ours outlives it.
    m_site->setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::json(R"({"result_code": 1, "result": "no"})");
    });
    RestClient client(connection(*m_site));
    std::weak_ptr<const SecureBuffer> watch;
    {
        RestRequest request;
        request.method = RestRequest::Method::Post;
        request.base = RestRequest::Base::Checkmk;
        request.path = u"register_agent.py"_s;
        request.authenticate = false;
        auto body = std::make_shared<const SecureBuffer>("host=web01&_secret=" + secret);
        watch = body;
        request.secretFormBody = std::move(body);
        const RestResult r = run(client, std::move(request));
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    }
    QCOMPARE(m_site->requests().size(), 1);
    QCOMPARE(m_site->requests().first().body, "host=web01&_secret=" + secret);
    QCOMPARE(m_site->requests().first().header("content-type"),
             "application/x-www-form-urlencoded"_ba);
    // The reply and its body device go with deleteLater().
    QTRY_VERIFY_WITH_TIMEOUT(watch.expired(), 30000);
}

QTEST_GUILESS_MAIN(TestHostileRestClient)
#include "tst_hostile_restclient.moc"
