// Registration against sites that misbehave on purpose: `agentdesk register` as scripts run it
// (a QProcess: exit code, one line on stderr, no state file) and RegistrationClient as the
// wizard uses it. A second listener on another loopback address proves that nothing (no
// connection, let alone the secret) reaches the origin a hostile site points to.
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include "HostileServer.h"
#include "PythonLiteral.h"
#include "RegistrationClient.h"
#include "SelfSignedCertificate.h"

using namespace Qt::StringLiterals;

namespace {

const QByteArray secret = "hostile-test-automation-secret"_ba;
const QByteArray password = "hostile-test-password"_ba;
const QByteArray hostSecret(64, 'h');

QByteArray successReply()
{
    return R"({"result_code": 0, "result": {"host_secret": ")" + hostSecret
        + R"(", "monitored": true}})";
}

} // namespace

class TestHostileRegistration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void registrationFollowsNoRedirect_data();
    void registrationFollowsNoRedirect();
    void loginRedirectIsTheSuccessSignalOnly();
    void loginRedirectWithoutSessionFails();
    void clientFollowsNoRedirect();
    void hostileRefusalTextSanitized();
    void endlessReplyCapped_data();
    void endlessReplyCapped();
    void closedWithoutAnswerNotResent();
    void http2OfferedPostSentOnce_data();
    void http2OfferedPostSentOnce();
    void clientDeadlineEndsTrickle();
    void cliDeadlineEndsTrickle_data();
    void cliDeadlineEndsTrickle();
    void cliTimeoutChecked_data();
    void cliTimeoutChecked();
    void trustCertWarnsAndKeepsExactlyThePresented();
    void siteCertificatesChecked();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run agentdesk(const QStringList &arguments);
    QStringList registerArgs(const HostileServer &site, bool withPassword,
                             const QStringList &extra = {}) const;
    void verifyNothingLeft(const Run &r);
    static void verifyNoControlCharacters(const QByteArray &text);

    QTemporaryDir m_dir;
    QString m_state;
    QString m_secretFile;
    QString m_passwordFile;
    HostileServer *m_site = nullptr;
    HostileServer *m_other = nullptr; // another origin: 127.0.0.2
};

