#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Writes CSV (RFC 4180, CRLF line ends, UTF-8) that is safe to open in a spreadsheet. Cells
// hold texts that monitored hosts and sites supply (host names, agent output, error texts), so
// a cell that a spreadsheet would read as a formula or command (leading =, +, -, @, tab or
// carriage return) is neutralised with a leading apostrophe, the convention spreadsheets show
// as plain text (OWASP "CSV injection").
class CsvWriter final
{
public:
    // One cell: neutralised, then quoted when it holds a separator, quote or line break.
    static QString field(const QString &text);
    // Whether a spreadsheet would interpret the text rather than show it.
    static bool isDangerous(const QString &text);
    // One record with its CRLF, UTF-8.
    static QByteArray record(const QStringList &cells);
};
