#include <QTest>

#include "UpdateStatusParser.h"

using namespace Qt::StringLiterals;

class TestUpdateStatusParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRows();
    void malformed_data();
    void malformed();
    void everyTruncationIsAnError();
    void escapes();
    void withoutTopLevelExtensions();
    void repeatedTextsShared();
    void longStringsAndHashForms();
    void everyHexDigitAtEveryPlace();
    void keysAreStrict();
    void uniqueTextsStillRead();
    void everyJsonNumberSkipped();
};

namespace {
const QByteArray sample = R"json({"domainType":"agent_update_status","value":[
 {"domainType":"agent_update_status","id":"web01","links":[],"members":{},"extensions":{
   "host_name":"web01","site":"prod_eu","folder":"/linux/web","registered":true,"selected":true,
   "target_hash":"0123456789abcdef","downloaded_hash":"0123456789abcdef","installed_hash":"fedcba9876543210",
   "pending_hash":"0123456789abcdef","last_check":1732448221.5,"last_update":null,"interval":3600,
   "update_check_state":1,"update_check_output":"Update pending(!)","last_error":null,"future_field":[1,{"a":null}]}},
 {"id":"db01","extensions":{"host_name":"db01","site":"prod","folder":"/","registered":false,"selected":false,
   "target_hash":null,"downloaded_hash":null,"installed_hash":null,"pending_hash":null,"last_check":null,
   "last_update":null,"interval":600,"update_check_state":3,"update_check_output":"","last_error":"Host is not registered"}}
],"extensions":{"deployment_enabled":true,"generated_at":1732448300}})json";
}

void TestUpdateStatusParser::parsesRows()
{
    ApiError error;
    const auto r = UpdateStatusParser::parse(sample, &error);
    QVERIFY2(r, qPrintable(error.summary()));
    QCOMPARE(r->rows.size(), size_t(2));
    const HostUpdateStatus &web = r->rows.at(0);
    QCOMPARE(web.hostName, u"web01"_s);
    QCOMPARE(web.site, u"prod_eu"_s);
    QCOMPARE(web.folder, u"/linux/web"_s);
    QVERIFY(web.registered);
    QCOMPARE(HostUpdateStatus::hashText(web.targetHash), u"0123456789abcdef"_s);
    QCOMPARE(HostUpdateStatus::hashText(web.installedHash), u"fedcba9876543210"_s);
    QCOMPARE(web.lastCheck, 1732448221);
    QCOMPARE(web.lastUpdate, -1);
    QCOMPARE(int(web.checkState), 1);
    QVERIFY(web.lastError.isEmpty());
    const HostUpdateStatus &db = r->rows.at(1);
    QVERIFY(!db.registered);
    QVERIFY(!db.selected);
    QCOMPARE(db.targetHash, quint64(0));
    QCOMPARE(db.interval, 600);
    QCOMPARE(db.lastError, u"Host is not registered"_s);
    QCOMPARE(r->deploymentEnabled, std::optional<bool>(true));
    QCOMPARE(r->generatedAt, 1732448300);
}

void TestUpdateStatusParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << u"unexpected end"_s;
    QTest::newRow("array") << "[]"_ba << u"expected '{'"_s;
    QTest::newRow("no value") << R"({"extensions":{}})"_ba << u"no \"value\""_s;
    QTest::newRow("value not array") << R"({"value":{}})"_ba << u"expected '['"_s;
    QTest::newRow("row without host")
        << R"({"value":[{"extensions":{"site":"a"}}]})"_ba << u"host_name"_s;
    QTest::newRow("bad hash")
        << R"({"value":[{"extensions":{"host_name":"a","target_hash":"xyz"}}]})"_ba << u"16 hex"_s;
    QTest::newRow("bool as string")
        << R"({"value":[{"extensions":{"host_name":"a","registered":"yes"}}]})"_ba
        << u"true or false"_s;
    QTest::newRow("garbage after") << R"({"value":[]} x)"_ba << u"unexpected data"_s;
    QTest::newRow("missing comma")
        << R"({"value":[{"extensions":{"host_name":"a" "site":"b"}}]})"_ba << u"expected ','"_s;
    QTest::newRow("html") << "<html><body>Internal error</body></html>"_ba << u"expected '{'"_s;
    // Numbers as JSON writes them, in fields read and in fields skipped alike.
    QTest::newRow("leading zero")
        << R"({"value":[{"extensions":{"host_name":"a","interval":0600}}]})"_ba
        << u"leading zero"_s;
    QTest::newRow("point without digits")
        << R"({"value":[{"extensions":{"host_name":"a","last_check":17.}}]})"_ba << u"digit"_s;
    QTest::newRow("skipped sign salad")
        << R"({"value":[{"extensions":{"host_name":"a","future":--1}}]})"_ba
        << u"expected a value"_s;
    QTest::newRow("skipped exponent without digits")
        << R"({"value":[{"extensions":{"host_name":"a","future":1e+}}]})"_ba << u"digit"_s;
    QTest::newRow("skipped leading zero")
        << R"({"value":[{"extensions":{"host_name":"a","future":[012]}}]})"_ba << u"expected ','"_s;
    QTest::newRow("skipped plus")
        << R"({"value":[{"extensions":{"host_name":"a","future":+1}}]})"_ba
        << u"expected a value"_s;
}

void TestUpdateStatusParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    ApiError error;
    QVERIFY(!UpdateStatusParser::parse(body, &error));
    QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
    QVERIFY2(error.detail.contains(message), qPrintable(error.detail));
    QVERIFY(error.detail.contains(u"at byte"_s));
}

void TestUpdateStatusParser::everyTruncationIsAnError()
{
    // A reply cut anywhere is an error, never a crash or half a table.
    for (qsizetype n = 0; n < sample.size() - 1; ++n) {
        ApiError error;
        const auto r = UpdateStatusParser::parse(sample.left(n), &error);
        QVERIFY2(!r, qPrintable(u"accepted a reply cut at %1"_s.arg(n)));
        QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
    }
}

void TestUpdateStatusParser::escapes()
{
    const QByteArray body
        = R"({"value":[{"extensions":{"host_name":"h\u00e4st","last_error":"a \"quoted\"\nline \ud83d\ude00"}}]})";
    ApiError error;
    const auto r = UpdateStatusParser::parse(body, &error);
    QVERIFY2(r, qPrintable(error.detail));
    QCOMPARE(r->rows.at(0).hostName, u"h\u00e4st"_s);
    QCOMPARE(r->rows.at(0).lastError, u"a \"quoted\"\nline \U0001F600"_s);
}

void TestUpdateStatusParser::withoutTopLevelExtensions()
{
    // The master switch then comes from the global setting; the reply need not say it.
    ApiError error;
    const auto r = UpdateStatusParser::parse(
        R"({"value":[{"extensions":{"host_name":"a","site":"s"}}],"links":[]})"_ba, &error);
    QVERIFY2(r, qPrintable(error.summary()));
    QCOMPARE(r->rows.size(), size_t(1));
    QVERIFY(!r->deploymentEnabled.has_value());
    QCOMPARE(r->generatedAt, -1);
}

void TestUpdateStatusParser::repeatedTextsShared()
{
    QByteArray body = "{\"value\":[";
    for (int i = 0; i < 3; ++i) {
        body += (i ? "," : "") + R"({"extensions":{"host_name":"h)"_ba + QByteArray::number(i)
            + R"(","site":"prod","folder":"/linux/web","update_check_output":"Update status: up to date","last_error":"No valid signature found.\nretry"}})"_ba;
    }
    body += "]}";
    ApiError error;
    const auto r = UpdateStatusParser::parse(body, &error);
    QVERIFY2(r, qPrintable(error.summary()));
    const auto &rows = r->rows;
    QCOMPARE(rows.size(), size_t(3));
    QCOMPARE(rows[2].lastError, u"No valid signature found.\nretry"_s);
    QCOMPARE(rows[2].folder, u"/linux/web"_s);
    // One copy of each text for all rows (memory at 100,000 hosts); host names stay apart.
    QCOMPARE(rows[0].site.constData(), rows[2].site.constData());
    QCOMPARE(rows[0].folder.constData(), rows[1].folder.constData());
    QCOMPARE(rows[0].checkOutput.constData(), rows[2].checkOutput.constData());
    QCOMPARE(rows[0].lastError.constData(), rows[1].lastError.constData());
    QVERIFY(rows[0].hostName.constData() != rows[1].hostName.constData());
}

void TestUpdateStatusParser::longStringsAndHashForms()
{
    // Strings are scanned sixteen bytes a step and plain hashes read from the bytes: an escape,
    // a quote or a control character anywhere in a long string, and hashes in upper case or
    // written with escapes, read as they did byte by byte.
    const QByteArray body
        = R"({"value":[{"extensions":{"host_name":"a-very-long-host-name-0123456789\"x\\y.example",)"
          R"("target_hash":"0123456789ABCDEF","downloaded_hash":"\u0030123456789abcdef",)"
          R"("last_error":"0123456789abcdef0123456789abcdef\n"}}]})";
    ApiError error;
    const auto r = UpdateStatusParser::parse(body, &error);
    QVERIFY2(r, qPrintable(error.detail));
    QCOMPARE(r->rows.at(0).hostName, u"a-very-long-host-name-0123456789\"x\\y.example"_s);
    QCOMPARE(r->rows.at(0).targetHash, 0x0123456789abcdefULL);
    QCOMPARE(r->rows.at(0).downloadedHash, 0x0123456789abcdefULL);
    QCOMPARE(r->rows.at(0).lastError, u"0123456789abcdef0123456789abcdef\n"_s);

    for (const QByteArray &bad : QList<QByteArray> {
             R"({"value":[{"extensions":{"host_name":"0123456789abcdef0123456789)"_ba + '\t'
                 + R"(x"}}]})"_ba,
             R"({"value":[{"extensions":{"host_name":"a","target_hash":"0123456789abcdeg"}}]})"_ba,
             R"({"value":[{"extensions":{"host_name":"a","target_hash":"0123456789abcdef0"}}]})"_ba,
         }) {
        QVERIFY2(!UpdateStatusParser::parse(bad, &error), bad.constData());
        QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
    }
    QVERIFY2(error.detail.contains(u"16 hex"_s), qPrintable(error.detail));
}

