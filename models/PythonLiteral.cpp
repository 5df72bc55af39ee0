#include "PythonLiteral.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

class Reader
{
    // The context lupdate files these texts under (the class is an implementation detail).
    Q_DECLARE_TR_FUNCTIONS(PythonLiteral)

public:
    Reader(QStringView text, PythonLiteral::Error *error)
        : m_text(text)
        , m_error(error)
    { }

    QVariant document()
    {
        skipSpace();
        QVariant v = value(0);
        if (failed())
            return {};
        skipSpace();
        if (m_pos < m_text.size())
            return fail(tr("expected the end of the text after the value"));
        return v;
    }

private:
    bool failed() const { return m_error->isError(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }

    QVariant fail(const QString &message)
    {
        if (failed())
            return {};
        m_error->offset = m_pos;
        m_error->line = 1;
        m_error->column = 1;
        for (qsizetype i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text.at(i) == u'\n') {
                ++m_error->line;
                m_error->column = 1;
            } else {
                ++m_error->column;
            }
        }
        m_error->message = message;
        return {};
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'#') {
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (c.isSpace()) {
                ++m_pos;
            } else {
                break;
            }
        }
    }

    QVariant value(int depth)
    {
        if (depth > 200)
            return fail(tr("nesting is too deep"));
        skipSpace();
        const QChar c = peek();
        if (c.isNull())
            return fail(tr("expected a value, found the end of the text"));
        if (c == u'{')
            return dict(depth);
        if (c == u'[')
            return sequence(depth, u']', false);
        if (c == u'(')
            return sequence(depth, u')', true);
        if (c == u'\'' || c == u'"'
            || ((c == u'u' || c == u'U') && (peek(1) == u'\'' || peek(1) == u'"')))
            return strings();
        if (c == u'-' || c == u'+' || c == u'.' || c.isDigit())
            return number();
        if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size()
                   && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
                ++m_pos;
            const QStringView word = m_text.sliced(start, m_pos - start);
            if (word == u"True")
                return true;
            if (word == u"False")
                return false;
            if (word == u"None")
                return QVariant();
            m_pos = start;
            if ((word == u"b" || word == u"B" || word == u"rb" || word == u"br")
                && (peek(word.size()) == u'\'' || peek(word.size()) == u'"'))
                return fail(tr("bytes literals are not supported"));
            return fail(tr("expected a value (dict, list, tuple, string, number, True, False or "
                           "None), found the name '%1'")
                            .arg(word.toString()));
        }
        return fail(tr("expected a value, found '%1'").arg(c));
    }

    QVariant dict(int depth)
    {
        ++m_pos; // {
        QVariantMap map;
        skipSpace();
        if (peek() == u'}') {
            ++m_pos;
            return map;
        }
        for (;;) {
            skipSpace();
            const qsizetype keyPos = m_pos;
            const QVariant key = value(depth + 1);
            if (failed())
                return {};
            if (key.typeId() != QMetaType::QString) {
                m_pos = keyPos;
                return fail(tr("expected a string as dict key"));
            }
            skipSpace();
            if (peek() != u':')
                return fail(tr("expected ':' after a dict key"));
            ++m_pos;
            const QVariant v = value(depth + 1);
            if (failed())
                return {};
            map.insert(key.toString(), v);
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                skipSpace();
                if (peek() == u'}') {
                    ++m_pos;
                    return map;
                }
                continue;
            }
            if (peek() == u'}') {
                ++m_pos;
                return map;
            }
            return fail(tr("expected ',' or '}' after a dict value"));
        }
    }

    QVariant sequence(int depth, QChar close, bool tuple)
    {
        ++m_pos;
        QVariantList items;
        bool sawComma = false;
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            return tuple ? QVariant::fromValue(PythonTuple { items }) : QVariant(items);
        }
        for (;;) {
            items << value(depth + 1);
            if (failed())
                return {};
            skipSpace();
            if (peek() == u',') {
                sawComma = true;
                ++m_pos;
                skipSpace();
                if (peek() == close) {
                    ++m_pos;
                    break;
                }
                continue;
            }
            if (peek() == close) {
                ++m_pos;
                break;
            }
            return fail(tuple ? tr("expected ',' or ')' in a tuple")
                              : tr("expected ',' or ']' in a list"));
        }
        if (tuple && items.size() == 1 && !sawComma)
            return items.first(); // (x) is just x in parentheses
        return tuple ? QVariant::fromValue(PythonTuple { items }) : QVariant(items);
    }

    QVariant strings()
    {
        // Adjacent literals concatenate, as in Python.
        QString out;
        do {
            if (!string(&out))
                return {};
            skipSpace();
        } while (peek() == u'\'' || peek() == u'"'
                 || ((peek() == u'u' || peek() == u'U') && (peek(1) == u'\'' || peek(1) == u'"')));
        return out;
    }

    bool string(QString *out)
    {
        if (peek() == u'u' || peek() == u'U')
            ++m_pos;
        const QChar quote = peek();
        const bool triple = peek(1) == quote && peek(2) == quote;
        m_pos += triple ? 3 : 1;
        for (;;) {
            if (m_pos >= m_text.size()) {
                fail(tr("unterminated string"));
                return false;
            }
            const QChar c = m_text.at(m_pos);
            if (c == quote) {
                if (!triple) {
                    ++m_pos;
                    return true;
                }
                if (peek(1) == quote && peek(2) == quote) {
                    m_pos += 3;
                    return true;
                }
            }
            if (c == u'\n' && !triple) {
                fail(tr("unterminated string: line break inside a string"));
                return false;
            }
            if (c != u'\\') {
                *out += c;
                ++m_pos;
                continue;
            }
            const QChar e = peek(1);
            m_pos += 2;
            switch (e.unicode()) {
            case u'\\':
                *out += u'\\';
                break;
            case u'\'':
                *out += u'\'';
                break;
            case u'"':
                *out += u'"';
                break;
            case u'n':
                *out += u'\n';
                break;
            case u'r':
                *out += u'\r';
                break;
            case u't':
                *out += u'\t';
                break;
            case u'0':
                *out += QChar(0);
                break;
            case u'a':
                *out += QChar(7);
                break;
            case u'b':
                *out += QChar(8);
                break;
            case u'f':
                *out += QChar(12);
                break;
            case u'v':
                *out += QChar(11);
                break;
            case u'\n':
                break; // line continuation
            case u'x':
            case u'u':
            case u'U': {
                const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
                bool ok = m_pos + digits <= m_text.size();
                const uint code = ok ? m_text.sliced(m_pos, digits).toString().toUInt(&ok, 16) : 0;
                if (!ok || code > 0x10FFFF) {
                    m_pos -= 2;
                    fail(tr("expected %1 hex digits after \\%2").arg(digits).arg(e));
                    return false;
                }
                m_pos += digits;
                *out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
                break;
            }
            default:
                m_pos -= 2;
                fail(tr("unknown escape sequence '\\%1'").arg(e));
                return false;
            }
        }
    }

    QVariant number()
    {
        const qsizetype start = m_pos;
        if (peek() == u'-' || peek() == u'+')
            ++m_pos;
        bool isFloat = false;
        bool digits = false;
        while (peek().isDigit() || peek() == u'_') {
            digits = true;
            ++m_pos;
        }
        if (peek() == u'.') {
            isFloat = true;
            ++m_pos;
            while (peek().isDigit()) {
                digits = true;
                ++m_pos;
            }
        }
        if (!digits)
            return fail(tr("expected a number"));
        if (peek() == u'e' || peek() == u'E') {
            isFloat = true;
            ++m_pos;
            if (peek() == u'-' || peek() == u'+')
                ++m_pos;
            if (!peek().isDigit())
                return fail(tr("expected digits in the exponent"));
            while (peek().isDigit())
                ++m_pos;
        }
        if (peek().isLetter() || peek() == u'_')
            return fail(tr("unexpected '%1' after a number").arg(peek()));
        QString literal = m_text.sliced(start, m_pos - start).toString();
        literal.remove(u'_');
        bool ok = false;
        if (isFloat) {
            const double d = literal.toDouble(&ok);
            if (ok)
                return d;
        } else {
            const qlonglong n = literal.toLongLong(&ok);
            if (ok)
                return n;
            m_pos = start;
            return fail(tr("integer out of range (64 bit)"));
        }
        m_pos = start;
        return fail(tr("expected a number"));
    }

    QStringView m_text;
    PythonLiteral::Error *m_error;
    qsizetype m_pos = 0;
};

