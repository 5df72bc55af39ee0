#include "UpdateStatusParser.h"

#include <QCoreApplication>
#include <QHash>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <string_view>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

// Site, folder, check output and errors repeat across thousands of rows: rows share one
// QString per distinct text instead of holding copies (about a third of the model's memory
// at 100,000 hosts). Keyed by the raw bytes in the reply, which outlive the parse; QHash
// (hardware-assisted hashing) is about a third faster here than std::unordered_map.
// A pool whose texts turn out unique (check output that carries each host's time, say) is
// given up after its first 4,096 lookups: hashing every one would cost a tenth of the parse
// and save no memory.
class StringPool
{
public:
    bool useful() const { return m_lookups < 4096 || m_hits * 8 >= m_lookups; }
    const QString *find(std::string_view raw)
    {
        ++m_lookups;
        const auto it = m_strings.constFind(QByteArrayView(raw.data(), qsizetype(raw.size())));
        if (it == m_strings.cend())
            return nullptr;
        ++m_hits;
        return &*it;
    }
    void add(std::string_view raw, const QString &text)
    {
        // Texts unique to each host would only grow the pool.
        if (m_strings.size() < 4096)
            m_strings.insert(QByteArrayView(raw.data(), qsizetype(raw.size())), text);
    }

private:
    QHash<QByteArrayView, QString> m_strings;
    qint64 m_lookups = 0;
    qint64 m_hits = 0;
};

// The first byte from p on that ends a plain run inside a string: a quote, a backslash or a
// control character; end when there is none. Sixteen bytes a step where SSE2 is there (every
// x86-64), a byte a step elsewhere.
const char *plainRun(const char *p, const char *end)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Control characters: below 0x20 as unsigned bytes (min(v, 0x1f) == v).
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
        const int hits = _mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), control));
        if (hits != 0)
            return p + __builtin_ctz(unsigned(hits));
        p += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
        ++p;
    return p;
}

