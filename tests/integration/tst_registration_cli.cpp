// `agentdesk register` and `agentdesk show-config` as scripts run them: the built executable
// against a demo site, exit codes, one-line errors, and the state file on disk.
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "PythonLiteral.h"
#include "RestClient.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

class TestRegistrationCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void registerMachine_data();
    void registerMachine();
    void userAgentIsTheCMakeVersion();
    void wrongSecretLeavesStateUnchanged();
    void backupAndKeptKeys();
    void notYetMonitored();
    void deployAgentForRegisteredHost();
    void showConfigPrecedence();
    void showConfigParseError();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run agentdesk(const QStringList &arguments);
    QStringList registerArgs(const QString &host, const QString &credentialOption,
                             const QString &credentialFile) const;
    RestResult send(const RestRequest &request);
    QString writeFile(const QString &name, const QByteArray &content);
    QVariantMap readState() const;

    DemoSiteProcess m_site;
    QTemporaryDir m_dir;
    QString m_host; // a host of the site's inventory
    QString m_state;
    const QByteArray m_password = "admin-password-1"_ba;
};

TestRegistrationCli::Run TestRegistrationCli::agentdesk(const QStringList &arguments)
{
    // The test binary is in <build>/tests, the application in <build>/app.
    const QString exe = QCoreApplication::applicationDirPath() + u"/../app/agentdesk"_s;
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardInputFile(QProcess::nullDevice()); // it must never ask
    p.start(exe, arguments);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList TestRegistrationCli::registerArgs(const QString &host, const QString &credentialOption,
                                              const QString &credentialFile) const
{
    return { u"register"_s,
             u"--server"_s,
             m_site.server(),
             u"--site"_s,
             m_site.site(),
             u"--hostname"_s,
             host,
             u"--protocol"_s,
             u"https"_s,
             u"--user"_s,
             credentialOption == u"--password-file"_s ? u"cmkadmin"_s : u"automation"_s,
             credentialOption,
             credentialFile,
             u"--state-file"_s,
             m_state };
}

RestResult TestRegistrationCli::send(const RestRequest &request)
{
    SiteConnection c = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256());
    RestClient client(c);
    client.setSecret(SecureBuffer(m_site.secret()));
    RestReply *reply = client.send(request);
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(20000))
        return {};
    return spy.first().first().value<RestResult>();
}

QString TestRegistrationCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

QVariantMap TestRegistrationCli::readState() const
{
    QFile f(m_state);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    PythonLiteral::Error error;
    return PythonLiteral::parse(QString::fromUtf8(f.readAll()), &error).toMap();
}

void TestRegistrationCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(
        m_site.start({ u"--hosts"_s, u"20"_s, u"--password"_s, QString::fromLatin1(m_password) }),
        qPrintable(m_site.error()));
    const RestResult hosts = send(RestRequest::get(u"/domain-types/host_config/collections/all"_s));
    QVERIFY2(hosts.ok(), qPrintable(hosts.error.summary()));
    m_host = hosts.json.object()
                 .value(u"value"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"id"_s)
                 .toString();
    QVERIFY(!m_host.isEmpty());
    writeFile(u"secret"_s, m_site.secret() + '\n');
    writeFile(u"wrong"_s, "not-the-secret\n"_ba);
    writeFile(u"password"_s, m_password + '\n');
}

void TestRegistrationCli::init()
{
    m_state = m_dir.filePath(u"cmk-update-agent.state"_s);
    QFile::remove(m_state);
    QFile::remove(m_state + u".bak"_s);
}

