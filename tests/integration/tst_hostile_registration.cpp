// Registration against sites that misbehave on purpose: `agentdesk register` as scripts run it
// (a QProcess: exit code, one line on stderr, no state file) and RegistrationClient as the
// wizard uses it. A second listener on another loopback address proves that nothing (no
// connection, let alone the secret) reaches the origin a hostile site points to.
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include "HostileCertificate.h"
#include "HostileServer.h"
#include "RegistrationClient.h"

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

QTEST_GUILESS_MAIN(TestHostileRegistration)
#include "tst_hostile_registration.moc"