// A strict JSON scanner over bytes that reads what the status rows need and skips the rest.
class Scanner
{
public:
    Scanner(const QByteArray &bytes)
        : m_begin(bytes.constData())
        , m_p(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
    { }

    bool failed() const { return !m_error.isEmpty(); }
    bool atEnd()
    {
        ws();
        return m_p >= m_end;
    }
    QString error() const { return m_error; }
    qsizetype offset() const { return m_errorAt; }

    bool fail(const char *what)
    {
        if (m_error.isEmpty()) {
            m_error = QString::fromLatin1(what);
            m_errorAt = m_p - m_begin;
        }
        m_p = m_end;
        return false;
    }

    // Sites send compact JSON: the usual case, a byte above the space, costs one comparison.
    void ws()
    {
        if (m_p<m_end &&static_cast<unsigned char>(*m_p)> ' ')
            return;
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool peek(char c)
    {
        ws();
        return m_p < m_end && *m_p == c;
    }
    bool expect(char c)
    {
        if (m_p < m_end && *m_p == c) { // the usual case, without whitespace before it
            ++m_p;
            return true;
        }
        ws();
        if (m_p >= m_end || *m_p != c) {
            if (m_p >= m_end)
                return fail("unexpected end of the reply");
            // Built per call: a static buffer would race between parses in worker threads.
            const char message[]
                = { 'e', 'x', 'p', 'e', 'c', 't', 'e', 'd', ' ', '\'', c, '\'', 0 };
            return fail(message);
        }
        ++m_p;
        return true;
    }
    // Reads "key" and the colon after it; the key must be a plain string without escapes.
    bool key(const char **start, qsizetype *length)
    {
        if (!expect('"'))
            return false;
        *start = m_p;
        m_p = plainRun(m_p, m_end);
        if (m_p >= m_end)
            return fail("unexpected end of the reply in a key");
        if (*m_p == '\\')
            return fail("escaped characters in a key");
        if (*m_p != '"')
            return fail("control character in a key");
        *length = m_p - *start;
        ++m_p;
        return expect(':');
    }
    // After an element: true when another follows (a comma was read), false at the closer.
    bool next(char closer)
    {
        ws();
        if (m_p < m_end && *m_p == ',') {
            ++m_p;
            return true;
        }
        if (m_p < m_end && *m_p == closer) {
            ++m_p;
            return false;
        }
        fail(closer == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
        return false;
    }

    bool string(QString *out, StringPool *pool = nullptr)
    {
        if (!expect('"'))
            return false;
        const char *start = m_p;
        bool escaped = false;
        while (m_p < m_end && *m_p != '"') {
            m_p = plainRun(m_p, m_end);
            if (m_p >= m_end || *m_p == '"')
                break;
            if (*m_p == '\\') {
                escaped = true;
                if (++m_p >= m_end)
                    break;
            } else if (static_cast<unsigned char>(*m_p) < 0x20) {
                return fail("control character in a string");
            }
            ++m_p;
        }
        if (m_p >= m_end)
            return fail("unexpected end of the reply in a string");
        const char *stop = m_p++;
        const std::string_view raw(start, size_t(stop - start));
        if (pool && !pool->useful())
            pool = nullptr;
        if (pool && out) {
            if (const QString *known = pool->find(raw)) {
                *out = *known;
                return true;
            }
        }
        if (!escaped) {
            if (out)
                *out = QString::fromUtf8(start, stop - start);
        } else if (!unescape(start, stop, out)) {
            return false;
        }
        if (pool && out)
            pool->add(raw, *out);
        return true;
    }

    // A string of sixteen hex digits without escapes, read as a number; false (nothing read)
    // for anything else.
    bool plainHash(quint64 *hash)
    {
        ws();
        if (m_end - m_p < 18 || *m_p != '"' || m_p[17] != '"')
            return false;
        if (!hexDigits(m_p + 1, hash))
            return false;
        m_p += 18;
        return true;
    }

    // Sixteen hex digits (either case) to their value; false when any byte is not one. With
    // SSE2 the sixteen bytes are checked and converted at once (a third of the parse's time
    // went to a digit-by-digit loop), elsewhere a byte at a time.
    static bool hexDigits(const char *p, quint64 *value)
    {
#ifdef __SSE2__
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                            _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                             _mm_cmplt_epi8(lower, _mm_set1_epi8('f' + 1)));
        if (_mm_movemask_epi8(_mm_or_si128(digit, letter)) != 0xffff)
            return false;
        // Each byte to its nibble: digits minus '0', letters minus 'a' - 10.
        const __m128i nibbles
            = _mm_or_si128(_mm_and_si128(digit, _mm_sub_epi8(v, _mm_set1_epi8('0'))),
                           _mm_andnot_si128(digit, _mm_sub_epi8(lower, _mm_set1_epi8('a' - 10))));
        // Two nibbles a 16-bit lane (first digit in the low byte) to one byte: high << 4 | low.
        const __m128i pairs
            = _mm_and_si128(_mm_or_si128(_mm_slli_epi16(nibbles, 4), _mm_srli_epi16(nibbles, 8)),
                            _mm_set1_epi16(0x00ff));
        const __m128i bytes = _mm_packus_epi16(pairs, pairs);
        quint64 bigEndian;
        _mm_storel_epi64(reinterpret_cast<__m128i *>(&bigEndian), bytes);
        *value = qFromBigEndian(bigEndian);
        return true;
#else
        quint64 result = 0;
        for (int i = 0; i < 16; ++i) {
            const char c = p[i];
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return false;
            result = (result << 4) | quint64(digit);
        }
        *value = result;
        return true;
#endif
    }

    bool unescape(const char *p, const char *stop, QString *out)
    {
        QByteArray utf8;
        utf8.reserve(stop - p);
        while (p < stop) {
            if (*p != '\\') {
                utf8 += *p++;
                continue;
            }
            ++p;
            switch (*p) {
            case '"':
                utf8 += '"';
                break;
            case '\\':
                utf8 += '\\';
                break;
            case '/':
                utf8 += '/';
                break;
            case 'b':
                utf8 += '\b';
                break;
            case 'f':
                utf8 += '\f';
                break;
            case 'n':
                utf8 += '\n';
                break;
            case 'r':
                utf8 += '\r';
                break;
            case 't':
                utf8 += '\t';
                break;
            case 'u': {
                if (stop - p < 5)
                    return fail("short \\u escape");
                bool ok = false;
                char32_t code = QByteArray(p + 1, 4).toUInt(&ok, 16);
                if (!ok)
                    return fail("bad \\u escape");
                p += 4;
                if (code >= 0xd800 && code < 0xdc00 && stop - p >= 7 && p[1] == '\\'
                    && p[2] == 'u') {
                    const char32_t low = QByteArray(p + 3, 4).toUInt(&ok, 16);
                    if (ok && low >= 0xdc00 && low < 0xe000) {
                        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                        p += 6;
                    }
                }
                utf8 += QString::fromUcs4(&code, 1).toUtf8();
                break;
            }
            default:
                return fail("unknown escape in a string");
            }
            ++p;
        }
        if (out)
            *out = QString::fromUtf8(utf8);
        return true;
    }

    bool isNull()
    {
        ws();
        if (m_end - m_p >= 4 && std::memcmp(m_p, "null", 4) == 0) {
            m_p += 4;
            return true;
        }
        return false;
    }
    bool boolean(bool *out)
    {
        ws();
        if (m_end - m_p >= 4 && std::memcmp(m_p, "true", 4) == 0) {
            m_p += 4;
            *out = true;
            return true;
        }
        if (m_end - m_p >= 5 && std::memcmp(m_p, "false", 5) == 0) {
            m_p += 5;
            *out = false;
            return true;
        }
        return fail("expected true or false");
    }
    bool integer(qint64 *out)
    {
        ws();
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        qint64 value = 0;
        const char *digits = m_p;
        const char *stop = m_end - digits > 18 ? digits + 18 : m_end;
        while (m_p < stop && static_cast<unsigned char>(*m_p - '0') < 10)
            value = value * 10 + (*m_p++ - '0');
        if (m_p == digits)
            return fail("expected a number");
        if (*digits == '0' && m_p - digits > 1)
            return fail("a number with a leading zero");
        // Fractions (times as floats) are cut to whole seconds; JSON wants a digit after the
        // point.
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (!digitsFollow())
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E' || (*m_p >= '0' && *m_p <= '9')))
            return fail("number out of range");
        *out = *start == '-' ? -value : value;
        return true;
    }
    bool skip(int depth = 0)
    {
        if (depth > 64)
            return fail("nesting too deep");
        ws();
        if (m_p >= m_end)
            return fail("unexpected end of the reply");
        switch (*m_p) {
        case '"':
            return string(nullptr);
        case '{':
            ++m_p;
            if (peek('}'))
                return ++m_p, true;
            do {
                const char *k = nullptr;
                qsizetype n = 0;
                if (!key(&k, &n) || !skip(depth + 1))
                    return false;
            } while (next('}'));
            return !failed();
        case '[':
            ++m_p;
            if (peek(']'))
                return ++m_p, true;
            do {
                if (!skip(depth + 1))
                    return false;
            } while (next(']'));
            return !failed();
        case 't':
        case 'f': {
            bool b;
            return boolean(&b);
        }
        case 'n':
            return isNull() || fail("expected null");
        default:
            return number();
        }
    }

    // A number as JSON writes it, skipped: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number()
    {
        ws();
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p >= m_end || static_cast<unsigned char>(*m_p - '0') >= 10)
            return fail("expected a value");
        if (*m_p == '0')
            ++m_p;
        else
            digitsFollow();
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (!digitsFollow())
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!digitsFollow())
                return false;
        }
        return true;
    }
    // One digit or more.
    bool digitsFollow()
    {
        const char *start = m_p;
        while (m_p < m_end && static_cast<unsigned char>(*m_p - '0') < 10)
            ++m_p;
        return m_p > start || fail("expected a digit in a number");
    }