void TestRegistrationCli::registerMachine_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("credential"); // option and file name
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("trusted with --trust-cert") << QStringList { u"--trust-cert"_s } << QString()
                                               << u"--secret-file secret"_s << 0 << QString();
    QTest::newRow("insecure") << QStringList { u"--insecure"_s } << QString()
                              << u"--secret-file secret"_s << 0 << QString();
    QTest::newRow("untrusted certificate")
        << QStringList {} << QString() << u"--secret-file secret"_s << 3 << u"SHA-256"_s;
    QTest::newRow("password user") << QStringList { u"--trust-cert"_s } << QString()
                                   << u"--password-file password"_s << 0 << QString();
    QTest::newRow("wrong secret") << QStringList { u"--trust-cert"_s } << QString()
                                  << u"--secret-file wrong"_s << 4 << u"wrong user or secret"_s;
    QTest::newRow("wrong password") << QStringList { u"--trust-cert"_s } << QString()
                                    << u"--password-file wrong"_s << 4 << u"wrong user or secret"_s;
    QTest::newRow("unknown host") << QStringList { u"--trust-cert"_s } << u"no-such-host"_s
                                  << u"--secret-file secret"_s << 5 << u"does not exist"_s;
    // The server answers, but 404 for the site's pages: the site's name is wrong. Not a
    // network error, and no credential was judged.
    QTest::newRow("wrong site name")
        << QStringList { u"--trust-cert"_s, u"--site"_s, u"nosuchsite"_s } << QString()
        << u"--secret-file secret"_s << 8 << u"site not found"_s;
    QTest::newRow("wrong site name, password user")
        << QStringList { u"--trust-cert"_s, u"--site"_s, u"nosuchsite"_s } << QString()
        << u"--password-file password"_s << 8 << u"check --site"_s;
    QTest::newRow("both trust options")
        << QStringList { u"--trust-cert"_s, u"--insecure"_s } << QString()
        << u"--secret-file secret"_s << 2 << u"exclude"_s;
    QTest::newRow("state file not writable")
        << QStringList { u"--trust-cert"_s, u"--state-file"_s, u"/nonexistent/dir/x.state"_s }
        << QString() << u"--secret-file secret"_s << 6 << u"cannot write"_s;
}

void TestRegistrationCli::registerMachine()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, host);
    QFETCH(QString, credential);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);
    const QStringList cred = credential.split(u' ');
    QStringList args
        = registerArgs(host.isEmpty() ? m_host : host, cred.at(0), m_dir.filePath(cred.at(1)));
    args << extra; // a later --state-file wins
    const Run r = agentdesk(args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 0) {
        QVERIFY(r.err.isEmpty() || !r.err.contains("error"));
        const QVariantMap state = readState();
        QCOMPARE(state.value(u"host_secret"_s).toString().size(), 64);
        QCOMPARE(state.value(u"host_name"_s).toString(), m_host);
        QCOMPARE(QFileInfo(m_state).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                        | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(!r.out.contains(state.value(u"host_secret"_s).toString().toUtf8()));
    } else {
        // Exactly one line on stderr for the failure, naming what went wrong.
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(messagePart.toUtf8()), lines.first().constData());
        QVERIFY(!r.err.contains(m_site.secret()));
        if (exitCode == 3)
            QVERIFY(r.err.contains(QByteArray(m_site.sha256().left(2).toUpper() + ':'
                                              + m_site.sha256().mid(2, 2).toUpper())));
        QVERIFY(!QFile::exists(m_state));
    }
}

void TestRegistrationCli::userAgentIsTheCMakeVersion()
{
    const Run r = agentdesk(registerArgs(m_host, u"--secret-file"_s, m_dir.filePath(u"secret"_s))
                            << u"--trust-cert"_s);
    QCOMPARE(r.exitCode, 0);
    // The site's record of the last request it served (asking does not overwrite it).
    RestRequest last = RestRequest::get(u"demo-control/last-request"_s);
    last.base = RestRequest::Base::Site;
    const RestResult seen = send(last);
    QVERIFY2(seen.ok(), qPrintable(seen.error.summary()));
    QCOMPARE(seen.json.object().value(u"path"_s).toString(),
             u"/%1/check_mk/register_agent.py"_s.arg(m_site.site()));
    // AGENTDESK_CMAKE_VERSION is project(VERSION), given to this test by tests/CMakeLists.txt.
    QCOMPARE(seen.json.object().value(u"headers"_s).toObject().value(u"user-agent"_s).toString(),
             u"AgentDesk/" AGENTDESK_CMAKE_VERSION ""_s);
}

void TestRegistrationCli::wrongSecretLeavesStateUnchanged()
{
    Run r = agentdesk(registerArgs(m_host, u"--secret-file"_s, m_dir.filePath(u"secret"_s))
                      << u"--trust-cert"_s);
    QCOMPARE(r.exitCode, 0);
    QFile f(m_state);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    r = agentdesk(registerArgs(m_host, u"--secret-file"_s, m_dir.filePath(u"wrong"_s)));
    QCOMPARE(r.exitCode, 4);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY(!QFile::exists(m_state + u".bak"_s)); // nothing was even backed up
}

