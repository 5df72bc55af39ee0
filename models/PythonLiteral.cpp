#include "PythonLiteral.h"

#include "PythonTuple.h"

#include <QStringList>

#include <cctype>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

QString PythonLiteral::Error::toString() const
{
    if (!isError())
        return {};
    return u"%1 at line %2, column %3"_s.arg(message).arg(line).arg(column);
}

namespace {

// Recursive descent over the text; the first error stops everything and keeps its offset.
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_text(text)
    { }

    QVariant run(PythonLiteral::Error *error)
    {
        skipSpace();
        QVariant value;
        if (!failed()) {
            value = parseValue(u"a value"_s, 0);
            if (!failed()) {
                skipSpace();
                if (!failed() && !atEnd())
                    fail(m_pos, u"unexpected %1 after the value"_s.arg(describe(m_pos)));
            }
        }
        if (failed()) {
            if (error) {
                *error = m_error;
                int line = 1;
                qsizetype lineStart = 0;
                for (qsizetype i = 0; i < m_error.offset && i < m_text.size(); ++i) {
                    if (m_text[i] == u'\n') {
                        ++line;
                        lineStart = i + 1;
                    }
                }
                error->line = line;
                error->column = int(m_error.offset - lineStart + 1);
            }
            return {};
        }
        if (error)
            *error = {};
        return value;
    }

private:
    bool failed() const { return m_error.offset >= 0; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }

    void fail(qsizetype offset, const QString &message)
    {
        if (failed())
            return;
        m_error.offset = offset;
        m_error.message = message;
    }

    // What stands at an offset, for messages: "'x'", "end of input", "a newline".
    QString describe(qsizetype offset) const
    {
        if (offset >= m_text.size())
            return u"end of input"_s;
        const QChar c = m_text[offset];
        if (c == u'\n')
            return u"a newline"_s;
        if (c == u'\'')
            return u"\"'\""_s;
        return u"'%1'"_s.arg(c);
    }

