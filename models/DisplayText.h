#pragma once

#include <QString>

// Makes text that a site or a certificate supplied safe to show: on a terminal (no escape
// sequence reaches it), in a label or a log (no control or bidi character reorders or hides
// what is around it), and never longer than the caller allows (a megabyte line is cut).
// Invisible characters are written as visible escapes ("\x1B", "\u202E"), so the user still
// sees that something was there.
namespace DisplayText {

enum class Newlines {
    Escape, // one line: a line break becomes a space, CR and the like become escapes
    Keep, // several lines: '\n' stays (labels with word wrap), everything else as above
};

// The default cap suits a title or a one-line message.
constexpr qsizetype defaultMaxLength = 1000;

// Control characters (C0, DEL, C1), bidi embeddings, overrides and isolates, the other
// invisible format characters that reorder text, lone surrogates and non-characters escaped;
// the result cut to maxLength characters (an ellipsis marks the cut).
QString sanitized(const QString &text, qsizetype maxLength = defaultMaxLength,
                  Newlines newlines = Newlines::Escape);
// The same for bytes of unknown encoding (a plain-text body): read as UTF-8, with invalid
// sequences replaced.
QString sanitized(const QByteArray &bytes, qsizetype maxLength = defaultMaxLength,
                  Newlines newlines = Newlines::Escape);

// A line break inserted into every run of more than maxRun characters without white space, so
// that a word-wrapping label can wrap a hostile line of escapes instead of clipping it.
QString breakLongRuns(const QString &text, qsizetype maxRun = 80);

// True when sanitized() would change nothing but the length.
bool isClean(const QString &text);

} // namespace DisplayText
