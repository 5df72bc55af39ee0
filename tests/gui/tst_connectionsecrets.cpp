// Secrets in the real keychain (private gnome-keyring) keyed by (server, site, user), driven
// through the controller as the connection manager's OK does: editing a connection's server
// finds no secret and asks, sending nothing to the new server; a typed secret is stored only
// after the site accepted it; deleting a connection removes its secret; the name-keyed entries
// of AgentDesk 0.1 are removed unread.
#include <QApplication>
#include <QInputDialog>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "AppController.h"
#include "ConnectionStore.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "SiteSession.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestConnectionSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keys();
    void editDeleteAndTypedSecrets();
    void legacyEntriesRemoved();
    void promptedSecretStoredOnlyWhenAccepted();

private:
    SecretResult read(SecretStore *store, const QString &key);
    SecretResult write(SecretStore *store, const QString &key, const QByteArray &secret);
    QJsonObject lastRequest(const DemoSiteProcess &site);
    DemoSiteProcess m_a;
    DemoSiteProcess m_b; // another server
};

void TestConnectionSecrets::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through scripts/test: this test needs a D-Bus session with gnome-keyring");
    TestEnvironment::isolate();
    // Settings of its own: other tests save connections too, maybe at the same time.
    QCoreApplication::setApplicationName(u"tst_connectionsecrets"_s);
    QSettings().clear();
    qRegisterMetaType<RestResult>();
    QVERIFY2(m_a.start({ u"--hosts"_s, u"5"_s }), qPrintable(m_a.error()));
    QVERIFY2(m_b.start({ u"--hosts"_s, u"5"_s }), qPrintable(m_b.error()));
}