private:
    const char *m_begin;
    const char *m_p;
    const char *m_end;
    QString m_error;
    qsizetype m_errorAt = -1;
};

// The length is known at compile time: the comparison is a few eight-byte loads (the last one
// overlapping), not a call to memcmp, which the compiler does not inline for these lengths.
template<size_t N> bool keyIs(const char *k, qsizetype n, const char (&name)[N])
{
    constexpr size_t length = N - 1;
    if (n != qsizetype(length))
        return false;
    if constexpr (length < 8) {
        return std::memcmp(k, name, length) == 0;
    } else {
        for (size_t i = 0; i + 8 < length; i += 8) {
            quint64 a, b;
            std::memcpy(&a, k + i, 8);
            std::memcpy(&b, name + i, 8);
            if (a != b)
                return false;
        }
        quint64 a, b;
        std::memcpy(&a, k + length - 8, 8);
        std::memcpy(&b, name + length - 8, 8);
        return a == b;
    }
}

bool readHash(Scanner &s, quint64 *hash)
{
    if (s.isNull()) {
        *hash = 0;
        return true;
    }
    // Sixteen plain hex digits (what every site sends) straight from the bytes.
    if (s.plainHash(hash))
        return true;
    QString text;
    if (!s.string(&text))
        return false;
    if (text.isEmpty()) {
        *hash = 0;
        return true;
    }
    return HostUpdateStatus::parseHash(text, hash) || s.fail("an agent hash is not 16 hex digits");
}