    void skipSpace()
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f') {
                ++m_pos;
            } else if (c == u'#') {
                while (!atEnd() && peek() != u'\n')
                    ++m_pos;
            } else if (c == u'\\' && (peek(1) == u'\n' || (peek(1) == u'\r' && peek(2) == u'\n'))) {
                m_pos += peek(1) == u'\n' ? 2 : 3; // explicit line continuation
            } else {
                return;
            }
        }
    }

    static bool isNameStart(QChar c) { return c.isLetter() || c == u'_'; }
    static bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'_'; }

    QVariant parseValue(const QString &expected, int depth)
    {
        if (depth > PythonLiteral::maxDepth) {
            fail(m_pos, u"nesting deeper than %1 levels"_s.arg(PythonLiteral::maxDepth));
            return {};
        }
        if (atEnd()) {
            fail(m_pos, u"unexpected end of input, expected %1"_s.arg(expected));
            return {};
        }
        const QChar c = peek();
        if (c == u'{')
            return parseDict(depth);
        if (c == u'[')
            return parseList(depth);
        if (c == u'(')
            return parseTuple(depth);
        if (c == u'\'' || c == u'"')
            return parseStrings();
        if (c.isDigit() || c == u'.' || c == u'-' || c == u'+')
            return parseNumber();
        if (isNameStart(c))
            return parseName();
        fail(m_pos, u"expected %1, found %2"_s.arg(expected, describe(m_pos)));
        return {};
    }

    QVariant parseName()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        const QStringView name = m_text.sliced(start, m_pos - start);
        // String prefixes: u'' is a plain str in Python 3, the others are refused by name.
        if (peek() == u'\'' || peek() == u'"') {
            const QString lower = name.toString().toLower();
            if (lower == u"u"_s) {
                m_pos = start;
                return parseStrings();
            }
            if (lower.contains(u'b')) {
                fail(start, u"bytes literals are not supported"_s);
                return {};
            }
            if (lower.contains(u'f')) {
                fail(start, u"f-strings are not literals"_s);
                return {};
            }
            fail(start, u"string prefix '%1' is not supported"_s.arg(name));
            return {};
        }
        if (name == u"True")
            return true;
        if (name == u"False")
            return false;
        if (name == u"None")
            return QVariant::fromValue(nullptr);
        if (name == u"lambda") {
            fail(start, u"lambda expressions are not literals"_s);
            return {};
        }
        skipSpace();
        if (peek() == u'(')
            fail(start, u"function call '%1(...)' is not a literal"_s.arg(name));
        else
            fail(start, u"unknown name '%1': only True, False and None are allowed"_s.arg(name));
        return {};
    }

    QVariant parseNumber()
    {
        const qsizetype start = m_pos;
        bool negative = false;
        if (peek() == u'-' || peek() == u'+') {
            negative = peek() == u'-';
            ++m_pos;
            skipSpace();
            if (!(peek().isDigit() || (peek() == u'.' && peek(1).isDigit()))) {
                fail(m_pos, u"expected a number after '%1'"_s.arg(m_text[start]));
                return {};
            }
        }
        const qsizetype numberStart = m_pos;
        if (peek() == u'0'
            && (peek(1).toLower() == u'x' || peek(1).toLower() == u'o'
                || peek(1).toLower() == u'b'))
            return parseRadixInteger(start, negative);

        QString digits;
        bool isFloat = false;
        auto takeDigits = [&]() {
            bool any = false;
            while (!atEnd()) {
                if (peek().isDigit() && peek().unicode() < 128) {
                    digits += peek();
                    any = true;
                    ++m_pos;
                } else if (peek() == u'_' && any && peek(1).isDigit()) {
                    ++m_pos; // PEP 515 separators, only between digits
                } else {
                    break;
                }
            }
            return any;
        };
        const bool intPart = takeDigits();
        if (peek() == u'.') {
            isFloat = true;
            digits += u'.';
            ++m_pos;
            const bool fraction = takeDigits();
            if (!intPart && !fraction) {
                fail(numberStart, u"expected a value, found '.'"_s);
                return {};
            }
        }
        if (peek() == u'e' || peek() == u'E') {
            isFloat = true;
            digits += u'e';
            ++m_pos;
            if (peek() == u'+' || peek() == u'-') {
                digits += peek();
                ++m_pos;
            }
            if (!takeDigits()) {
                fail(m_pos, u"expected digits in the exponent"_s);
                return {};
            }
        }
        if (peek() == u'j' || peek() == u'J') {
            fail(start, u"complex numbers are not supported"_s);
            return {};
        }
        if (isNameChar(peek())) {
            fail(m_pos, u"unexpected %1 in a number"_s.arg(describe(m_pos)));
            return {};
        }
        if (isFloat) {
            bool ok = false;
            const double v = digits.toDouble(&ok);
            if (!ok || !std::isfinite(v)) {
                fail(numberStart, u"float out of range"_s);
                return {};
            }
            return negative ? -v : v;
        }
        if (digits.size() > 1 && digits.startsWith(u'0') && digits.count(u'0') != digits.size()) {
            fail(numberStart, u"leading zeros in decimal integers are not permitted"_s);
            return {};
        }
        return finishInteger(digits, 10, negative, start);
    }

    QVariant parseRadixInteger(qsizetype start, bool negative)
    {
        const QChar kind = peek(1).toLower();
        const int base = kind == u'x' ? 16 : kind == u'o' ? 8 : 2;
        m_pos += 2;
        QString digits;
        while (!atEnd()) {
            const QChar c = peek();
            bool ok = false;
            QString(c).toInt(&ok, base);
            if (ok && c.unicode() < 128) {
                digits += c;
                ++m_pos;
            } else if (c == u'_' && m_pos + 1 < m_text.size()) {
                ++m_pos;
            } else {
                break;
            }
        }
        if (digits.isEmpty() || isNameChar(peek())) {
            fail(m_pos, u"invalid digit %1 in a base-%2 integer"_s.arg(describe(m_pos)).arg(base));
            return {};
        }
        return finishInteger(digits, base, negative, start);
    }

    QVariant finishInteger(const QString &digits, int base, bool negative, qsizetype start)
    {
        bool ok = false;
        const quint64 magnitude = digits.toULongLong(&ok, base);
        const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                       : quint64(std::numeric_limits<qint64>::max());
        if (!ok || magnitude > limit) {
            fail(start, u"integer does not fit in 64 bits"_s);
            return {};
        }
        if (negative)
            return magnitude == limit ? std::numeric_limits<qint64>::min() : -qint64(magnitude);
        return qint64(magnitude);
    }

    // One or more adjacent string literals, joined as Python does.
    QVariant parseStrings()
    {
        QString result;
        do {
            if (peek().toLower() == u'u')
                ++m_pos;
            if (!parseOneString(&result))
                return {};
            const qsizetype save = m_pos;
            skipSpace();
            const bool more = peek() == u'\'' || peek() == u'"'
                || (peek().toLower() == u'u' && (peek(1) == u'\'' || peek(1) == u'"'));
            if (!more) {
                m_pos = save;
                break;
            }
        } while (!failed());
        return result;
    }

    bool parseOneString(QString *out)
    {
        const qsizetype start = m_pos;
        const QChar quote = peek();
        if (peek(1) == quote && peek(2) == quote) {
            fail(start, u"triple-quoted strings are not supported"_s);
            return false;
        }
        ++m_pos;
        while (true) {
            if (atEnd() || peek() == u'\n') {
                fail(start, u"unterminated string"_s);
                return false;
            }
            const QChar c = peek();
            if (c == quote) {
                ++m_pos;
                return true;
            }
            if (c != u'\\') {
                *out += c;
                ++m_pos;
                continue;
            }
            const qsizetype escape = m_pos;
            ++m_pos;
            if (atEnd()) {
                fail(start, u"unterminated string"_s);
                return false;
            }
            const QChar e = peek();
            ++m_pos;
            switch (e.unicode()) {
            case u'\n':
                break; // backslash-newline continues the string
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
            case u't':
                *out += u'\t';
                break;
            case u'r':
                *out += u'\r';
                break;
            case u'a':
                *out += QChar(0x07);
                break;
            case u'b':
                *out += QChar(0x08);
                break;
            case u'f':
                *out += QChar(0x0c);
                break;
            case u'v':
                *out += QChar(0x0b);
                break;
            case u'x':
                if (!readHex(2, escape, out))
                    return false;
                break;
            case u'u':
                if (!readHex(4, escape, out))
                    return false;
                break;
            case u'U':
                if (!readHex(8, escape, out))
                    return false;
                break;
            default:
                if (e >= u'0' && e <= u'7') {
                    uint v = e.unicode() - u'0';
                    for (int i = 0; i < 2 && peek() >= u'0' && peek() <= u'7'; ++i, ++m_pos)
                        v = v * 8 + (peek().unicode() - u'0');
                    *out += QChar(char16_t(v));
                    break;
                }
                fail(escape, u"unknown escape sequence '\\%1' in string"_s.arg(e));
                return false;
            }
        }
    }

    bool readHex(int count, qsizetype escape, QString *out)
    {
        if (m_pos + count > m_text.size()) {
            fail(escape, u"truncated \\%1 escape in string"_s.arg(m_text[escape + 1]));
            return false;
        }
        bool ok = false;
        const QStringView hex = m_text.sliced(m_pos, count);
        bool allHex = true;
        for (const QChar h : hex)
            allHex = allHex && h.unicode() < 128 && std::isxdigit(h.unicode());
        const uint code = allHex ? hex.toUInt(&ok, 16) : 0;
        if (!allHex || !ok) {
            fail(escape, u"truncated \\%1 escape in string"_s.arg(m_text[escape + 1]));
            return false;
        }
        if (code > 0x10FFFF) {
            fail(escape, u"illegal Unicode character in \\U escape"_s);
            return false;
        }
        m_pos += count;
        const char32_t c = code;
        *out += QString::fromUcs4(&c, 1);
        return true;
    }

    // Items up to `close`, starting just after the opening bracket or a separating comma;
    // allows one trailing comma as Python does.
    bool parseItems(QChar close, const QString &what, int depth, QVariantList *items)
    {
        skipSpace();
        while (!failed()) {
            if (peek() == close) {
                ++m_pos;
                return true;
            }
            items->append(parseValue(u"a %1 item or '%2'"_s.arg(what, close), depth + 1));
            if (failed())
                return false;
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                skipSpace();
                continue;
            }
            if (peek() == close)
                continue;
            fail(m_pos, u"expected ',' or '%1' after %2 item"_s.arg(close, what));
        }
        return false;
    }

    QVariant parseList(int depth)
    {
        QVariantList items;
        ++m_pos;
        if (!parseItems(u']', u"list"_s, depth, &items))
            return {};
        return items;
    }

    QVariant parseTuple(int depth)
    {
        // "(x)" is x in parentheses, "(x,)" a one-item tuple: look at what follows the first item.
        ++m_pos;
        skipSpace();
        if (peek() == u')') {
            ++m_pos;
            return QVariant::fromValue(PythonTuple {});
        }
        QVariant first = parseValue(u"a tuple item or ')'"_s, depth + 1);
        if (failed())
            return {};
        skipSpace();
        if (peek() == u')') {
            ++m_pos;
            return first; // a parenthesised value, not a tuple
        }
        if (peek() != u',') {
            fail(m_pos, u"expected ',' or ')' after tuple item"_s);
            return {};
        }
        ++m_pos;
        QVariantList items { first };
        if (!parseItems(u')', u"tuple"_s, depth, &items))
            return {};
        return QVariant::fromValue(PythonTuple { items });
    }

    QVariant parseDict(int depth)
    {
        QVariantMap map;
        ++m_pos;
        skipSpace();
        while (!failed()) {
            if (peek() == u'}') {
                ++m_pos;
                return map;
            }
            const qsizetype keyStart = m_pos;
            const QVariant key = parseValue(u"a dict key or '}'"_s, depth + 1);
            if (failed())
                return {};
            skipSpace();
            if (peek() != u':') {
                if (peek() == u',' || peek() == u'}')
                    fail(m_pos, u"sets are not supported, expected ':' after dict key"_s);
                else
                    fail(m_pos, u"expected ':' after dict key"_s);
                return {};
            }
            if (key.typeId() != QMetaType::QString) {
                fail(keyStart, u"dict keys must be strings"_s);
                return {};
            }
            const QString name = key.toString();
            if (map.contains(name)) {
                fail(keyStart, u"duplicate dict key %1"_s.arg(PythonLiteral::quote(name)));
                return {};
            }
            ++m_pos;
            skipSpace();
            const QVariant value = parseValue(u"a dict value"_s, depth + 1);
            if (failed())
                return {};
            map.insert(name, value);
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                skipSpace();
                continue;
            }
            if (peek() == u'}')
                continue;
            fail(m_pos, u"expected ',' or '}' after dict value"_s);
        }
        return {};
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    PythonLiteral::Error m_error;
};

