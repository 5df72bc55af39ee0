// Secrets against the real Secret Service: scripts/test runs ctest inside a private D-Bus
// session with an unlocked gnome-keyring.
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include "SecretStore.h"

using namespace Qt::StringLiterals;

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void missingEntry();
    void visibleToOtherSecretServiceClients();
    void ownerGoneWhileJobsRun();

private:
    SecretResult call(const std::function<void(SecretStore::Callback)> &start);
    SecretStore m_store { nullptr, u"agentdesk-test"_s };
};

void TestSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through scripts/test: this test needs a D-Bus session with gnome-keyring");
}

SecretResult TestSecretStore::call(const std::function<void(SecretStore::Callback)> &start)
{
    SecretResult out;
    bool done = false;
    start([&](SecretResult &&r) {
        out = std::move(r);
        done = true;
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }();
    return out;
}

void TestSecretStore::roundTrip()
{
    const QString key = u"connection/roundtrip/secret"_s;
    const QByteArray secret = "s3cr3t with spaces and \xc3\xa4"_ba;
    SecretResult w = call([&](auto cb) { m_store.write(key, secret, this, cb); });
    QVERIFY2(w.ok, qPrintable(w.error));
    QVERIFY(!w.sessionOnly);
    QVERIFY(m_store.keychainAvailable());

    SecretResult r = call([&](auto cb) { m_store.read(key, this, cb); });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.secret.bytes(), secret);
    QVERIFY(!r.sessionOnly);

    SecretResult d = call([&](auto cb) { m_store.remove(key, this, cb); });
    QVERIFY(d.ok);
    SecretResult gone = call([&](auto cb) { m_store.read(key, this, cb); });
    QVERIFY(!gone.ok);
    QVERIFY(gone.notFound);
}

void TestSecretStore::missingEntry()
{
    SecretResult r
        = call([&](auto cb) { m_store.read(u"connection/never-written/secret"_s, this, cb); });
    QVERIFY(!r.ok);
    QVERIFY(r.notFound);
    QVERIFY(r.error.isEmpty());
}

void TestSecretStore::visibleToOtherSecretServiceClients()
{
    // The entry really is in the Secret Service, not in some file of ours: secret-tool finds it.
    const QString key = u"connection/external/secret"_s;
    SecretResult w = call([&](auto cb) { m_store.write(key, "from-agentdesk"_ba, this, cb); });
    QVERIFY(w.ok);
    QProcess tool;
    tool.start(u"secret-tool"_s, { u"search"_s, u"--all"_s, u"user"_s, key });
    QVERIFY(tool.waitForFinished(10000));
    const QByteArray out = tool.readAllStandardOutput() + tool.readAllStandardError();
    QVERIFY2(out.contains("agentdesk-test"), out.constData());
    call([&](auto cb) { m_store.remove(key, this, cb); });
}

void TestSecretStore::ownerGoneWhileJobsRun()
{
    // As when the console's controller is destroyed (the window closed, a connection dropped)
    // while the keychain still works on a request: the store goes with its owner, and the
    // keychain's late answers must land nowhere. Under AddressSanitizer a job deleted with the
    // store while QtKeychain's backend still calls back into it is a use after free.
    const QString key = u"connection/owner-gone/secret"_s;
    int answered = 0;
    {
        auto owner = std::make_unique<QObject>();
        auto *store = new SecretStore(owner.get(), u"agentdesk-test"_s);
        const auto count = [&answered](SecretResult &&) {
            ++answered;
        };
        store->write(key, "written as the owner goes"_ba, owner.get(), count);
        store->read(key, owner.get(), count);
        store->remove(key, owner.get(), count);
        QCOMPARE(SecretStore::pendingJobs(), 3);
    } // owner and store destroyed, three jobs still running
    QTRY_COMPARE_WITH_TIMEOUT(SecretStore::pendingJobs(), 0, 20000);
    QCOMPARE(answered, 0); // nobody was called back after going away
    // The keychain is fine afterwards: a new store reads and cleans up.
    SecretResult r = call([&](auto cb) { m_store.read(key, this, cb); });
    QVERIFY2(r.ok || r.notFound, qPrintable(r.error));
    call([&](auto cb) { m_store.remove(key, this, cb); });
    QCOMPARE(SecretStore::pendingJobs(), 0);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
