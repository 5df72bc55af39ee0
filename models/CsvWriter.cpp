#include "CsvWriter.h"

using namespace Qt::StringLiterals;

bool CsvWriter::isDangerous(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString CsvWriter::field(const QString &text)
{
    const QString safe = isDangerous(text) ? u'\'' + text : text;
    if (!safe.contains(u',') && !safe.contains(u'"') && !safe.contains(u'\n')
        && !safe.contains(u'\r') && !safe.contains(u'\t') && !safe.startsWith(u'\''))
        return safe;
    QString quoted = safe;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray CsvWriter::record(const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells)
        fields << field(cell);
    return fields.join(u',').toUtf8() + "\r\n";
}