bool readTime(Scanner &s, qint64 *t)
{
    if (s.isNull()) {
        *t = -1;
        return true;
    }
    return s.integer(t);
}

struct Pools
{
    StringPool sites;
    StringPool folders;
    StringPool outputs;
    StringPool errors;
};

enum class Field {
    Other,
    HostName,
    Site,
    Folder,
    Registered,
    Selected,
    TargetHash,
    DownloadedHash,
    InstalledHash,
    PendingHash,
    LastCheck,
    LastUpdate,
    Interval,
    CheckState,
    CheckOutput,
    LastError
};

// One comparison a key: the keys of a row differ in length or, at equal length, in their text.
Field rowField(const char *k, qsizetype n)
{
    switch (n) {
    case 4:
        return keyIs(k, n, "site") ? Field::Site : Field::Other;
    case 6:
        return keyIs(k, n, "folder") ? Field::Folder : Field::Other;
    case 8:
        return keyIs(k, n, "selected") ? Field::Selected
            : keyIs(k, n, "interval")  ? Field::Interval
                                       : Field::Other;
    case 9:
        return keyIs(k, n, "host_name") ? Field::HostName : Field::Other;
    case 10:
        return keyIs(k, n, "registered") ? Field::Registered
            : keyIs(k, n, "last_check")  ? Field::LastCheck
            : keyIs(k, n, "last_error")  ? Field::LastError
                                         : Field::Other;
    case 11:
        return keyIs(k, n, "target_hash") ? Field::TargetHash
            : keyIs(k, n, "last_update")  ? Field::LastUpdate
                                          : Field::Other;
    case 12:
        return keyIs(k, n, "pending_hash") ? Field::PendingHash : Field::Other;
    case 14:
        return keyIs(k, n, "installed_hash") ? Field::InstalledHash : Field::Other;
    case 15:
        return keyIs(k, n, "downloaded_hash") ? Field::DownloadedHash : Field::Other;
    case 18:
        return keyIs(k, n, "update_check_state") ? Field::CheckState : Field::Other;
    case 19:
        return keyIs(k, n, "update_check_output") ? Field::CheckOutput : Field::Other;
    default:
        return Field::Other;
    }
}