void TestUpdateStatusParser::everyHexDigitAtEveryPlace()
{
    // Hashes are decoded sixteen digits at once: each digit, in either case, at each of the
    // sixteen places gives the value HostUpdateStatus::parseHash gives, and a byte next to
    // the digit and letter ranges (or outside ASCII) at any place is refused.
    const auto body = [](const QByteArray &hash) -> QByteArray {
        return R"({"value":[{"extensions":{"host_name":"a","target_hash":")"_ba + hash
            + R"("}}]})"_ba;
    };
    const QByteArray digits = "0123456789abcdefABCDEF";
    for (int place = 0; place < 16; ++place) {
        for (const char digit : digits) {
            QByteArray hash(16, '5');
            hash[place] = digit;
            quint64 expected = 0;
            QVERIFY(HostUpdateStatus::parseHash(QString::fromLatin1(hash), &expected));
            ApiError error;
            const auto r = UpdateStatusParser::parse(body(hash), &error);
            QVERIFY2(r, qPrintable(error.detail));
            QCOMPARE(r->rows.at(0).targetHash, expected);
        }
        for (const char bad : QByteArray("/:@`gG \x7f\x80\xff", 11)) {
            QByteArray hash(16, 'a');
            hash[place] = bad;
            ApiError error;
            QVERIFY2(!UpdateStatusParser::parse(body(hash), &error),
                     qPrintable(u"byte %1 at place %2 accepted"_s.arg(int(uchar(bad))).arg(place)));
            QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
        }
    }
}

void TestUpdateStatusParser::keysAreStrict()
{
    // Keys are found sixteen bytes a step too; what JSON forbids in a key stays refused.
    ApiError error;
    QVERIFY(!UpdateStatusParser::parse("{\"value\":[{\"extensions\":{\"host\tname\":\"a\"}}]}"_ba,
                                       &error));
    QVERIFY2(error.detail.contains(u"control character in a key"_s), qPrintable(error.detail));
    QVERIFY(!UpdateStatusParser::parse(R"({"value":[{"extensions":{"host\u005fname":"a"}}]})"_ba,
                                       &error));
    QVERIFY2(error.detail.contains(u"escaped characters"_s), qPrintable(error.detail));
    QVERIFY(!UpdateStatusParser::parse(R"({"value":[{"extensions":{"host_name)"_ba, &error));
    QVERIFY2(error.detail.contains(u"end of the reply in a key"_s), qPrintable(error.detail));
}

void TestUpdateStatusParser::uniqueTextsStillRead()
{
    // A site whose check output differs on every host (a time in it, say): past the point
    // where pooling them is given up, every row still has its own text, and texts that repeat
    // (the site) are still shared.
    QByteArray body = "{\"value\":[";
    const int count = 6000;
    for (int i = 0; i < count; ++i) {
        body += (i ? "," : "") + R"({"extensions":{"host_name":"h)"_ba + QByteArray::number(i)
            + R"(","site":"prod","update_check_output":"checked at )"_ba + QByteArray::number(i)
            + R"("}})"_ba;
    }
    body += "]}";
    ApiError error;
    const auto r = UpdateStatusParser::parse(body, &error);
    QVERIFY2(r, qPrintable(error.summary()));
    QCOMPARE(r->rows.size(), size_t(count));
    for (int i = 0; i < count; ++i)
        QCOMPARE(r->rows[size_t(i)].checkOutput, u"checked at %1"_s.arg(i));
    QCOMPARE(r->rows.front().site.constData(), r->rows.back().site.constData());
}

void TestUpdateStatusParser::everyJsonNumberSkipped()
{
    // Fields the console does not know may hold any number JSON allows.
    ApiError error;
    const auto r = UpdateStatusParser::parse(
        R"({"value":[{"extensions":{"host_name":"a","f":[0,-0,1.5e-3,2E+10,0.25,-12,7e9]},"x":-0.0}],"y":1E2})"_ba,
        &error);
    QVERIFY2(r, qPrintable(error.detail));
    QCOMPARE(r->rows.at(0).hostName, u"a"_s);
}

QTEST_GUILESS_MAIN(TestUpdateStatusParser)
#include "tst_updatestatusparser.moc"
