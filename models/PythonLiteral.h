#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVariantList>

// A Python tuple, kept apart from lists so that values round-trip unchanged.
struct PythonTuple
{
    QVariantList items;
    bool operator==(const PythonTuple &other) const { return items == other.items; }
};
Q_DECLARE_METATYPE(PythonTuple)

// A strict reader and writer of Python literals, as Checkmk writes rule values (value_raw) and
// the updater writes its .cfg and .state files: dict (string keys), list, tuple, str, int,
// float, True, False and None. Anything else is refused with the position and what was
// expected. Values map to QVariant: QVariantMap, QVariantList, PythonTuple, QString, qlonglong,
// double, bool, and a null QVariant for None.
class PythonLiteral final
{
public:
    struct Error
    {
        qsizetype offset = -1;
        int line = 0; // 1-based
        int column = 0; // 1-based
        QString message;

        bool isError() const { return offset >= 0; }
        // "line 3, column 14: expected ',' or '}' after a dict value"
        QString toString() const;
    };

    static QVariant parse(QStringView text, Error *error);
    // Python's repr of the value; with indent > 0 dicts and lists are spread over lines.
    static QString write(const QVariant &value, int indent = 0);
};