SecretResult TestConnectionSecrets::read(SecretStore *store, const QString &key)
{
    SecretResult out;
    bool done = false;
    store->read(key, this, [&](SecretResult &&r) {
        out = std::move(r);
        done = true;
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }();
    return out;
}

SecretResult TestConnectionSecrets::write(SecretStore *store, const QString &key,
                                          const QByteArray &secret)
{
    SecretResult out;
    bool done = false;
    store->write(key, secret, this, [&](SecretResult &&r) {
        out = std::move(r);
        done = true;
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }();
    return out;
}

QJsonObject TestConnectionSecrets::lastRequest(const DemoSiteProcess &site)
{
    RestClient control(site.controlConnection());
    control.setSecret(SecureBuffer(site.controlToken()));
    RestRequest r = RestRequest::get(u"demo-control/last-request"_s);
    r.base = RestRequest::Base::Site;
    RestReply *reply = control.send(r);
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(20000))
        return { { u"error"_s, u"no answer"_s } };
    const RestResult result = spy.first().first().value<RestResult>();
    if (!result.ok())
        return { { u"error"_s, result.error.summary() } };
    return result.json.object();
}

void TestConnectionSecrets::keys()
{
    SiteConnection c;
    c.name = u"work"_s;
    c.server = u"cmk.example.com"_s;
    c.site = u"prod"_s;
    c.user = u"automation"_s;
    SiteConnection renamed = c;
    renamed.name = u"renamed"_s;
    QCOMPARE(renamed.keychainKey(), c.keychainKey());
    SiteConnection upper = c;
    upper.server = u"CMK.Example.com"_s;
    QCOMPARE(upper.keychainKey(), c.keychainKey());
    for (auto change : { +[](SiteConnection &x) { x.server = u"cmk.example.org"_s; },
                         +[](SiteConnection &x) { x.site = u"test"_s; },
                         +[](SiteConnection &x) {
                             x.user = u"other"_s;
                         } }) {
        SiteConnection other = c;
        change(other);
        QVERIFY(other.keychainKey() != c.keychainKey());
    }
    // A '/' in a user name cannot make two triples one key.
    SiteConnection a = c;
    a.site = u"x"_s;
    a.user = u"y/z"_s;
    SiteConnection b = c;
    b.site = u"x/y"_s;
    b.user = u"z"_s;
    QVERIFY(a.keychainKey() != b.keychainKey());

    SiteConnection moved = c;
    moved.server = u"elsewhere"_s;
    QCOMPARE(ConnectionStore::orphanedSecretKeys({ c }, { renamed }), QStringList());
    QCOMPARE(ConnectionStore::orphanedSecretKeys({ c }, { moved }),
             QStringList { c.keychainKey() });
    QCOMPARE(ConnectionStore::orphanedSecretKeys({ c, moved }, {}),
             (QStringList { c.keychainKey(), moved.keychainKey() }));
    // Still used by another connection with the same server, site and user: kept.
    QCOMPARE(ConnectionStore::orphanedSecretKeys({ c, renamed }, { renamed }), QStringList());
}

void TestConnectionSecrets::editDeleteAndTypedSecrets()
{
    const SiteConnection original
        = DemoConnection::make(m_a.server(), m_a.site(), m_a.sha256(), u"work"_s);
    ConnectionStore().save({ original });
    AppController app;
    SecretStore *store = app.secrets();
    QVERIFY(write(store, original.keychainKey(), m_a.secret()).ok);
    app.start(u"work"_s);
    QTRY_VERIFY_WITH_TIMEOUT(app.session()->isConnected(), 15000);

    // Every question for a secret is answered with Cancel, and remembered.
    QStringList asked;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        asked << dialog->labelText();
        dialog->reject();
    });
    answer.start();

    // 1. The server is edited to another one (its own certificate pinned, as the user would).
    SiteConnection edited = original;
    edited.server = m_b.server();
    edited.pinnedSha256 = { QString::fromLatin1(m_b.sha256()) };
    QVERIFY(edited.keychainKey() != original.keychainKey());
    QSignalSpy failed(app.session(), &SiteSession::failed);
    app.applyConnectionChanges({ edited }, {}, u"work"_s);
    QVERIFY(failed.wait(15000));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(u"No secret is stored"_s), qPrintable(asked.first()));
    QVERIFY(!app.session()->isConnected());
    // Nothing reached the new server: its last request is none at all.
    QCOMPARE(lastRequest(m_b), QJsonObject());
    // The old server's secret is gone with the last connection that used it.
    QTRY_VERIFY_WITH_TIMEOUT(read(store, original.keychainKey()).notFound, 10000);

    // 2. A mistyped secret: the site refuses it, and it is not stored.
    failed.clear();
    app.applyConnectionChanges({ edited }, { { u"work"_s, "not-the-secret"_ba } }, u"work"_s);
    QVERIFY(failed.wait(15000));
    QCOMPARE(failed.first().first().value<ApiError>().status, 401);
    SecretResult stored = read(store, edited.keychainKey());
    QVERIFY(stored.notFound);

    // 3. The right secret: stored once the site accepted it.
    app.applyConnectionChanges({ edited }, { { u"work"_s, m_b.secret() } }, u"work"_s);
    QTRY_VERIFY_WITH_TIMEOUT(app.session()->isConnected(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(read(store, edited.keychainKey()).ok, 10000);
    QCOMPARE(read(store, edited.keychainKey()).secret.bytes(), m_b.secret());
    QCOMPARE(asked.size(), 1);

    // 4. Deleting the connection removes its secret.
    app.applyConnectionChanges({}, {}, QString());
    QTRY_VERIFY_WITH_TIMEOUT(read(store, edited.keychainKey()).notFound, 10000);
    QVERIFY(ConnectionStore().load().isEmpty());
}

void TestConnectionSecrets::legacyEntriesRemoved()
{
    QSettings().clear(); // as AgentDesk 0.1 left it: no keying recorded
    SiteConnection old = DemoConnection::make(m_a.server(), m_a.site(), m_a.sha256(), u"old"_s);
    ConnectionStore().save({ old });
    QVERIFY(ConnectionStore().hasLegacySecrets());
    AppController app;
    QVERIFY(write(app.secrets(), old.legacyKeychainKey(), m_a.secret()).ok);
    app.start(u"missing"_s); // no connection named so: nothing is opened
    QTRY_VERIFY_WITH_TIMEOUT(read(app.secrets(), old.legacyKeychainKey()).notFound, 10000);
    QVERIFY(!ConnectionStore().hasLegacySecrets());
    // Not migrated: the new key holds nothing until the user types the secret again.
    QVERIFY(read(app.secrets(), old.keychainKey()).notFound);
}

void TestConnectionSecrets::promptedSecretStoredOnlyWhenAccepted()
{
    // The secret prompt (no secret stored for the connection) follows the connection manager's
    // rule: what is typed goes to the keychain only after the site accepted it.
    QSettings().clear();
    const SiteConnection c
        = DemoConnection::make(m_a.server(), m_a.site(), m_a.sha256(), u"prompted"_s);
    ConnectionStore().save({ c });
    AppController app;
    SecretStore *store = app.secrets();
    QVERIFY(read(store, c.keychainKey()).notFound);

    QList<QByteArray> answers { "not-the-secret"_ba, m_a.secret() };
    int asked = 0;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog || answers.isEmpty())
            return;
        ++asked;
        dialog->setTextValue(QString::fromUtf8(answers.takeFirst()));
        dialog->accept();
    });
    answer.start();

    // 1. A mistyped secret: the site refuses it (401) and the keychain stays empty.
    QSignalSpy failed(app.session(), &SiteSession::failed);
    app.start(u"prompted"_s);
    QVERIFY(failed.wait(15000));
    QCOMPARE(asked, 1);
    QCOMPARE(failed.first().first().value<ApiError>().status, 401);
    QVERIFY(!app.session()->isConnected());
    QVERIFY(read(store, c.keychainKey()).notFound);

    // 2. Asked again, the right one: stored once the site answered with it.
    app.start(u"prompted"_s);
    QTRY_VERIFY_WITH_TIMEOUT(app.session()->isConnected(), 15000);
    QCOMPARE(asked, 2);
    QTRY_VERIFY_WITH_TIMEOUT(read(store, c.keychainKey()).ok, 10000);
    QCOMPARE(read(store, c.keychainKey()).secret.bytes(), m_a.secret());
    // In the Secret Service under the service "agentdesk" (QtKeychain's attribute "server"),
    // where other clients see it.
    QProcess tool;
    tool.start(u"secret-tool"_s, { u"search"_s, u"--all"_s, u"user"_s, c.keychainKey() });
    QVERIFY(tool.waitForFinished(10000));
    QByteArray attributes; // without the "secret = " line: no secret in the test's log
    const QByteArray out = tool.readAllStandardOutput() + tool.readAllStandardError();
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("attribute."))
            attributes += line + '\n';
    }
    QVERIFY2(attributes.contains("attribute.server = agentdesk\n"), attributes.constData());
}

QTEST_MAIN(TestConnectionSecrets)
#include "tst_connectionsecrets.moc"
