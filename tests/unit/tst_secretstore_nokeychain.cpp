// Without a keychain, secrets are kept for the session only and the store says why.
#include <QSignalSpy>
#include <QTest>

#include "SecretStore.h"

using namespace Qt::StringLiterals;

class TestSecretStoreNoKeychain final : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        // No Secret Service reachable for this process.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/agentdesk-no-bus");
    }

private Q_SLOTS:
    void fallsBackToSession();
};

void TestSecretStoreNoKeychain::fallsBackToSession()
{
    SecretStore store(nullptr, u"agentdesk-test"_s);
    QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
    SecretResult written;
    bool done = false;
    store.write(u"connection/x/secret"_s, "kept-in-memory"_ba, this, [&](SecretResult &&r) {
        written = std::move(r);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(written.ok);
    QVERIFY(written.sessionOnly);
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(!store.keychainAvailable());
    QVERIFY(!store.unavailableReason().isEmpty());

    SecretResult read;
    done = false;
    store.read(u"connection/x/secret"_s, this, [&](SecretResult &&r) {
        read = std::move(r);
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(read.ok);
    QVERIFY(read.sessionOnly);
    QCOMPARE(read.secret.bytes(), "kept-in-memory"_ba);
}

QTEST_GUILESS_MAIN(TestSecretStoreNoKeychain)
#include "tst_secretstore_nokeychain.moc"
