// DisplayText::sanitized: what a site or a certificate says is shown escaped and capped.
#include <QTest>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

class TestDisplayText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapes_data();
    void escapes();
    void keepsNewlinesWhenAsked();
    void capsLength();
    void capsMegabyteLineFast();
    void neverSplitsAPairOrAnEscape();
    void bytesAreReadAsUtf8();
    void cleanTextUnchanged();
    void longRunsBroken();
};

void TestDisplayText::escapes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Host web01 does not exist"_s << u"Host web01 does not exist"_s;
    QTest::newRow("ESC colour") << u"\x1b[31mred\x1b[0m"_s << u"\\x1B[31mred\\x1B[0m"_s;
    QTest::newRow("OSC title") << u"\x1b]0;pwned\x07 ok"_s << u"\\x1B]0;pwned\\x07 ok"_s;
    QTest::newRow("clear screen") << u"\x1b[2J\x1b[H"_s << u"\\x1B[2J\\x1B[H"_s;
    QTest::newRow("NUL and BEL") << QString::fromUtf16(u"a\0b\ac", 5) << u"a\\x00b\\x07c"_s;
    QTest::newRow("carriage return hides the line") << u"ok\rfake"_s << u"ok\\x0Dfake"_s;
    QTest::newRow("backspace") << u"secret\b\b\b"_s << u"secret\\x08\\x08\\x08"_s;
    QTest::newRow("DEL") << u"a\x7f"_s << u"a\\x7F"_s;
    QTest::newRow("C1 CSI") << u"a\u009b31mb"_s << u"a\\x9B31mb"_s;
    QTest::newRow("C1 NEL") << u"a\u0085b"_s << u"a\\x85b"_s;
    QTest::newRow("bidi override") << u"exe.\u202Etxt"_s << u"exe.\\u202Etxt"_s;
    QTest::newRow("bidi isolate") << u"a\u2066b\u2069"_s << u"a\\u2066b\\u2069"_s;
    QTest::newRow("zero width") << u"adm\u200Bin"_s << u"adm\\u200Bin"_s;
    QTest::newRow("newline in one line") << u"line1\nline2"_s << u"line1 line2"_s;
    QTest::newRow("tab") << u"a\tb"_s << u"a b"_s;
    QTest::newRow("non-ASCII stays") << u"Größe 日本 😀"_s << u"Größe 日本 😀"_s;
    QTest::newRow("lone surrogate")
        << QString(QChar(0xD800)) + u"x"_s << QString(QChar(QChar::ReplacementCharacter)) + u"x"_s;
    QTest::newRow("non-character") << u"a\uFFFEb"_s << u"a\\uFFFEb"_s;
}

void TestDisplayText::escapes()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString out = DisplayText::sanitized(input);
    QCOMPARE(out, expected);
    for (const QChar c : out) {
        QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x7F);
        QVERIFY(c.unicode() < 0x80 || c.unicode() > 0x9F);
        QVERIFY(c.unicode() != 0x202E);
    }
    // isClean() allows line breaks (labels wrap); sanitized() by default makes one line.
    if (!input.contains(u'\n'))
        QCOMPARE(DisplayText::isClean(input), input == expected);
}

void TestDisplayText::keepsNewlinesWhenAsked()
{
    QCOMPARE(DisplayText::sanitized(u"a\nb\x1b[1m"_s, 100, DisplayText::Newlines::Keep),
             u"a\nb\\x1B[1m"_s);
    QCOMPARE(DisplayText::sanitized(u"a\r\nb"_s, 100, DisplayText::Newlines::Keep), u"a\\x0D\nb"_s);
}

void TestDisplayText::capsLength()
{
    const QString longText(5000, u'a');
    const QString out = DisplayText::sanitized(longText, 100);
    QCOMPARE(out.size(), 100);
    QVERIFY(out.endsWith(QChar(0x2026)));
    QCOMPARE(DisplayText::sanitized(QString(100, u'b'), 100), QString(100, u'b'));
    QCOMPARE(DisplayText::sanitized(QString(101, u'b'), 100).size(), 100);
    // Escapes count towards the cap.
    const QString escapes = DisplayText::sanitized(QString(1000, QChar(0x1b)), 50);
    QVERIFY(escapes.size() <= 50);
    QVERIFY(escapes.startsWith(u"\\x1B\\x1B"_s));
}

void TestDisplayText::capsMegabyteLineFast()
{
    // A megabyte line of escape sequences becomes a short one: the work is bounded by the cap,
    // not by the input (checked by the size of the result, not by a clock).
    QByteArray megabyte;
    while (megabyte.size() < 1024 * 1024)
        megabyte += "\x1b[31m\x1b]0;title\x07";
    const QString out = DisplayText::sanitized(megabyte, 300);
    QVERIFY(out.size() <= 300);
    QVERIFY(!out.contains(QChar(0x1b)));
    QVERIFY(!out.contains(QChar(0x07)));
    QVERIFY(out.endsWith(QChar(0x2026)));
}

void TestDisplayText::neverSplitsAPairOrAnEscape()
{
    // An emoji is two UTF-16 units: the cut falls before it, never inside.
    const QString emojis = QString(u"😀"_s).repeated(100);
    for (qsizetype max = 2; max < 20; ++max) {
        const QString out = DisplayText::sanitized(emojis, max);
        QVERIFY(out.size() <= max);
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (out.at(i).isHighSurrogate())
                QVERIFY(i + 1 < out.size() && out.at(i + 1).isLowSurrogate());
        }
        const QString esc = DisplayText::sanitized(QString(100, QChar(0x1b)), max);
        QVERIFY(esc.size() <= max);
        QCOMPARE(esc.count(u"\\x1B"_s) * 4 + 1, esc.size()); // whole escapes and the ellipsis
    }
}

void TestDisplayText::bytesAreReadAsUtf8()
{
    QCOMPARE(DisplayText::sanitized("Gr\xc3\xb6\xc3\x9f"
                                    "e \x1b[0m"_ba),
             u"Größe \\x1B[0m"_s);
    const QString invalid = DisplayText::sanitized("a\xff\xfe b"_ba);
    QVERIFY(invalid.startsWith(u'a'));
    QVERIFY(invalid.endsWith(u" b"_s));
}

void TestDisplayText::cleanTextUnchanged()
{
    const QString text = u"The site refused the registration: Host web01 does not exist."_s;
    QCOMPARE(DisplayText::sanitized(text), text);
    QVERIFY(DisplayText::isClean(text));
    QVERIFY(!DisplayText::isClean(u"\x1b[0m"_s));
}

void TestDisplayText::longRunsBroken()
{
    QCOMPARE(DisplayText::breakLongRuns(u"short words stay"_s, 5), u"short words stay"_s);
    QCOMPARE(DisplayText::breakLongRuns(u"abcdefghij"_s, 4), u"abcd\nefgh\nij"_s);
    QCOMPARE(DisplayText::breakLongRuns(u"ab cdefgh"_s, 3), u"ab cde\nfgh"_s);
    // Never between the halves of a surrogate pair.
    const QString emojis = QString(u"😀"_s).repeated(5);
    const QString broken = DisplayText::breakLongRuns(emojis, 3);
    for (qsizetype i = 0; i < broken.size(); ++i) {
        if (broken.at(i) == u'\n')
            QVERIFY(i + 1 < broken.size() && broken.at(i + 1).isHighSurrogate());
    }
}

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
