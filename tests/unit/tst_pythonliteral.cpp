#include <QTest>

#include "PythonLiteral.h"

using namespace Qt::StringLiterals;

class TestPythonLiteral final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void stateFile();
    void prettyRoundTrip();
};

void TestPythonLiteral::values_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("int") << u"42"_s << QVariant(qlonglong(42));
    QTest::newRow("negative") << u"-7"_s << QVariant(qlonglong(-7));
    QTest::newRow("float") << u"3.5"_s << QVariant(3.5);
    QTest::newRow("exponent") << u"1e3"_s << QVariant(1000.0);
    QTest::newRow("true") << u"True"_s << QVariant(true);
    QTest::newRow("false") << u"False"_s << QVariant(false);
    QTest::newRow("none") << u"None"_s << QVariant();
    QTest::newRow("single quoted") << u"'it\\'s'"_s << QVariant(u"it's"_s);
    QTest::newRow("double quoted") << u"\"a\\\"b\""_s << QVariant(u"a\"b"_s);
    QTest::newRow("escapes") << uR"('a\nb\t\\\x41\u00e4')"_s << QVariant(u"a\nb\t\\A\u00e4"_s);
    QTest::newRow("unicode prefix") << u"u'web'"_s << QVariant(u"web"_s);
    QTest::newRow("concatenation") << u"'ab' 'cd'"_s << QVariant(u"abcd"_s);
    QTest::newRow("list") << u"[1, 'a', None]"_s
                          << QVariant(QVariantList { qlonglong(1), u"a"_s, QVariant() });
    QTest::newRow("trailing comma")
        << u"[1, 2,]"_s << QVariant(QVariantList { qlonglong(1), qlonglong(2) });
    QTest::newRow("tuple") << u"('a', 1)"_s
                           << QVariant::fromValue(PythonTuple { { u"a"_s, qlonglong(1) } });
    QTest::newRow("one tuple") << u"('a',)"_s << QVariant::fromValue(PythonTuple { { u"a"_s } });
    QTest::newRow("parentheses") << u"('a')"_s << QVariant(u"a"_s);
    QTest::newRow("empty tuple") << u"()"_s << QVariant::fromValue(PythonTuple {});
    QTest::newRow("dict") << u"{'a': {'b': [True]}}"_s
                          << QVariant(QVariantMap {
                                 { u"a"_s, QVariantMap { { u"b"_s, QVariantList { true } } } } });
    QTest::newRow("comments") << u"{ # the server\n 'server': 'mon' # here\n}"_s
                              << QVariant(QVariantMap { { u"server"_s, u"mon"_s } });
}

void TestPythonLiteral::values()
{
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    PythonLiteral::Error error;
    const QVariant v = PythonLiteral::parse(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(v, expected);
    QCOMPARE(v.typeId(), expected.typeId());
}

void TestPythonLiteral::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("updater rule")
        << uR"({'activated': True, 'certificates': [], 'edition': 'bit64', 'interval': 3600, 'proxy': ('no_proxy', None), 'server_data': {'protocol': 'https', 'server': 'mon.example.com', 'site': 'prod', 'usage': 'always'}, 'signature_keys': ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n']})"_s;
    QTest::newRow("nested tuples") << u"(('a', 1), (2.5,), [])"_s;
    QTest::newRow("quotes") << uR"(['it\'s', 'a "b"', '\\'])"_s;
    QTest::newRow("floats") << u"[0.5, -1.25, 1e+100]"_s;
    QTest::newRow("control") << uR"('\x00\x1f\n')"_s;
}

void TestPythonLiteral::roundTrip()
{
    QFETCH(QString, text);
    PythonLiteral::Error error;
    const QVariant v = PythonLiteral::parse(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const QString written = PythonLiteral::write(v);
    const QVariant again = PythonLiteral::parse(written, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString() + u" in "_s + written));
    QCOMPARE(again, v);
    QCOMPARE(PythonLiteral::write(again), written);
}

void TestPythonLiteral::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << 1 << 1 << u"expected a value"_s;
    QTest::newRow("missing comma") << u"{'a': 1\n 'b': 2}"_s << 2 << 2 << u"expected ',' or '}'"_s;
    QTest::newRow("missing colon") << u"{'a' 1}"_s << 1 << 6 << u"expected ':'"_s;
    QTest::newRow("int key") << u"{1: 2}"_s << 1 << 2 << u"expected a string as dict key"_s;
    QTest::newRow("name") << u"{'a': os}"_s << 1 << 7 << u"found the name 'os'"_s;
    QTest::newRow("call") << u"__import__('os')"_s << 1 << 1 << u"found the name '__import__'"_s;
    QTest::newRow("set") << u"{'a', 'b'}"_s << 1 << 5 << u"expected ':'"_s;
    QTest::newRow("bytes") << u"b'x'"_s << 1 << 1 << u"bytes literals are not supported"_s;
    QTest::newRow("unterminated") << u"'abc"_s << 1 << 5 << u"unterminated string"_s;
    QTest::newRow("newline in string") << u"'ab\ncd'"_s << 1 << 4 << u"line break"_s;
    QTest::newRow("bad escape") << uR"('\q')"_s << 1 << 2 << u"unknown escape"_s;
    QTest::newRow("short hex") << uR"('\x4')"_s << 1 << 2 << u"hex digits"_s;
    QTest::newRow("trailing") << u"1 2"_s << 1 << 3 << u"expected the end"_s;
    QTest::newRow("unclosed list") << u"[1, 2"_s << 1 << 6 << u"expected ',' or ']'"_s;
    QTest::newRow("too big") << u"99999999999999999999"_s << 1 << 1 << u"out of range"_s;
    QTest::newRow("lambda") << u"lambda: 1"_s << 1 << 1 << u"found the name 'lambda'"_s;
    QTest::newRow("bad exponent") << u"1e"_s << 1 << 3 << u"exponent"_s;
}

void TestPythonLiteral::malformed()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    PythonLiteral::Error error;
    const QVariant v = PythonLiteral::parse(text, &error);
    QVERIFY(error.isError());
    QVERIFY(!v.isValid());
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(error.toString().startsWith(u"line %1, column %2: "_s.arg(line).arg(column)));
}

void TestPythonLiteral::stateFile()
{
    // As cmk-update-agent writes /etc/cmk-update-agent.state.
    const QString text = uR"({'host_name': 'web01',
 'host_secret': 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl',
 'installed_aghash': '0123456789abcdef',
 'last_check': 1732448221.312,
 'last_error': None,
 'last_update': 1732448100.0,
 'local_certificates': [],
 'protocol': 'https',
 'server': 'mon.example.com',
 'site': 'prod',
 'user': 'automation'})"_s;
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::parse(text, &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(state.value(u"host_secret"_s).toString().size(), 64);
    QCOMPARE(state.value(u"last_check"_s).toDouble(), 1732448221.312);
    QVERIFY(state.value(u"last_error"_s).isNull());
}

void TestPythonLiteral::prettyRoundTrip()
{
    const QVariantMap value { { u"a"_s,
                                QVariantList { qlonglong(1), QVariantMap { { u"b"_s, true } } } },
                              { u"c"_s, QVariant() } };
    const QString pretty = PythonLiteral::write(value, 4);
    QVERIFY(pretty.contains(u"\n    'a': [\n"_s));
    PythonLiteral::Error error;
    QCOMPARE(PythonLiteral::parse(pretty, &error), QVariant(value));
    QVERIFY(!error.isError());
}

QTEST_GUILESS_MAIN(TestPythonLiteral)
#include "tst_pythonliteral.moc"