TestHostileRegistration::Run TestHostileRegistration::agentdesk(const QStringList &arguments)
{
    const QString exe = QCoreApplication::applicationDirPath() + u"/../app/agentdesk"_s;
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(exe, arguments);
    Run r;
    // The servers live in this process: wait with the event loop running, never blocked.
    if (!finished.wait(90000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList TestHostileRegistration::registerArgs(const HostileServer &site, bool withPassword,
                                                  const QStringList &extra) const
{
    return QStringList { u"register"_s,
                         u"--server"_s,
                         site.server(),
                         u"--site"_s,
                         u"hostile"_s,
                         u"--hostname"_s,
                         u"web01"_s,
                         u"--protocol"_s,
                         u"http"_s,
                         u"--user"_s,
                         u"automation"_s,
                         withPassword ? u"--password-file"_s : u"--secret-file"_s,
                         withPassword ? m_passwordFile : m_secretFile,
                         u"--state-file"_s,
                         m_state }
    + extra;
}

void TestHostileRegistration::verifyNothingLeft(const Run &r)
{
    QVERIFY(r.exitCode > 0);
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY(!r.err.contains(secret));
    QVERIFY(!r.err.contains(password));
    QVERIFY(!r.out.contains(secret));
    QVERIFY(!r.out.contains(password));
    // The secret and the password travel in the body only, never in a URL.
    for (const HostileServer::Request &request : m_site->requests()) {
        QVERIFY(!request.target.contains(secret));
        QVERIFY(!request.target.contains(password));
    }
    QVERIFY(!QFile::exists(m_state));
    QCOMPARE(m_other->connectionCount(), 0);
    QVERIFY(m_other->requests().isEmpty());
}

void TestHostileRegistration::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_secretFile = m_dir.filePath(u"secret"_s);
    m_passwordFile = m_dir.filePath(u"password"_s);
    QFile s(m_secretFile);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write(secret + '\n');
    s.close();
    QFile p(m_passwordFile);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(password + '\n');
}

void TestHostileRegistration::init()
{
    m_state = m_dir.filePath(u"cmk-update-agent.state"_s);
    QFile::remove(m_state);
    delete m_site;
    delete m_other;
    m_site = new HostileServer(this);
    m_other = new HostileServer(this);
    QVERIFY(m_site->listen());
    QVERIFY2(m_other->listen(QHostAddress(u"127.0.0.2"_s)), "no listener on 127.0.0.2");
    // Whatever reaches the other origin would be answered as a success: the test must see the
    // client refuse to go there, not the other server refuse the client.
    m_other->setScript(
        [](const HostileServer::Request &) { return HostileServer::Reply::json(successReply()); });
}

void TestHostileRegistration::registrationFollowsNoRedirect_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("relative");
    QTest::addColumn<bool>("withPassword");
    QTest::newRow("301 to another origin") << 301 << false << false;
    QTest::newRow("302 to another origin") << 302 << false << false;
    QTest::newRow("307 to another origin") << 307 << false << false;
    QTest::newRow("308 to another origin") << 308 << false << false;
    QTest::newRow("303 to another origin") << 303 << false << false;
    QTest::newRow("307 relative loop") << 307 << true << false;
    QTest::newRow("302 relative loop") << 302 << true << false;
    QTest::newRow("307 after login") << 307 << false << true;
}

void TestHostileRegistration::registrationFollowsNoRedirect()
{
    QFETCH(int, status);
    QFETCH(bool, relative);
    QFETCH(bool, withPassword);
    const QByteArray target = relative ? "register_agent.py?again=1"_ba
                                       : m_other->origin() + "/hostile/check_mk/register_agent.py";
    int registrations = 0;
    m_site->setScript([&](const HostileServer::Request &request) {
        if (request.target.contains("login.py")) {
            HostileServer::Reply ok = HostileServer::Reply::redirect(302, "index.py");
            ok.headers.append(
                qMakePair("Set-Cookie"_ba, "auth_hostile=abc123; Path=/hostile/; HttpOnly"_ba));
            return ok;
        }
        ++registrations;
        return HostileServer::Reply::redirect(status, target);
    });

    const Run r = agentdesk(registerArgs(*m_site, withPassword));
    verifyNothingLeft(r);
    QCOMPARE(r.exitCode, 7);
    // Said where the site pointed; sent the registration exactly once.
    const QByteArray pointedTo = (relative ? m_site->origin() : m_other->origin())
        + QByteArray("/hostile/check_mk/register_agent.py");
    QVERIFY2(r.err.contains(pointedTo), r.err.constData());
    QCOMPARE(registrations, 1);
}

void TestHostileRegistration::loginRedirectIsTheSuccessSignalOnly()
{
    // login.py answers a good login with a 302 and the session cookie; where it points is not
    // followed, not even to the site's own index.py, and never to another origin.
    m_site->setScript([&](const HostileServer::Request &request) {
        if (request.target.contains("login.py")) {
            HostileServer::Reply ok = HostileServer::Reply::redirect(
                302, m_other->origin() + "/hostile/check_mk/index.py");
            ok.headers.append(
                qMakePair("Set-Cookie"_ba, "auth_hostile=abc123; Path=/hostile/; HttpOnly"_ba));
            return ok;
        }
        if (request.header("cookie").contains("auth_hostile=abc123"))
            return HostileServer::Reply::json(successReply());
        return HostileServer::Reply::text("no session", 401);
    });
    const Run r = agentdesk(registerArgs(*m_site, true));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m_other->connectionCount(), 0);
    QCOMPARE(m_site->requests().size(), 2); // login.py, register_agent.py; nothing else
    QVERIFY(m_site->requests().at(0).target.endsWith("/hostile/check_mk/login.py"));
    QVERIFY(m_site->requests().at(1).target.endsWith("/hostile/check_mk/register_agent.py"));
    QVERIFY(!m_site->requests().at(1).body.contains(password));
    QVERIFY(QFile::exists(m_state));
}

