#pragma once

#include <QString>
#include <QStringView>
#include <QVariant>

// Strict reader and writer of Python literals: Checkmk's rule `value_raw` and the agent
// updater's .cfg/.state files. Anything literal_eval would not accept, and some things it
// would (bytes, sets, complex numbers, non-string dict keys), is refused with a precise error.
//
// Mapping: dict <-> QVariantMap (string keys only; the writer emits keys sorted, so output is
// deterministic and a dict's meaning, which does not depend on order, is kept), list <->
// QVariantList (QStringList is written as a list too), tuple <-> PythonTuple, str <-> QString,
// int <-> qint64, float <-> double, True/False <-> bool, None <-> QVariant::fromValue(nullptr)
// (an invalid QVariant is written as None as well).
class PythonLiteral final
{
public:
    struct Error
    {
        qsizetype offset = -1; // UTF-16 offset into the text, -1 when there is no error
        int line = 0; // 1-based
        int column = 0; // 1-based, in UTF-16 code units
        QString message; // "expected ',' or '}' after dict value"

        bool isError() const { return offset >= 0; }
        // "expected ',' or '}' after dict value at line 3, column 14"
        QString toString() const;
    };

    enum class Style {
        Compact, // {'a': 1, 'b': [True, None]}
        Pretty, // one item a line, indented by four spaces, for files people read
    };

    // Returns the value, or an invalid QVariant and fills *error.
    static QVariant read(QStringView text, Error *error = nullptr);

    // Returns the literal, or an empty string and fills *error for values that have no
    // Python literal (NaN, infinities, unsupported types, numbers beyond qint64).
    static QString write(const QVariant &value, Style style = Style::Compact,
                         QString *error = nullptr);

    // Python's repr() of a string: single quotes unless the text holds ' and no ".
    static QString quote(QStringView text);

    static constexpr int maxDepth = 200;
};
