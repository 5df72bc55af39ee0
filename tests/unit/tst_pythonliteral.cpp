#include <QTest>

#include "PythonLiteral.h"
#include "PythonTuple.h"

#include <limits>

using namespace Qt::StringLiterals;

class TestPythonLiteral final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readValues_data();
    void readValues();
    void malformed_data();
    void malformed();
    void writeCompact_data();
    void writeCompact();
    void roundTrip_data();
    void roundTrip();
    void writePretty();
    void writeRefuses_data();
    void writeRefuses();
    void updaterStateFile();
    void deepNesting();
};

static QVariant tuple(const QVariantList &items)
{
    return QVariant::fromValue(PythonTuple { items });
}

static QVariant none()
{
    return QVariant::fromValue(nullptr);
}

void TestPythonLiteral::readValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("int") << u"42"_s << QVariant(qint64(42));
    QTest::newRow("negative int") << u"-17"_s << QVariant(qint64(-17));
    QTest::newRow("plus int") << u"+5"_s << QVariant(qint64(5));
    QTest::newRow("sign then space") << u"- 5"_s << QVariant(qint64(-5));
    QTest::newRow("zero") << u"0"_s << QVariant(qint64(0));
    QTest::newRow("zeros") << u"000"_s << QVariant(qint64(0));
    QTest::newRow("underscores") << u"1_000_000"_s << QVariant(qint64(1000000));
    QTest::newRow("hex") << u"0xff"_s << QVariant(qint64(255));
    QTest::newRow("octal") << u"0o17"_s << QVariant(qint64(15));
    QTest::newRow("binary") << u"-0b101"_s << QVariant(qint64(-5));
    QTest::newRow("int64 max") << u"9223372036854775807"_s
                               << QVariant(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 min") << u"-9223372036854775808"_s
                               << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("float") << u"1.5"_s << QVariant(1.5);
    QTest::newRow("float no int part") << u".25"_s << QVariant(0.25);
    QTest::newRow("float no fraction") << u"3."_s << QVariant(3.0);
    QTest::newRow("exponent") << u"1e3"_s << QVariant(1000.0);
    QTest::newRow("negative exponent") << u"-2.5E-2"_s << QVariant(-0.025);
    QTest::newRow("True") << u"True"_s << QVariant(true);
    QTest::newRow("False") << u"False"_s << QVariant(false);
    QTest::newRow("None") << u"None"_s << none();
    QTest::newRow("single quoted") << u"'abc'"_s << QVariant(u"abc"_s);
    QTest::newRow("double quoted") << u"\"a'b\""_s << QVariant(u"a'b"_s);
    QTest::newRow("u prefix") << u"u'x'"_s << QVariant(u"x"_s);
    QTest::newRow("escapes") << uR"('a\nb\tc\'d\"e\\f')"_s
                             << QVariant(u"a\nb\tc'd\"e\\f"_s);
    QTest::newRow("hex escape") << uR"('\x41\x7f')"_s << QVariant(u"A\x7f"_s);
    QTest::newRow("unicode escape") << uR"('\u00fc\U0001F600')"_s
                                    << QVariant(u"\u00fc\U0001F600"_s);
    QTest::newRow("octal escape") << uR"('\0\101')"_s << QVariant(u"\u0000A"_s);
    QTest::newRow("raw unicode") << u"'m\u00fcller'"_s << QVariant(u"m\u00fcller"_s);
    QTest::newRow("implicit concatenation") << u"'ab' \"cd\"\n 'ef'"_s << QVariant(u"abcdef"_s);
    QTest::newRow("empty list") << u"[]"_s << QVariant(QVariantList());
    QTest::newRow("list") << u"[1, 'a', None]"_s
                          << QVariant(QVariantList { qint64(1), u"a"_s, none() });
    QTest::newRow("list trailing comma") << u"[1, 2,]"_s
                                         << QVariant(QVariantList { qint64(1), qint64(2) });
    QTest::newRow("empty tuple") << u"()"_s << tuple({});
    QTest::newRow("one tuple") << u"(1,)"_s << tuple({ qint64(1) });
    QTest::newRow("tuple") << u"('no_proxy', None)"_s << tuple({ u"no_proxy"_s, none() });
    QTest::newRow("parenthesised") << u"(('x'))"_s << QVariant(u"x"_s);
    QTest::newRow("empty dict") << u"{}"_s << QVariant(QVariantMap());
    QTest::newRow("dict") << u"{'b': 2, 'a': [True]}"_s
                          << QVariant(QVariantMap { { u"a"_s, QVariantList { true } },
                                                    { u"b"_s, qint64(2) } });
    QTest::newRow("comments and newlines")
        << u"# header\n{\n  'a': 1,  # one\n  # nothing\n  'b': (2, 3),\n}\n# end\n"_s
        << QVariant(QVariantMap { { u"a"_s, qint64(1) }, { u"b"_s, tuple({ qint64(2), qint64(3) }) } });
    QTest::newRow("line continuation") << u"[1, \\\n 2]"_s
                                       << QVariant(QVariantList { qint64(1), qint64(2) });
    QTest::newRow("nested") << u"{'proxy': ('explicit_proxy', {'server': 'p', 'port': 3128})}"_s
                            << QVariant(QVariantMap {
                                   { u"proxy"_s,
                                     tuple({ u"explicit_proxy"_s,
                                             QVariantMap { { u"server"_s, u"p"_s },
                                                           { u"port"_s, qint64(3128) } } }) } });
}