bool readRow(Scanner &s, HostUpdateStatus *row, Pools *pools)
{
    if (!s.expect('{'))
        return false;
    if (s.peek('}'))
        return s.expect('}');
    do {
        const char *k = nullptr;
        qsizetype n = 0;
        if (!s.key(&k, &n))
            return false;
        bool ok = true;
        qint64 number = 0;
        switch (rowField(k, n)) {
        case Field::HostName:
            ok = s.string(&row->hostName);
            break;
        case Field::Site:
            ok = s.string(&row->site, &pools->sites);
            break;
        case Field::Folder:
            ok = s.string(&row->folder, &pools->folders);
            break;
        case Field::Registered:
            ok = s.boolean(&row->registered);
            break;
        case Field::Selected:
            ok = s.boolean(&row->selected);
            break;
        case Field::TargetHash:
            ok = readHash(s, &row->targetHash);
            break;
        case Field::DownloadedHash:
            ok = readHash(s, &row->downloadedHash);
            break;
        case Field::InstalledHash:
            ok = readHash(s, &row->installedHash);
            break;
        case Field::PendingHash:
            ok = readHash(s, &row->pendingHash);
            break;
        case Field::LastCheck:
            ok = readTime(s, &row->lastCheck);
            break;
        case Field::LastUpdate:
            ok = readTime(s, &row->lastUpdate);
            break;
        case Field::Interval:
            ok = s.integer(&number);
            row->interval = qint32(std::clamp<qint64>(number, 1, 100 * 86400));
            break;
        case Field::CheckState:
            ok = s.integer(&number);
            row->checkState = qint8(number >= 0 && number <= 3 ? number : 3);
            break;
        case Field::CheckOutput:
            ok = s.isNull() || s.string(&row->checkOutput, &pools->outputs);
            break;
        case Field::LastError:
            ok = s.isNull() || s.string(&row->lastError, &pools->errors);
            break;
        case Field::Other:
            ok = s.skip();
            break;
        }
        if (!ok)
            return false;
    } while (s.next('}'));
    return !s.failed();
}

bool readEntry(Scanner &s, HostUpdateStatus *row, Pools *pools)
{
    if (!s.expect('{'))
        return false;
    bool sawExtensions = false;
    if (!s.peek('}')) {
        do {
            const char *k = nullptr;
            qsizetype n = 0;
            if (!s.key(&k, &n))
                return false;
            if (keyIs(k, n, "extensions")) {
                sawExtensions = true;
                if (!readRow(s, row, pools))
                    return false;
            } else if (!s.skip()) {
                return false;
            }
        } while (s.next('}'));
    } else {
        s.expect('}');
    }
    if (s.failed())
        return false;
    if (!sawExtensions || row->hostName.isEmpty())
        return s.fail("a row without extensions.host_name");
    return true;
}

} // namespace

std::optional<UpdateStatusParser::Result> UpdateStatusParser::parse(const QByteArray &bytes,
                                                                    ApiError *error)
{
    Scanner s(bytes);
    Result result;
    Pools pools;
    bool sawValue = false;
    const auto done = [&]() -> std::optional<Result> {
        if (!s.failed() && !sawValue)
            s.fail("no \"value\" array in the reply");
        if (s.failed()) {
            error->kind = ApiError::Kind::MalformedReply;
            error->title = QCoreApplication::translate("UpdateStatusParser",
                                                       "The update status reply cannot be read");
            error->detail = QCoreApplication::translate("UpdateStatusParser", "%1 at byte %2.")
                                .arg(s.error())
                                .arg(s.offset());
            return std::nullopt;
        }
        return std::move(result);
    };
    if (!s.expect('{'))
        return done();
    if (s.peek('}'))
        return done();
    do {
        const char *k = nullptr;
        qsizetype n = 0;
        if (!s.key(&k, &n))
            break;
        if (keyIs(k, n, "value")) {
            sawValue = true;
            if (!s.expect('['))
                break;
            result.rows.reserve(size_t(bytes.size() / 500 + 16));
            if (s.peek(']')) {
                s.expect(']');
                continue;
            }
            do {
                HostUpdateStatus row;
                if (!readEntry(s, &row, &pools))
                    break;
                result.rows.push_back(std::move(row));
            } while (s.next(']'));
        } else if (keyIs(k, n, "extensions")) {
            if (!s.expect('{'))
                break;
            if (s.peek('}')) {
                s.expect('}');
                continue;
            }
            do {
                const char *ek = nullptr;
                qsizetype en = 0;
                if (!s.key(&ek, &en))
                    break;
                if (keyIs(ek, en, "deployment_enabled")) {
                    bool b = false;
                    if (s.boolean(&b))
                        result.deploymentEnabled = b;
                } else if (keyIs(ek, en, "generated_at")) {
                    qint64 t = 0;
                    if (s.integer(&t))
                        result.generatedAt = t;
                } else {
                    s.skip();
                }
            } while (s.next('}'));
        } else if (!s.skip()) {
            break;
        }
    } while (!s.failed() && s.next('}'));
    if (!s.failed() && !s.atEnd())
        s.fail("unexpected data after the reply");
    return done();
}