void TestRegistrationCli::backupAndKeptKeys()
{
    // A state from earlier updates: keys registration does not set must survive.
    writeFile(u"cmk-update-agent.state"_s,
              "{'installed_aghash': 'abcdef0123456789', 'last_check': 1700000000.5, "
              "'host_secret': 'old', 'interval': None}\n"_ba);
    QFile old(m_state);
    QVERIFY(old.open(QIODevice::ReadOnly));
    const QByteArray before = old.readAll();
    old.close();
    const Run r = agentdesk(registerArgs(m_host, u"--secret-file"_s, m_dir.filePath(u"secret"_s))
                            << u"--trust-cert"_s);
    QCOMPARE(r.exitCode, 0);
    const QVariantMap state = readState();
    QCOMPARE(state.value(u"installed_aghash"_s).toString(), u"abcdef0123456789"_s);
    QCOMPARE(state.value(u"last_check"_s).toDouble(), 1700000000.5);
    QVERIFY(state.contains(u"interval"_s));
    QCOMPARE(state.value(u"host_secret"_s).toString().size(), 64);
    QFile bak(m_state + u".bak"_s);
    QVERIFY(bak.open(QIODevice::ReadOnly));
    QCOMPARE(bak.readAll(), before);
    QCOMPARE(bak.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
}

void TestRegistrationCli::notYetMonitored()
{
    RestRequest add
        = RestRequest::post(u"demo-control/unactivated-hosts"_s,
                            QJsonDocument(QJsonObject { { u"host_name"_s, u"fresh-host"_s } }));
    add.base = RestRequest::Base::Site;
    QVERIFY(send(add).ok());
    const Run r
        = agentdesk(registerArgs(u"fresh-host"_s, u"--secret-file"_s, m_dir.filePath(u"secret"_s))
                    << u"--trust-cert"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("not yet monitored"), r.out.constData());
}

void TestRegistrationCli::deployAgentForRegisteredHost()
{
    QCOMPARE(agentdesk(registerArgs(m_host, u"--secret-file"_s, m_dir.filePath(u"secret"_s))
                       << u"--trust-cert"_s)
                 .exitCode,
             0);
    const QString secret = readState().value(u"host_secret"_s).toString();
    const auto deploy = [&](const QString &mode, const QString &hostSecret) {
        RestRequest r;
        r.method = RestRequest::Method::Post;
        r.base = RestRequest::Base::Checkmk;
        r.path = u"deploy_agent.py"_s;
        r.authenticate = false;
        r.formBody = "mode=" + mode.toUtf8() + "&host=" + m_host.toUtf8() + "&host_secret="
            + hostSecret.toUtf8() + "&installed_aghash=&aghash=&os=linux_deb&last_error=&au_api=2";
        return send(r);
    };
    RestResult status = deploy(u"status"_s, secret);
    QVERIFY2(status.ok(), qPrintable(status.error.summary()));
    QCOMPARE(status.json.object().value(u"result_code"_s).toInt(), 0);
    const QJsonObject result = status.json.object().value(u"result"_s).toObject();
    QVERIFY(result.contains(u"AgentAvailable"_s));
    QVERIFY(result.contains(u"Signatures"_s));
    const RestResult wrong = deploy(u"status"_s, QString(64, u'x'));
    QCOMPARE(wrong.json.object().value(u"result_code"_s).toInt(), 1);
}

void TestRegistrationCli::showConfigPrecedence()
{
    const QString cfg = writeFile(u"cmk-update-agent.cfg"_s,
                                  "{'server': 'cfg.example.com', 'interval': 600,\n"
                                  " 'proxy': {'proxy_password': 'pw', 'server': 'proxy'}}\n"_ba);
    const QString state = writeFile(u"cmk-update-agent.state"_s,
                                    "{'server': 'state.example.com', 'host_secret': '"
                                        + QByteArray(64, 'a') + "', 'site': 'mysite'}\n");
    const Run r = agentdesk({ u"show-config"_s, u"--cfg"_s, cfg, u"--state"_s, state });
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"server = cfg.example.com  (cmk-update-agent.cfg, overrides"_s),
             qPrintable(out));
    QVERIFY(!out.contains(u"state.example.com"_s));
    QVERIFY(out.contains(u"site = mysite  (cmk-update-agent.state)"_s));
    QVERIFY(out.contains(u"interval = 600  (cmk-update-agent.cfg)"_s));
    QVERIFY(!out.contains(QString(64, u'a')));
    QVERIFY(!out.contains(u"'pw'"_s));
}

void TestRegistrationCli::showConfigParseError()
{
    const QString cfg = writeFile(u"broken.cfg"_s, "{'server': 'x',\n 'site' 'y'}\n"_ba);
    const Run r = agentdesk(
        { u"show-config"_s, u"--cfg"_s, cfg, u"--state"_s, m_dir.filePath(u"none.state"_s) });
    QCOMPARE(r.exitCode, 6);
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    QVERIFY2(r.err.contains("line 2, column"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestRegistrationCli)
#include "tst_registration_cli.moc"