void TestPythonLiteral::readValues()
{
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    PythonLiteral::Error error;
    const QVariant value = PythonLiteral::read(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(value.typeId(), expected.typeId());
    QCOMPARE(value, expected);
}

void TestPythonLiteral::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << u"unexpected end of input, expected a value at line 1, column 1"_s;
    QTest::newRow("only comment") << u"# nothing"_s
                                  << u"unexpected end of input, expected a value at line 1, column 10"_s;
    QTest::newRow("dict missing comma")
        << u"{\n  'a': 1,\n  'b': 2 'c': 3}"_s
        << u"expected ',' or '}' after dict value at line 3, column 10"_s;
    QTest::newRow("dict unterminated") << u"{'a': 1"_s
                                       << u"expected ',' or '}' after dict value at line 1, column 8"_s;
    QTest::newRow("dict missing colon") << u"{'a' 1}"_s
                                        << u"expected ':' after dict key at line 1, column 6"_s;
    QTest::newRow("set") << u"{'a', 'b'}"_s
                         << u"sets are not supported, expected ':' after dict key at line 1, column 5"_s;
    QTest::newRow("int key") << u"{'a': 1, 2: 3}"_s
                             << u"dict keys must be strings at line 1, column 10"_s;
    QTest::newRow("tuple key") << u"{(1, 2): 3}"_s << u"dict keys must be strings at line 1, column 2"_s;
    QTest::newRow("duplicate key") << u"{'a': 1, 'a': 2}"_s
                                   << u"duplicate dict key 'a' at line 1, column 10"_s;
    QTest::newRow("dict missing value") << u"{'a': }"_s
                                        << u"expected a dict value, found '}' at line 1, column 7"_s;
    QTest::newRow("list missing comma") << u"[1 2]"_s
                                        << u"expected ',' or ']' after list item at line 1, column 4"_s;
    QTest::newRow("list unterminated") << u"[1, 2"_s
                                       << u"expected ',' or ']' after list item at line 1, column 6"_s;
    QTest::newRow("list double comma") << u"[1,,2]"_s
                                       << u"expected a list item or ']', found ',' at line 1, column 4"_s;
    QTest::newRow("tuple missing comma") << u"(1 2)"_s
                                         << u"expected ',' or ')' after tuple item at line 1, column 4"_s;
    QTest::newRow("closing mismatch") << u"[1)"_s
                                      << u"expected ',' or ']' after list item at line 1, column 3"_s;
    QTest::newRow("trailing garbage") << u"{} x"_s << u"unexpected 'x' after the value at line 1, column 4"_s;
    QTest::newRow("two values") << u"1 2"_s << u"unexpected '2' after the value at line 1, column 3"_s;
    QTest::newRow("name") << u"[foo]"_s
                          << u"unknown name 'foo': only True, False and None are allowed at line 1, column 2"_s;
    QTest::newRow("lowercase true") << u"true"_s
                                    << u"unknown name 'true': only True, False and None are allowed at line 1, column 1"_s;
    QTest::newRow("call") << u"set([1])"_s
                          << u"function call 'set(...)' is not a literal at line 1, column 1"_s;
    QTest::newRow("lambda") << u"lambda: 1"_s << u"lambda expressions are not literals at line 1, column 1"_s;
    QTest::newRow("bytes") << u"{'k': b'x'}"_s << u"bytes literals are not supported at line 1, column 7"_s;
    QTest::newRow("raw string") << u"r'x'"_s << u"string prefix 'r' is not supported at line 1, column 1"_s;
    QTest::newRow("f-string") << u"f'{x}'"_s << u"f-strings are not literals at line 1, column 1"_s;
    QTest::newRow("triple quotes") << u"'''x'''"_s
                                   << u"triple-quoted strings are not supported at line 1, column 1"_s;
    QTest::newRow("unterminated string") << u"['abc]"_s << u"unterminated string at line 1, column 2"_s;
    QTest::newRow("newline in string") << u"'ab\ncd'"_s << u"unterminated string at line 1, column 1"_s;
    QTest::newRow("bad escape") << uR"('a\qb')"_s
                                << uR"(unknown escape sequence '\q' in string at line 1, column 3)"_s;
    QTest::newRow("short hex escape") << uR"('\x4')"_s
                                      << uR"(truncated \x escape in string at line 1, column 2)"_s;
    QTest::newRow("bad unicode escape") << uR"('\u12g4')"_s
                                        << uR"(truncated \u escape in string at line 1, column 2)"_s;
    QTest::newRow("too big") << u"9223372036854775808"_s
                             << u"integer does not fit in 64 bits at line 1, column 1"_s;
    QTest::newRow("too small") << u"-9223372036854775809"_s
                               << u"integer does not fit in 64 bits at line 1, column 1"_s;
    QTest::newRow("leading zero") << u"012"_s
                                  << u"leading zeros in decimal integers are not permitted at line 1, column 1"_s;
    QTest::newRow("complex") << u"1j"_s << u"complex numbers are not supported at line 1, column 1"_s;
    QTest::newRow("bad exponent") << u"1e"_s << u"expected digits in the exponent at line 1, column 3"_s;
    QTest::newRow("lone minus") << u"-"_s << u"expected a number after '-' at line 1, column 2"_s;
    QTest::newRow("minus name") << u"-x"_s << u"expected a number after '-' at line 1, column 2"_s;
    QTest::newRow("double minus") << u"--1"_s << u"expected a number after '-' at line 1, column 2"_s;
    QTest::newRow("letter in number") << u"12ab"_s << u"unexpected 'a' in a number at line 1, column 3"_s;
    QTest::newRow("bad hex") << u"0xg"_s << u"invalid digit 'g' in a base-16 integer at line 1, column 3"_s;
    QTest::newRow("lone dot") << u"[.]"_s << u"expected a value, found '.' at line 1, column 2"_s;
    QTest::newRow("operator") << u"1 + 2"_s << u"unexpected '+' after the value at line 1, column 3"_s;
    QTest::newRow("inf name") << u"inf"_s
                              << u"unknown name 'inf': only True, False and None are allowed at line 1, column 1"_s;
    QTest::newRow("unexpected char") << u"[@]"_s
                                     << u"expected a list item or ']', found '@' at line 1, column 2"_s;
    QTest::newRow("error on third line")
        << u"{\n 'a': [1,\n  2,\n  3 4]}"_s
        << u"expected ',' or ']' after list item at line 4, column 5"_s;
}