QString quote(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'\'';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\'':
            out += u"\\'"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x%1"_s.arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'\'';
    return out;
}

void writeValue(const QVariant &v, int indent, int level, QString *out)
{
    const QString pad = indent > 0 ? QString(indent * (level + 1), u' ') : QString();
    const QString closePad = indent > 0 ? QString(indent * level, u' ') : QString();
    const QString sep = indent > 0 ? u",\n"_s : u", "_s;
    if (v.isNull() && v.typeId() != QMetaType::QString) {
        *out += u"None"_s;
        return;
    }
    if (v.typeId() == qMetaTypeId<PythonTuple>()) {
        const QVariantList items = v.value<PythonTuple>().items;
        *out += u'(';
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                *out += u", "_s;
            writeValue(items.at(i), 0, 0, out);
        }
        if (items.size() == 1)
            *out += u',';
        *out += u')';
        return;
    }
    switch (v.typeId()) {
    case QMetaType::Bool:
        *out += v.toBool() ? u"True"_s : u"False"_s;
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        *out += QString::number(v.toLongLong());
        return;
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (std::isnan(d) || std::isinf(d)) {
            *out += u"None"_s; // not expressible as a literal
            return;
        }
        QString s = QString::number(d, 'g', 17);
        if (!s.contains(u'.') && !s.contains(u'e') && !s.contains(u'n'))
            s += u".0"_s;
        *out += s;
        return;
    }
    case QMetaType::QString:
        *out += quote(v.toString());
        return;
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        const QVariantList items = v.toList();
        if (items.isEmpty()) {
            *out += u"[]"_s;
            return;
        }
        *out += indent > 0 ? u"[\n"_s : u"["_s;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                *out += sep;
            *out += pad;
            writeValue(items.at(i), indent, level + 1, out);
        }
        *out += indent > 0 ? u"\n"_s + closePad + u']' : u"]"_s;
        return;
    }
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash: {
        const QVariantMap map = v.toMap();
        if (map.isEmpty()) {
            *out += u"{}"_s;
            return;
        }
        *out += indent > 0 ? u"{\n"_s : u"{"_s;
        bool first = true;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!first)
                *out += sep;
            first = false;
            *out += pad + quote(it.key()) + u": "_s;
            writeValue(it.value(), indent, level + 1, out);
        }
        *out += indent > 0 ? u"\n"_s + closePad + u'}' : u"}"_s;
        return;
    }
    default:
        *out += quote(v.toString());
    }
}

} // namespace

QString PythonLiteral::Error::toString() const
{
    return QCoreApplication::translate("PythonLiteral", "line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(message);
}

QVariant PythonLiteral::parse(QStringView text, Error *error)
{
    Error local;
    Error *e = error ? error : &local;
    *e = Error();
    Reader reader(text, e);
    return reader.document();
}

QString PythonLiteral::write(const QVariant &value, int indent)
{
    QString out;
    writeValue(value, indent, 0, &out);
    return out;
}