class Writer
{
public:
    explicit Writer(bool pretty)
        : m_pretty(pretty)
    { }

    bool write(const QVariant &value, int level)
    {
        const int type = value.typeId();
        switch (type) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            m_out += u"None"_s;
            return true;
        case QMetaType::Bool:
            m_out += value.toBool() ? u"True"_s : u"False"_s;
            return true;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::Long:
        case QMetaType::SChar:
            m_out += QString::number(value.toLongLong());
            return true;
        case QMetaType::UInt:
        case QMetaType::UShort:
        case QMetaType::UChar:
        case QMetaType::ULong:
        case QMetaType::ULongLong: {
            const quint64 v = value.toULongLong();
            if (v > quint64(std::numeric_limits<qint64>::max()))
                return fail(u"integer %1 does not fit in 64 bits"_s.arg(v));
            m_out += QString::number(v);
            return true;
        }
        case QMetaType::Double:
        case QMetaType::Float:
            return writeFloat(value.toDouble());
        case QMetaType::QString:
            m_out += PythonLiteral::quote(value.toString());
            return true;
        case QMetaType::QStringList:
        case QMetaType::QVariantList:
            return writeSequence(value.toList(), u'[', u']', false, level);
        case QMetaType::QVariantMap:
            return writeMap(value.toMap(), level);
        case QMetaType::QVariantHash: {
            QVariantMap sorted;
            const QVariantHash hash = value.toHash();
            for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                sorted.insert(it.key(), it.value());
            return writeMap(sorted, level);
        }
        default:
            if (type == qMetaTypeId<PythonTuple>())
                return writeSequence(value.value<PythonTuple>().items, u'(', u')', true, level);
            return fail(u"cannot write a value of type %1 as a Python literal"_s.arg(
                QString::fromLatin1(value.metaType().name())));
        }
    }

    QString result() const { return m_out; }
    QString error() const { return m_error; }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    void newline(int level)
    {
        m_out += u'\n';
        m_out += QString(level * 4, u' ');
    }

    bool writeFloat(double v)
    {
        if (!std::isfinite(v))
            return fail(u"%1 has no Python literal"_s.arg(v));
        // Python's repr: shortest round-trip digits, positional between 1e-4 and 1e16.
        const double a = std::fabs(v);
        QString text;
        if (a != 0.0 && (a < 1e-4 || a >= 1e16)) {
            text = QString::number(v, 'e', QLocale::FloatingPointShortest);
        } else {
            text = QString::number(v, 'f', QLocale::FloatingPointShortest);
            if (!text.contains(u'.'))
                text += u".0"_s;
        }
        if (std::signbit(v) && v == 0.0 && !text.startsWith(u'-'))
            text.prepend(u'-');
        m_out += text;
        return true;
    }

    bool writeSequence(const QVariantList &items, QChar open, QChar close, bool tuple, int level)
    {
        m_out += open;
        if (items.isEmpty()) {
            m_out += close;
            return true;
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (m_pretty)
                newline(level + 1);
            if (!write(items[i], level + 1))
                return false;
            if (i + 1 < items.size() || m_pretty || (tuple && items.size() == 1))
                m_out += m_pretty ? u","_s : (i + 1 < items.size() ? u", "_s : u","_s);
        }
        if (m_pretty)
            newline(level);
        m_out += close;
        return true;
    }

    bool writeMap(const QVariantMap &map, int level)
    {
        m_out += u'{';
        if (map.isEmpty()) {
            m_out += u'}';
            return true;
        }
        bool first = true;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!first && !m_pretty)
                m_out += u", "_s;
            first = false;
            if (m_pretty)
                newline(level + 1);
            m_out += PythonLiteral::quote(it.key());
            m_out += u": "_s;
            if (!write(it.value(), level + 1))
                return false;
            if (m_pretty)
                m_out += u',';
        }
        if (m_pretty)
            newline(level);
        m_out += u'}';
        return true;
    }

    bool m_pretty;
    QString m_out;
    QString m_error;
};

} // namespace