void TestPythonLiteral::malformed()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    PythonLiteral::Error error;
    const QVariant value = PythonLiteral::read(text, &error);
    QVERIFY(error.isError());
    QVERIFY(!value.isValid());
    QCOMPARE(error.toString(), expected);
}

void TestPythonLiteral::writeCompact_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dict sorted")
        << QVariant(QVariantMap { { u"b"_s, QVariantList { true, none() } }, { u"a"_s, 1 } })
        << u"{'a': 1, 'b': [True, None]}"_s;
    QTest::newRow("invalid is None") << QVariant() << u"None"_s;
    QTest::newRow("quote choice") << QVariant(u"it's"_s) << u"\"it's\""_s;
    QTest::newRow("both quotes") << QVariant(u"it's \"x\""_s) << u"'it\\'s \"x\"'"_s;
    QTest::newRow("controls") << QVariant(u"a\nb\tc\\d\u0001\u007f"_s)
                              << u"'a\\nb\\tc\\\\d\\x01\\x7f'"_s;
    QTest::newRow("unicode kept") << QVariant(u"m\u00fcller"_s) << u"'m\u00fcller'"_s;
    QTest::newRow("one tuple") << tuple({ 1 }) << u"(1,)"_s;
    QTest::newRow("tuple") << tuple({ u"env_proxy"_s, none() }) << u"('env_proxy', None)"_s;
    QTest::newRow("empty tuple") << tuple({}) << u"()"_s;
    QTest::newRow("float") << QVariant(1.5) << u"1.5"_s;
    QTest::newRow("integral float") << QVariant(3.0) << u"3.0"_s;
    QTest::newRow("big float") << QVariant(1e20) << u"1e+20"_s;
    QTest::newRow("small float") << QVariant(1e-5) << u"1e-05"_s;
    QTest::newRow("string list") << QVariant(QStringList { u"a"_s, u"b"_s }) << u"['a', 'b']"_s;
    QTest::newRow("int64 min") << QVariant(std::numeric_limits<qint64>::min())
                               << u"-9223372036854775808"_s;
}

void TestPythonLiteral::writeCompact()
{
    QFETCH(QVariant, value);
    QFETCH(QString, expected);
    QString error;
    QCOMPARE(PythonLiteral::write(value, PythonLiteral::Style::Compact, &error), expected);
    QVERIFY(error.isEmpty());
}

