#include "DisplayText.h"

namespace {

constexpr QChar ellipsis(0x2026);

// Characters that change how the text around them is shown, or are not shown at all:
// bidi marks, embeddings, overrides and isolates (the "Trojan source" set), zero-width
// joiners and spaces, the Arabic letter mark, the word joiner and invisible operators, the
// byte order mark, interlinear annotations.
bool isInvisibleFormat(char32_t c)
{
    return c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F)
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF
        || (c >= 0xFFF9 && c <= 0xFFFB);
}

bool isNonCharacter(char32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

QString escapeOf(char32_t c)
{
    // "\x1B" for the 8-bit range, "\u202E" beyond: short, and what a programmer would write.
    const bool small = c < 0x100;
    return (small ? QStringLiteral("\\x") : QStringLiteral("\\u"))
        + QString::number(uint(c), 16).toUpper().rightJustified(small ? 2 : 4, u'0');
}

// What c becomes: empty when it stays as it is.
QString replacementFor(char32_t c, DisplayText::Newlines newlines)
{
    if (c == u'\n')
        return newlines == DisplayText::Newlines::Keep ? QString() : QStringLiteral(" ");
    if (c == u'\t')
        return QStringLiteral(" ");
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || isInvisibleFormat(c) || isNonCharacter(c))
        return escapeOf(c);
    return {};
}

} // namespace

namespace DisplayText {

QString sanitized(const QString &text, qsizetype maxLength, Newlines newlines)
{
    if (maxLength < 1)
        maxLength = 1;
    QString out;
    out.reserve(qMin(text.size(), maxLength) + 1);
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        // Whole code points: a surrogate pair is one character; a lone surrogate is an error.
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        } else if (QChar::isSurrogate(c)) {
            c = QChar::ReplacementCharacter;
        }
        const QString replacement = replacementFor(c, newlines);
        const qsizetype added = replacement.isEmpty() ? width : replacement.size();
        // Room is kept for the ellipsis; a replacement is never cut in half.
        if (out.size() + added > maxLength - (i + width < size ? 1 : 0)) {
            out += ellipsis;
            return out;
        }
        if (!replacement.isEmpty())
            out += replacement;
        else if (width == 2)
            out += QStringView(text).mid(i, 2);
        else
            out += QChar(char16_t(c));
        i += width;
    }
    return out;
}

QString sanitized(const QByteArray &bytes, qsizetype maxLength, Newlines newlines)
{
    // Decoding all of a megabyte to show a thousand characters would be waste: four bytes
    // per character at most, and a few more for the escapes.
    const qsizetype take = qMin(bytes.size(), maxLength * 4 + 4);
    QString text = QString::fromUtf8(bytes.constData(), take);
    if (take < bytes.size())
        text += ellipsis; // there was more; the cut below keeps this mark
    return sanitized(text, maxLength, newlines);
}

QString breakLongRuns(const QString &text, qsizetype maxRun)
{
    if (maxRun < 1)
        maxRun = 1;
    QString out;
    out.reserve(text.size() + text.size() / maxRun + 1);
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            run = 0;
        } else if (run >= maxRun && !c.isLowSurrogate()) {
            out += u'\n';
            run = 0;
        }
        out += c;
        if (!c.isSpace())
            ++run;
    }
    return out;
}

bool isClean(const QString &text)
{
    return sanitized(text, text.size() + 1, Newlines::Keep) == text;
}

} // namespace DisplayText
