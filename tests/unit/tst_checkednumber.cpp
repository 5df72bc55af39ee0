// Numbers from replies: NaN, ±inf, 1e300 and negative times never reach a float-to-int
// conversion (undefined behaviour, caught by UBSan in the asan run); the readers refuse them by
// name or fall back to "unknown".
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

#include "CheckedNumber.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

class TestCheckedNumber final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toInt64();
    void toInt();
    void epochSeconds();
    void integerFromLiteral();
    void signatureKeyDates_data();
    void signatureKeyDates();
    void bakingJobNumbers();
};

void TestCheckedNumber::toInt64()
{
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(CheckedNumber::toInt64(0.0), 0);
    QCOMPARE(CheckedNumber::toInt64(-2.9), -2);
    QCOMPARE(CheckedNumber::toInt64(1700000000.75), 1700000000);
    QCOMPARE(CheckedNumber::toInt64(-9223372036854775808.0), std::numeric_limits<qint64>::min());
    QCOMPARE(CheckedNumber::toInt64(9223372036854774784.0), 9223372036854774784LL);
    QCOMPARE(CheckedNumber::toInt64(9223372036854775808.0), std::nullopt); // 2^63
    QCOMPARE(CheckedNumber::toInt64(1e300), std::nullopt);
    QCOMPARE(CheckedNumber::toInt64(-1e300), std::nullopt);
    QCOMPARE(CheckedNumber::toInt64(inf), std::nullopt);
    QCOMPARE(CheckedNumber::toInt64(-inf), std::nullopt);
    QCOMPARE(CheckedNumber::toInt64(std::nan("")), std::nullopt);
}

void TestCheckedNumber::toInt()
{
    QCOMPARE(CheckedNumber::toInt(2147483647.5), 2147483647);
    QCOMPARE(CheckedNumber::toInt(2147483648.0), std::nullopt);
    QCOMPARE(CheckedNumber::toInt(-2147483648.0), -2147483647 - 1);
    QCOMPARE(CheckedNumber::toInt(-2147483649.0), std::nullopt);
    QCOMPARE(CheckedNumber::toInt(1e300), std::nullopt);
}

void TestCheckedNumber::epochSeconds()
{
    QCOMPARE(CheckedNumber::epochSeconds(1700000000.5), 1700000000);
    QCOMPARE(CheckedNumber::epochSeconds(0.0), 0);
    QCOMPARE(CheckedNumber::epochSeconds(-1.0), std::nullopt);
    QCOMPARE(CheckedNumber::epochSeconds(1e300), std::nullopt);
    QCOMPARE(CheckedNumber::epochSeconds(double(CheckedNumber::maxEpochSeconds)),
             CheckedNumber::maxEpochSeconds);
    QCOMPARE(CheckedNumber::epochSeconds(double(CheckedNumber::maxEpochSeconds) + 1), std::nullopt);
    QCOMPARE(CheckedNumber::epochSeconds(QJsonValue(u"1700000000"_s)), std::nullopt);
    QCOMPARE(CheckedNumber::epochSeconds(QJsonValue()), std::nullopt);
    QCOMPARE(CheckedNumber::epochSeconds(QJsonValue(12.0)), 12);
}

void TestCheckedNumber::integerFromLiteral()
{
    QCOMPARE(CheckedNumber::integer(QVariant(qlonglong(-5))), -5);
    QCOMPARE(CheckedNumber::integer(QVariant(3600.0)), 3600);
    QCOMPARE(CheckedNumber::integer(QVariant(2.5)), std::nullopt);
    QCOMPARE(CheckedNumber::integer(QVariant(1e300)), std::nullopt);
    QCOMPARE(CheckedNumber::integer(QVariant(std::nan(""))), std::nullopt);
    QCOMPARE(CheckedNumber::integer(QVariant(qulonglong(1) << 63)), std::nullopt);
    QCOMPARE(CheckedNumber::integer(QVariant(u"12"_s)), std::nullopt);
    QCOMPARE(CheckedNumber::integer(QVariant()), std::nullopt);
}

void TestCheckedNumber::signatureKeyDates_data()
{
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("float time") << "1700000000.25"_ba << true;
    QTest::newRow("1e300") << "1e300"_ba << false;
    QTest::newRow("negative") << "-5"_ba << false;
    QTest::newRow("string") << "\"yesterday\""_ba << false;
    QTest::newRow("beyond year 9999") << "1e12"_ba << false;
}

void TestCheckedNumber::signatureKeyDates()
{
    QFETCH(QByteArray, date);
    QFETCH(bool, accepted);
    const QByteArray body = R"({"value":[{"id":"3","title":"k","extensions":{"date":)" + date
        + R"(,"not_after":1800000000}}]})";
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QVERIFY(doc.isObject());
    ApiError error;
    const auto keys = SiteReplyReader::signatureKeys(doc, &error);
    QCOMPARE(keys.has_value(), accepted);
    if (accepted) {
        QCOMPARE(keys->first().created.toSecsSinceEpoch(), 1700000000);
        QCOMPARE(keys->first().notAfter.toSecsSinceEpoch(), 1800000000);
    } else {
        QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
        QVERIFY2(error.detail.contains(u"signature key 3: date"_s), qPrintable(error.detail));
    }
}

void TestCheckedNumber::bakingJobNumbers()
{
    const QJsonDocument doc = QJsonDocument::fromJson(
        R"({"result":{"value":{"state":"running","started":1e300,"progress":1e300}}})");
    ApiError error;
    const auto job = SiteReplyReader::bakingJob(doc, &error);
    QVERIFY(job);
    QCOMPARE(job->started, 0.0); // unknown rather than a time no one can show
    QCOMPARE(job->progress, -1.0); // unknown rather than 1e302 percent
    const auto fine = SiteReplyReader::bakingJob(
        QJsonDocument::fromJson(
            R"({"result":{"value":{"state":"running","started":1700000000,"progress":0.5}}})"),
        &error);
    QVERIFY(fine);
    QCOMPARE(fine->started, 1700000000.0);
    QCOMPARE(fine->progress, 0.5);
}

QTEST_GUILESS_MAIN(TestCheckedNumber)
#include "tst_checkednumber.moc"