QVariant PythonLiteral::read(QStringView text, Error *error)
{
    return Reader(text).run(error);
}

QString PythonLiteral::write(const QVariant &value, Style style, QString *error)
{
    Writer writer(style == Style::Pretty);
    const bool ok = writer.write(value, 0);
    if (error)
        *error = ok ? QString() : writer.error();
    return ok ? writer.result() : QString();
}

QString PythonLiteral::quote(QStringView text)
{
    const bool useDouble = text.contains(u'\'') && !text.contains(u'"');
    const QChar q = useDouble ? u'"' : u'\'';
    QString out;
    out.reserve(text.size() + 2);
    out += q;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (c == q || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (u == u'\n') {
            out += u"\\n"_s;
        } else if (u == u'\r') {
            out += u"\\r"_s;
        } else if (u == u'\t') {
            out += u"\\t"_s;
        } else if (u < 0x20 || (u >= 0x7f && u <= 0xa0) || u == 0xad) {
            out += u"\\x%1"_s.arg(uint(u), 2, 16, QChar(u'0'));
        } else if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            const char32_t full = QChar::surrogateToUcs4(c, text[i + 1]);
            if (QChar::isPrint(full)) {
                out += c;
                out += text[i + 1];
            } else {
                out += u"\\U%1"_s.arg(uint(full), 8, 16, QChar(u'0'));
            }
            ++i;
        } else if (c.isSurrogate() || !c.isPrint()) {
            out += u"\\u%1"_s.arg(uint(u), 4, 16, QChar(u'0'));
        } else {
            out += c;
        }
    }
    out += q;
    return out;
}
