// CSV cells from host-supplied text: a reader following RFC 4180 gets every cell back (with the
// neutralising apostrophe in front of a dangerous one), and no cell a spreadsheet reads starts
// with a formula character.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include "CsvWriter.h"
#include "FuzzCheck.h"

namespace {

// A strict RFC 4180 reader for one record (CRLF at the end).
QStringList readRecord(const QString &text)
{
    QStringList cells;
    QString cell;
    qsizetype i = 0;
    bool quoted = false;
    bool started = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                continue;
            }
            cell += c;
            ++i;
            continue;
        }
        if (c == u'"' && !started) {
            quoted = true;
            started = true;
            ++i;
            continue;
        }
        if (c == u',') {
            cells << cell;
            cell.clear();
            started = false;
            ++i;
            continue;
        }
        if (c == u'\r' && i + 2 == text.size() && text.at(i + 1) == u'\n') {
            cells << cell;
            return cells;
        }
        FUZZ_CHECK(c != u'"' && c != u'\n' && c != u'\r');
        cell += c;
        started = true;
        ++i;
    }
    FUZZ_CHECK(false); // no CRLF at the end
    return cells;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    // The input split at NUL bytes gives several cells of one record.
    const QStringList cells = text.split(QChar(u'\0'));
    const QByteArray record = CsvWriter::record(cells);
    const QStringList back = readRecord(QString::fromUtf8(record));
    FUZZ_CHECK(back.size() == cells.size());
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString expected
            = CsvWriter::isDangerous(cells.at(i)) ? u'\'' + cells.at(i) : cells.at(i);
        FUZZ_CHECK(back.at(i) == expected);
        FUZZ_CHECK(!CsvWriter::isDangerous(back.at(i)));
    }
    return 0;
}