void TestPythonLiteral::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("rule value")
        << u"{'activated': 'enabled', 'certificates': [], 'edition': 'bit64', 'interval': 3600, "
           "'proxy': ('explicit_proxy', {'port': 3128, 'server': 'proxy.example.com'}), "
           "'server_data': {'protocol': 'https', 'server': 'cmk.example.com', 'site': 'mysite', "
           "'usage': 'always'}, 'signature_keys': ['-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END "
           "CERTIFICATE-----\\n']}"_s;
    QTest::newRow("scalars") << u"[1, -2, 0.5, 'x', \"y'\", True, False, None, (), (1,)]"_s;
    QTest::newRow("nested empties") << u"{'a': {}, 'b': [], 'c': ()}"_s;
    QTest::newRow("escapes") << u"\"\\x00\\n\\\\'x\""_s;
}

void TestPythonLiteral::roundTrip()
{
    QFETCH(QString, text);
    PythonLiteral::Error error;
    const QVariant value = PythonLiteral::read(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const QString written = PythonLiteral::write(value);
    QCOMPARE(written, text); // the inputs are already in canonical form
    QCOMPARE(PythonLiteral::read(written), value);
    // Pretty output reads back to the same value too.
    const QString pretty = PythonLiteral::write(value, PythonLiteral::Style::Pretty);
    QCOMPARE(PythonLiteral::read(pretty, &error), value);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void TestPythonLiteral::writePretty()
{
    const QVariantMap value { { u"host_name"_s, u"web01"_s },
                              { u"last_check"_s, 1700000000.5 },
                              { u"local_certificates"_s, QVariantList { u"A"_s, u"B"_s } },
                              { u"proxy"_s, tuple({ u"no_proxy"_s, none() }) },
                              { u"empty"_s, QVariantMap() } };
    QCOMPARE(PythonLiteral::write(value, PythonLiteral::Style::Pretty),
             u"{\n"
             "    'empty': {},\n"
             "    'host_name': 'web01',\n"
             "    'last_check': 1700000000.5,\n"
             "    'local_certificates': [\n"
             "        'A',\n"
             "        'B',\n"
             "    ],\n"
             "    'proxy': (\n"
             "        'no_proxy',\n"
             "        None,\n"
             "    ),\n"
             "}"_s);
}

void TestPythonLiteral::writeRefuses_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("nan") << QVariant(std::numeric_limits<double>::quiet_NaN())
                         << u"nan has no Python literal"_s;
    QTest::newRow("infinity in list")
        << QVariant(QVariantList { 1, std::numeric_limits<double>::infinity() })
        << u"inf has no Python literal"_s;
    QTest::newRow("uint64") << QVariant(std::numeric_limits<quint64>::max())
                            << u"integer 18446744073709551615 does not fit in 64 bits"_s;
    QTest::newRow("bytes") << QVariant(QByteArray("x"))
                           << u"cannot write a value of type QByteArray as a Python literal"_s;
}

void TestPythonLiteral::writeRefuses()
{
    QFETCH(QVariant, value);
    QFETCH(QString, error);
    QString actual;
    QCOMPARE(PythonLiteral::write(value, PythonLiteral::Style::Compact, &actual), QString());
    QCOMPARE(actual, error);
}

void TestPythonLiteral::updaterStateFile()
{
    // The shape of /etc/cmk-update-agent.state as the updater writes it (pprint-style).
    const QString text = u"{'host_name': 'web01',\n"
                         " 'host_secret': 'abc',\n"
                         " 'installed_aghash': None,\n"
                         " 'last_check': 1712345678.25,\n"
                         " 'last_error': \"Couldn't connect\",\n"
                         " 'local_certificates': [],\n"
                         " 'protocol': 'https'}\n"_s;
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::read(text, &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(state.value(u"host_name"_s).toString(), u"web01"_s);
    QCOMPARE(state.value(u"last_check"_s).toDouble(), 1712345678.25);
    QCOMPARE(state.value(u"last_error"_s).toString(), u"Couldn't connect"_s);
    QVERIFY(state.value(u"installed_aghash"_s).isNull());
    QCOMPARE(state.value(u"installed_aghash"_s).typeId(), int(QMetaType::Nullptr));
}

void TestPythonLiteral::deepNesting()
{
    const QString ok = QString(PythonLiteral::maxDepth, u'[') + QString(PythonLiteral::maxDepth, u']');
    PythonLiteral::Error error;
    PythonLiteral::read(ok, &error);
    QVERIFY(!error.isError());
    const QString tooDeep = QString(100000, u'[');
    PythonLiteral::read(tooDeep, &error);
    QCOMPARE(error.message, u"nesting deeper than %1 levels"_s.arg(PythonLiteral::maxDepth));
    QCOMPARE(error.column, PythonLiteral::maxDepth + 2);
}

QTEST_GUILESS_MAIN(TestPythonLiteral)
#include "tst_pythonliteral.moc"