void TestHostileRegistration::loginRedirectWithoutSessionFails()
{
    m_site->setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::redirect(307,
                                              m_other->origin() + "/hostile/check_mk/login.py");
    });
    const Run r = agentdesk(registerArgs(*m_site, true));
    verifyNothingLeft(r);
    QCOMPARE(m_site->requests().size(), 1);
    QVERIFY2(r.err.contains(m_other->origin()), r.err.constData());
}

void TestHostileRegistration::clientFollowsNoRedirect()
{
    m_site->setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::redirect(
            307, m_other->origin() + "/hostile/check_mk/register_agent.py");
    });
    RegistrationRequest request;
    request.server = m_site->server();
    request.site = u"hostile"_s;
    request.protocol = SiteConnection::Protocol::Http;
    request.hostName = u"web01"_s;
    request.user = u"automation"_s;
    RegistrationClient client;
    std::optional<RegistrationOutcome> outcome;
    client.registerHost(request, SecureBuffer(secret),
                        [&](RegistrationOutcome &&o) { outcome = std::move(o); });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->failure, RegistrationOutcome::Failure::Network);
    QVERIFY2(outcome->error.detail.contains(QString::fromLatin1(m_other->origin())),
             qPrintable(outcome->error.detail));
    QVERIFY(outcome->hostSecret.isEmpty());
    QCOMPARE(m_site->requests().size(), 1);
    QCOMPARE(m_other->connectionCount(), 0);
}

void TestHostileRegistration::verifyNoControlCharacters(const QByteArray &text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        QVERIFY2(u >= 0x20 || u == '\n', QByteArray::number(u).constData());
        QVERIFY(u != 0x7f);
    }
    QVERIFY(!text.contains("\xe2\x80\xae")); // U+202E, right-to-left override
    QVERIFY(!text.contains("\xc2\x9b")); // U+009B, the C1 control sequence introducer
}

void TestHostileRegistration::hostileRefusalTextSanitized()
{
    // The site's refusal: escape sequences, a C1 CSI, a bidi override and a line of 600 KB.
    QByteArray text = "\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202eevil\\r\\n";
    while (text.size() < 600 * 1024)
        text += "A\\u001b[1m";
    m_site->setScript([&](const HostileServer::Request &) {
        return HostileServer::Reply::json(R"({"result_code": 1, "result": ")" + text + "\"}");
    });
    const Run r = agentdesk(registerArgs(*m_site, false));
    verifyNothingLeft(r);
    QCOMPARE(r.exitCode, 5);
    verifyNoControlCharacters(r.err.trimmed());
    QVERIFY2(r.err.contains("\\x1B[2J"), r.err.left(300).constData()); // shown, escaped
    QVERIFY2(r.err.size() < 2500, QByteArray::number(r.err.size()).constData());
}

void TestHostileRegistration::endlessReplyCapped_data()
{
    QTest::addColumn<bool>("withPassword"); // login.py is the endless one then
    QTest::newRow("register_agent.py") << false;
    QTest::newRow("login.py") << true;
}

void TestHostileRegistration::endlessReplyCapped()
{
    QFETCH(bool, withPassword);
    m_site->setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::of(HostileServer::Reply::Mode::EndlessBody);
    });
    const Run r = agentdesk(registerArgs(*m_site, withPassword));
    verifyNothingLeft(r);
    QCOMPARE(r.exitCode, 7);
    QVERIFY2(r.err.contains("too large"), r.err.constData());
    QVERIFY2(r.err.contains("1 MiB"), r.err.constData());
}

void TestHostileRegistration::closedWithoutAnswerNotResent()
{
    m_site->setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::of(HostileServer::Reply::Mode::CloseWithoutAnswer);
    });
    const Run r = agentdesk(registerArgs(*m_site, false));
    verifyNothingLeft(r);
    QCOMPARE(r.exitCode, 7);
    QVERIFY2(r.err.contains("not sent again"), r.err.constData());
    QCOMPARE(m_site->requests().size(), 1); // the secret was posted once, not again
    QVERIFY(m_site->requests().first().body.contains(QByteArray(QByteArray("_secret=") + secret)));
}

void TestHostileRegistration::http2OfferedPostSentOnce_data()
{
    QTest::addColumn<bool>("withPassword");
    QTest::newRow("secret: register_agent.py") << false;
    QTest::newRow("password: login.py") << true;
}

