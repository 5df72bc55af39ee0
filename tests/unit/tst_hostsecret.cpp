// Host secrets as the updater makes them: 64 characters of [A-Za-z0-9]. A registration reply
// with anything else is refused with a clear error, so nothing garbled reaches the state file.
#include <QTest>

#include "HostSecret.h"
#include "RegistrationClient.h"
#include "RestResult.h"

using namespace Qt::StringLiterals;

class TestHostSecret final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void registrationRefusesBadSecret_data();
    void registrationRefusesBadSecret();
};

void TestHostSecret::validation_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("error");
    const QByteArray good = "Ab3dEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz01";
    QTest::newRow("good") << good << QString();
    QTest::newRow("short") << good.left(63) << u"expected 64 characters, got 63"_s;
    QTest::newRow("long") << good + 'x' << u"expected 64 characters, got 65"_s;
    QTest::newRow("empty") << QByteArray() << u"expected 64 characters, got 0"_s;
    QTest::newRow("non-ASCII") << good.left(62) + "\xc3\xa4" << u"byte 63 is not ASCII"_s;
    QTest::newRow("space") << good.left(10) + ' ' + good.mid(11) << u"character 11 is not"_s;
    QTest::newRow("symbol") << "+" + good.mid(1) << u"character 1 is not"_s;
    QTest::newRow("NUL") << QByteArray(1, '\0') + good.mid(1) << u"character 1 is not"_s;
}

void TestHostSecret::validation()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, error);
    const QString got = HostSecret::validationError(secret);
    if (error.isEmpty()) {
        QVERIFY2(got.isEmpty(), qPrintable(got));
        QVERIFY(HostSecret::isValid(secret));
        return;
    }
    QVERIFY2(got.contains(error), qPrintable(got));
    QVERIFY(got.startsWith(u"host_secret:"_s));
    QVERIFY(!HostSecret::isValid(secret));
}

void TestHostSecret::registrationRefusesBadSecret_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("detail");
    // 64 characters, but not the updater's alphabet: before, these were accepted and the
    // non-ASCII one written as Latin-1 mojibake.
    QTest::newRow("non-ASCII") << QByteArray("\xc3\xa4").repeated(32) << u"not ASCII"_s;
    QTest::newRow("punctuation") << QByteArray(64, '%') << u"not one of them"_s;
}

void TestHostSecret::registrationRefusesBadSecret()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, detail);
    RestResult r;
    r.status = 200;
    r.contentType = "application/json";
    r.body = R"({"result_code": 0, "result": {"host_secret": ")" + secret + R"("}})";
    const RegistrationOutcome o = RegistrationClient::readReply(r, u"h"_s);
    QCOMPARE(int(o.failure), int(RegistrationOutcome::Failure::Refused));
    QCOMPARE(o.error.kind, ApiError::Kind::MalformedReply);
    QVERIFY2(o.error.detail.contains(detail), qPrintable(o.error.detail));
    QVERIFY(o.hostSecret.isEmpty());
}

QTEST_GUILESS_MAIN(TestHostSecret)
#include "tst_hostsecret.moc"
