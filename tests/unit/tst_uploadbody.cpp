// UploadBody: a request body Qt can read exactly once, from a buffer this code owns.
#include <QTest>

#include "UploadBody.h"

using namespace Qt::StringLiterals;

class TestUploadBody final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsOnceInPieces();
    void cannotBeRewound();
    void empty();
    void releasesTheBuffer();
};

void TestUploadBody::readsOnceInPieces()
{
    auto bytes = std::make_shared<const SecureBuffer>("_secret=abc%26def&host=web01"_ba);
    UploadBody body(bytes);
    QVERIFY(body.isSequential());
    QCOMPARE(body.size(), bytes->size());
    QCOMPARE(body.bytesAvailable(), bytes->size());
    QByteArray read = body.read(5);
    read += body.read(1000);
    QCOMPARE(read, bytes->bytes());
    QVERIFY(body.atEnd());
    QCOMPARE(body.bytesAvailable(), 0);
    QVERIFY(body.read(10).isEmpty());
}

void TestUploadBody::cannotBeRewound()
{
    UploadBody body(std::make_shared<const SecureBuffer>("payload"_ba));
    QCOMPARE(body.readAll(), "payload"_ba);
    // What Qt's HTTP layer tries before sending a request a second time.
    QVERIFY(!body.reset());
    QVERIFY(!body.seek(0));
    QVERIFY(body.readAll().isEmpty());
}

void TestUploadBody::empty()
{
    UploadBody body(std::make_shared<const SecureBuffer>());
    QCOMPARE(body.size(), 0);
    QVERIFY(body.atEnd());
    QVERIFY(body.readAll().isEmpty());
}

void TestUploadBody::releasesTheBuffer()
{
    std::weak_ptr<const SecureBuffer> watch;
    {
        auto bytes = std::make_shared<const SecureBuffer>("secret"_ba);
        watch = bytes;
        UploadBody body(std::move(bytes));
        QVERIFY(!watch.expired()); // the body holds the only reference
    }
    QVERIFY(watch.expired()); // gone with the body: SecureBuffer wiped it
}

QTEST_GUILESS_MAIN(TestUploadBody)
#include "tst_uploadbody.moc"