void TestHostileRegistration::http2OfferedPostSentOnce()
{
    // An https site that offers HTTP/2 and drops the connection without an answer: the POST
    // with the secret or password goes over HTTP/1.1, once.
    QFETCH(bool, withPassword);
    const SelfSignedCertificate cert = SelfSignedCertificate::generate({});
    QVERIFY(!cert.certificatePem.isEmpty());
    HostileServer tls;
    QVERIFY(tls.listenTls(QSslCertificate(cert.certificatePem, QSsl::Pem),
                          QSslKey(cert.privateKeyPem, QSsl::Ec, QSsl::Pem), QHostAddress::LocalHost,
                          { "h2"_ba, "http/1.1"_ba }));
    tls.setScript([](const HostileServer::Request &) {
        return HostileServer::Reply::of(HostileServer::Reply::Mode::CloseWithoutAnswer);
    });
    QStringList args = registerArgs(tls, withPassword, { u"--trust-cert"_s });
    args[args.indexOf(u"http"_s)] = u"https"_s;
    const Run r = agentdesk(args);
    verifyNothingLeft(r);
    QCOMPARE(r.exitCode, 7);
    QVERIFY2(r.err.contains("not sent again"), r.err.constData());
    QCOMPARE(tls.requests().size(), 1);
    const HostileServer::Request &post = tls.requests().first();
    QCOMPARE(post.method, "POST"_ba); // HTTP/2 would arrive here as its "PRI" preface
    QVERIFY2(post.alpn != "h2", post.alpn.constData());
    QVERIFY(post.body.contains(withPassword ? QByteArray("_password=" + password)
                                            : QByteArray("_secret=" + secret)));
}

void TestHostileRegistration::clientDeadlineEndsTrickle()
{
    m_site->setScript([](const HostileServer::Request &) {
        HostileServer::Reply r = HostileServer::Reply::json(QByteArray(10000, ' ') + "{}");
        r.mode = HostileServer::Reply::Mode::Trickle;
        return r;
    });
    RegistrationRequest request;
    request.server = m_site->server();
    request.site = u"hostile"_s;
    request.protocol = SiteConnection::Protocol::Http;
    request.hostName = u"web01"_s;
    request.user = u"automation"_s;
    RegistrationClient client;
    client.setDeadlineMs(2000);
    std::optional<RegistrationOutcome> outcome;
    client.registerHost(request, SecureBuffer(secret),
                        [&](RegistrationOutcome &&o) { outcome = std::move(o); });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
    QCOMPARE(outcome->failure, RegistrationOutcome::Failure::Network);
    QCOMPARE(outcome->error.kind, ApiError::Kind::Timeout);
    QCOMPARE(m_site->requests().size(), 1);
}

void TestHostileRegistration::cliDeadlineEndsTrickle_data()
{
    QTest::addColumn<bool>("withPassword");
    QTest::newRow("secret: register_agent.py trickles") << false;
    QTest::newRow("password: login.py trickles") << true;
}

void TestHostileRegistration::cliDeadlineEndsTrickle()
{
    // One byte every half second: the idle timeout never fires, only the deadline can end it.
    // The body would take more than 80 minutes; without --timeout the default of 60 s would
    // end it with "60 seconds" in the message, which the test refuses.
    QFETCH(bool, withPassword);
    const QByteArray body = QByteArray(10000, ' ') + successReply();
    m_site->setScript([&](const HostileServer::Request &) {
        HostileServer::Reply r = HostileServer::Reply::json(body);
        r.mode = HostileServer::Reply::Mode::Trickle;
        r.intervalMs = 500;
        return r;
    });
    const Run r = agentdesk(registerArgs(*m_site, withPassword, { u"--timeout"_s, u"2"_s }));
    verifyNothingLeft(r);
    QCOMPARE(r.exitCode, 7); // network: a timeout
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(r.err.startsWith("agentdesk register: The site did not finish its reply in time"),
             r.err.constData());
    QVERIFY2(r.err.contains("stopped after 2 seconds, its deadline"), r.err.constData());
    // One request (login.py for a password), never retried, and cut off long before its end.
    QCOMPARE(m_site->requests().size(), 1);
    QVERIFY(m_site->requests().first().target.startsWith(
        withPassword ? "/hostile/check_mk/login.py"_ba : "/hostile/check_mk/register_agent.py"_ba));
    QVERIFY(m_site->bytesSent() < body.size());
}

void TestHostileRegistration::cliTimeoutChecked_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("zero") << u"0"_s;
    QTest::newRow("negative") << u"-5"_s;
    QTest::newRow("not a number") << u"soon"_s;
    QTest::newRow("fraction") << u"1.5"_s;
    QTest::newRow("above an hour") << u"3601"_s;
}

void TestHostileRegistration::cliTimeoutChecked()
{
    QFETCH(QString, value);
    const Run r = agentdesk(registerArgs(*m_site, false, { u"--timeout"_s, value }));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             "agentdesk register: --timeout: expected a whole number of seconds from 1 to "
             "3600\n"_ba);
    QCOMPARE(m_site->connectionCount(), 0); // refused before anything is sent
    QVERIFY(!QFile::exists(m_state));
}

void TestHostileRegistration::trustCertWarnsAndKeepsExactlyThePresented()
{
    // An expired certificate for another host, whose name is 30 KB of escape sequences (about
    // what a TLS handshake carries: OpenSSL refuses a certificate message over 100 KB).
    SelfSignedCertificate::Options o;
    o.commonName = "\x1b]0;owned\x07\x1b[2J";
    while (o.commonName.size() < 30 * 1024)
        o.commonName += "\x1b[31mevil";
    o.dnsNames = { u"evil.example"_s };
    o.ipAddresses = {};
    o.notBefore = QDateTime::currentDateTimeUtc().addDays(-60);
    o.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
    const SelfSignedCertificate presented = SelfSignedCertificate::generate(o);
    QVERIFY(!presented.certificatePem.isEmpty());
    HostileServer tls;
    QVERIFY(tls.listenTls(QSslCertificate(presented.certificatePem, QSsl::Pem),
                          QSslKey(presented.privateKeyPem, QSsl::Ec, QSsl::Pem)));
    tls.setScript(
        [](const HostileServer::Request &) { return HostileServer::Reply::json(successReply()); });
    QStringList args = registerArgs(tls, false, { u"--trust-cert"_s });
    args[args.indexOf(u"http"_s)] = u"https"_s;
    const Run r = agentdesk(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    verifyNoControlCharacters(r.out);
    QVERIFY2(r.out.contains("Trusting the server's certificate"), r.out.left(500).constData());
    QVERIFY2(r.out.contains("Warning: the certificate expired"), r.out.left(2000).constData());
    QVERIFY2(r.out.contains("Warning: the certificate does not name 127.0.0.1"),
             r.out.left(2000).constData());
    QVERIFY2(r.out.size() < 8000, QByteArray::number(r.out.size()).constData());
    QCOMPARE(m_other->connectionCount(), 0);

    // Exactly the presented certificate is kept, as the updater does.
    QFile f(m_state);
    QVERIFY(f.open(QIODevice::ReadOnly));
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::parse(QString::fromUtf8(f.readAll()), &error).toMap();
    const QStringList local = state.value(u"local_certificates"_s).toStringList();
    QCOMPARE(local.size(), 1);
    QCOMPARE(QSslCertificate(local.first().toLatin1(), QSsl::Pem),
             QSslCertificate(presented.certificatePem, QSsl::Pem));
}

void TestHostileRegistration::siteCertificatesChecked()
{
    // The server presents a leaf issued by a CA; the registration reply then hands out that
    // CA (kept), the leaf (kept), garbage, an unrelated CA, an unrelated leaf, and an expired
    // copy of a CA (all dropped).
    SelfSignedCertificate::Options caOptions;
    caOptions.commonName = "Hostile test CA";
    caOptions.ca = true;
    caOptions.dnsNames = {};
    caOptions.ipAddresses = {};
    const SelfSignedCertificate ca = SelfSignedCertificate::generate(caOptions);
    SelfSignedCertificate::Options leafOptions;
    leafOptions.issuer = &ca;
    const SelfSignedCertificate leaf = SelfSignedCertificate::generate(leafOptions);
    const SelfSignedCertificate otherCa = SelfSignedCertificate::generate(caOptions);
    const SelfSignedCertificate otherLeaf = SelfSignedCertificate::generate({});
    SelfSignedCertificate::Options expiredOptions = caOptions;
    expiredOptions.notBefore = QDateTime::currentDateTimeUtc().addDays(-10);
    expiredOptions.notAfter = QDateTime::currentDateTimeUtc().addDays(-2);
    const SelfSignedCertificate expiredCa = SelfSignedCertificate::generate(expiredOptions);
    QVERIFY(!ca.certificatePem.isEmpty() && !leaf.certificatePem.isEmpty());

    const QList<QSslCertificate> presented { QSslCertificate(leaf.certificatePem, QSsl::Pem) };
    const QStringList sent { QString::fromLatin1(ca.certificatePem),
                             QString::fromLatin1(leaf.certificatePem),
                             u"-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----"_s,
                             u"\x1b[31mnot even PEM"_s,
                             QString::fromLatin1(otherCa.certificatePem),
                             QString::fromLatin1(otherLeaf.certificatePem),
                             QString::fromLatin1(expiredCa.certificatePem) };
    QStringList rejected;
    const QStringList kept
        = RegistrationClient::checkCertificates(sent, presented, true, &rejected);
    QCOMPARE(kept.size(), 2);
    QCOMPARE(QSslCertificate(kept.at(0).toLatin1(), QSsl::Pem),
             QSslCertificate(ca.certificatePem, QSsl::Pem));
    QCOMPARE(QSslCertificate(kept.at(1).toLatin1(), QSsl::Pem), presented.first());
    QCOMPARE(rejected.size(), 5);
    for (const QString &reason : std::as_const(rejected))
        QVERIFY2(!reason.contains(QChar(0x1b)), qPrintable(reason));

    // Nothing is kept from a connection that was not verified (http, --insecure).
    rejected.clear();
    QVERIFY(RegistrationClient::checkCertificates(sent, presented, false, &rejected).isEmpty());
    QVERIFY(RegistrationClient::checkCertificates(sent, {}, true, &rejected).isEmpty());

    // End to end: the reply's certificates go through the check before the state file.
    HostileServer tls;
    QVERIFY(tls.listenTls(presented.first(), QSslKey(leaf.privateKeyPem, QSsl::Ec, QSsl::Pem)));
    QJsonArray certificates;
    for (const QString &pem : sent)
        certificates.append(pem);
    QJsonObject result { { u"host_secret"_s, QString::fromLatin1(hostSecret) },
                         { u"certificates"_s, certificates } };
    const QByteArray reply
        = QJsonDocument(QJsonObject { { u"result_code"_s, 0 }, { u"result"_s, result } }).toJson();
    tls.setScript(
        [&](const HostileServer::Request &) { return HostileServer::Reply::json(reply); });
    QStringList args = registerArgs(tls, false, { u"--trust-cert"_s });
    args[args.indexOf(u"http"_s)] = u"https"_s;
    const Run r = agentdesk(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    verifyNoControlCharacters(r.out);
    QCOMPARE(r.out.count("Note: a certificate the site sent was not kept"), 5);
    QFile f(m_state);
    QVERIFY(f.open(QIODevice::ReadOnly));
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::parse(QString::fromUtf8(f.readAll()), &error).toMap();
    QStringList local = state.value(u"local_certificates"_s).toStringList();
    QList<QSslCertificate> localCertificates;
    for (const QString &pem : local)
        localCertificates << QSslCertificate(pem.toLatin1(), QSsl::Pem);
    // The presented leaf (from --trust-cert and from the reply) and its CA; nothing else.
    QVERIFY(localCertificates.contains(presented.first()));
    QVERIFY(localCertificates.contains(QSslCertificate(ca.certificatePem, QSsl::Pem)));
    for (const QSslCertificate &c : std::as_const(localCertificates))
        QVERIFY(c == presented.first() || c == QSslCertificate(ca.certificatePem, QSsl::Pem));
}

QTEST_GUILESS_MAIN(TestHostileRegistration)
#include "tst_hostile_registration.moc"
