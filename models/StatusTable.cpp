#include "StatusTable.h"

#include <QHash>

#include <algorithm>
#include <numeric>

#include "UpdateCategory.h"

namespace {

// The column order of UpdateStatusModel::Column.
enum Column {
    Host,
    Site,
    Folder,
    Registered,
    Target,
    Downloaded,
    Installed,
    LastCheck,
    LastUpdate,
    CheckState,
    CheckOutput,
    LastError
};

// Stable LSD radix sort of the row indexes by one 64-bit key per row, 11 bits a pass; a pass
// whose digit is the same for every key is skipped (times share their high bits, a flag needs
// one pass). Linear: 100,000 rows sort in about a millisecond a pass, where a comparison sort
// through the rows took tens of milliseconds a column.
std::shared_ptr<const StatusTable::Order> orderByKeys(const std::vector<quint64> &keys)
{
    const size_t n = keys.size();
    auto order = std::make_shared<StatusTable::Order>(n);
    std::iota(order->begin(), order->end(), 0u);
    if (n < 2)
        return order;
    quint64 differing = 0;
    for (const quint64 k : keys)
        differing |= k ^ keys[0];
    constexpr int bits = 11;
    constexpr quint64 mask = (quint64(1) << bits) - 1;
    StatusTable::Order scratch(n);
    std::vector<quint32> counts(size_t(1) << bits);
    for (int shift = 0; shift < 64; shift += bits) {
        if (((differing >> shift) & mask) == 0)
            continue;
        std::fill(counts.begin(), counts.end(), 0u);
        for (const quint32 row : *order)
            ++counts[size_t((keys[row] >> shift) & mask)];
        quint32 sum = 0;
        for (quint32 &c : counts)
            sum += std::exchange(c, sum);
        for (const quint32 row : *order)
            scratch[counts[size_t((keys[row] >> shift) & mask)]++] = row;
        order->swap(scratch);
    }
    return order;
}

// Signed values as keys that sort as unsigned numbers.
quint64 signedKey(qint64 v)
{
    return quint64(v) ^ (quint64(1) << 63);
}

bool isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// Texts derived from the rows, kept in one buffer (100,000 short strings without 100,000
// allocations).
class TextArena
{
public:
    explicit TextArena(size_t count) { m_spans.reserve(count); }
    QStringView at(size_t i) const
    {
        return QStringView(m_units.data() + m_spans[i].first, qsizetype(m_spans[i].second));
    }
    void begin() { m_start = m_units.size(); }
    void append(char16_t unit) { m_units.push_back(unit); }
    void append(QStringView text)
    {
        m_units.insert(m_units.end(), text.utf16(), text.utf16() + text.size());
    }
    void end() { m_spans.emplace_back(m_start, m_units.size() - m_start); }
    // The case-folded text, as QString::compare(Qt::CaseInsensitive) compares it.
    void appendFolded(QStringView text)
    {
        begin();
        if (isAscii(text)) {
            for (const QChar c : text) {
                const char16_t u = c.unicode();
                m_units.push_back(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
            }
        } else {
            append(QStringView(text.toString().toCaseFolded()));
        }
        end();
    }
    void rollback() { m_units.resize(m_start); }

private:
    std::vector<char16_t> m_units;
    std::vector<std::pair<size_t, size_t>> m_spans;
    size_t m_start = 0;
};

// Case-insensitive order of a text column (QString::compare(Qt::CaseInsensitive), ties in the
// site's order): the distinct texts (a few sites, folders and messages repeat across 100,000
// rows) are sorted once by their case-folded form, and the rows then by the rank of their text.
std::shared_ptr<const StatusTable::Order> orderByText(const std::vector<HostUpdateStatus> &rows,
                                                      QString HostUpdateStatus::*field)
{
    const size_t n = rows.size();
    QHash<QStringView, quint32> ids;
    std::vector<QStringView> distinct;
    std::vector<quint64> rowId(n);
    const QChar *lastData = nullptr; // rows in a row often share one pooled string
    qsizetype lastSize = -1;
    quint32 lastId = 0;
    for (size_t i = 0; i < n; ++i) {
        const QString &text = rows[i].*field;
        if (text.constData() == lastData && text.size() == lastSize) {
            rowId[i] = lastId;
            continue;
        }
        const auto it = ids.constFind(QStringView(text));
        if (it != ids.cend()) {
            lastId = *it;
        } else {
            lastId = quint32(distinct.size());
            ids.insert(QStringView(text), lastId);
            distinct.emplace_back(text);
        }
        lastData = text.constData();
        lastSize = text.size();
        rowId[i] = lastId;
    }
    TextArena folded(distinct.size());
    for (const QStringView text : distinct)
        folded.appendFolded(text);
    std::vector<quint32> byText(distinct.size());
    std::iota(byText.begin(), byText.end(), 0u);
    std::sort(byText.begin(), byText.end(), [&folded](quint32 a, quint32 b) {
        const int c = folded.at(a).compare(folded.at(b));
        return c != 0 ? c < 0 : a < b;
    });
    // Equal when folded: one rank, so that those rows keep the site's order.
    std::vector<quint64> rank(distinct.size());
    quint64 r = 0;
    for (size_t k = 0; k < byText.size(); ++k) {
        if (k > 0 && folded.at(byText[k]) != folded.at(byText[k - 1]))
            ++r;
        rank[byText[k]] = r;
    }
    for (quint64 &id : rowId)
        id = rank[size_t(id)];
    return orderByKeys(rowId);
}

// The natural order of StatusTable::naturalCompare as one text compared code unit by code unit:
// letters case-folded, each run of ASCII digits as '0', its length without leading zeros and
// those digits. False for a name with other digits (the comparison then is the exact one).
bool appendNaturalKey(QStringView name, TextArena *keys)
{
    keys->begin();
    for (qsizetype i = 0; i < name.size();) {
        const char16_t c = name.at(i).unicode();
        if (c >= u'0' && c <= u'9') {
            qsizetype end = i;
            while (end < name.size() && name.at(end).unicode() >= u'0'
                   && name.at(end).unicode() <= u'9')
                ++end;
            qsizetype first = i;
            while (first < end && name.at(first) == u'0')
                ++first;
            // Any digit compares with any other character as '0' does: the digits are
            // contiguous.
            keys->append(u'0');
            keys->append(char16_t(std::min<qsizetype>(end - first, 0xffff)));
            keys->append(name.sliced(first, end - first));
            i = end;
        } else if (c < 0x80) {
            keys->append(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
            ++i;
        } else if (QChar(c).isDigit()) {
            keys->rollback();
            return false;
        } else {
            keys->append(QChar(c).toCaseFolded().unicode());
            ++i;
        }
    }
    keys->end();
    return true;
}

std::shared_ptr<const StatusTable::Order> orderByHostName(const std::vector<HostUpdateStatus> &rows)
{
    const size_t n = rows.size();
    TextArena keys(n);
    bool exact = true;
    for (size_t i = 0; i < n && exact; ++i)
        exact = appendNaturalKey(rows[i].hostName, &keys);
    auto order = std::make_shared<StatusTable::Order>(n);
    std::iota(order->begin(), order->end(), 0u);
    if (exact) {
        std::sort(order->begin(), order->end(), [&keys](quint32 a, quint32 b) {
            const int c = keys.at(a).compare(keys.at(b));
            return c != 0 ? c < 0 : a < b;
        });
    } else {
        std::stable_sort(order->begin(), order->end(), [&rows](quint32 a, quint32 b) {
            return StatusTable::naturalCompare(rows[a].hostName, rows[b].hostName) < 0;
        });
    }
    return order;
}

template<typename F>
std::shared_ptr<const StatusTable::Order> orderByValue(const std::vector<HostUpdateStatus> &rows,
                                                       F key)
{
    std::vector<quint64> keys(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        keys[i] = key(rows[i]);
    return orderByKeys(keys);
}

// Host, site, folder and error in lower case, tab-separated: what a search looks in.
QString searchKey(const HostUpdateStatus &r)
{
    const QStringView parts[] = { r.hostName, r.site, r.folder, r.lastError };
    qsizetype size = 3;
    for (const QStringView p : parts) {
        if (!isAscii(p)) // special casing (one letter to two) is QString's to know
            return (r.hostName + u'\t' + r.site + u'\t' + r.folder + u'\t' + r.lastError).toLower();
        size += p.size();
    }
    QString key(size, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(key.data());
    bool first = true;
    for (const QStringView p : parts) {
        if (!std::exchange(first, false))
            *out++ = u'\t';
        for (const QChar c : p) {
            const char16_t u = c.unicode();
            *out++ = u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u;
        }
    }
    return key;
}

} // namespace

int StatusTable::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        const QChar x = a.at(i);
        const QChar y = b.at(j);
        if (x.isDigit() && y.isDigit()) {
            // Compare the whole numbers: skip leading zeros, then length, then digits.
            qsizetype xs = i;
            qsizetype ys = j;
            while (xs < a.size() && a.at(xs) == u'0')
                ++xs;
            while (ys < b.size() && b.at(ys) == u'0')
                ++ys;
            qsizetype xe = xs;
            qsizetype ye = ys;
            while (xe < a.size() && a.at(xe).isDigit())
                ++xe;
            while (ye < b.size() && b.at(ye).isDigit())
                ++ye;
            if (xe - xs != ye - ys)
                return xe - xs < ye - ys ? -1 : 1;
            for (qsizetype k = 0; k < xe - xs; ++k) {
                if (a.at(xs + k) != b.at(ys + k))
                    return a.at(xs + k) < b.at(ys + k) ? -1 : 1;
            }
            i = xe;
            j = ye;
            continue;
        }
        const char16_t fx = x.toCaseFolded().unicode();
        const char16_t fy = y.toCaseFolded().unicode();
        if (fx != fy)
            return fx < fy ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

StatusTable StatusTable::derive(std::vector<HostUpdateStatus> rowsIn, qint64 now, bool enabled)
{
    StatusTable t;
    auto rows = std::make_shared<std::vector<HostUpdateStatus>>(std::move(rowsIn));
    t.rows = rows;
    t.now = now;
    t.deploymentEnabled = enabled;
    const size_t n = rows->size();
    t.categories.resize(n);
    t.searchKeys.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const HostUpdateStatus &r = (*rows)[i];
        t.categories[i] = quint8(UpdateCategory::categorize(r, now, enabled));
        t.searchKeys[i] = searchKey(r);
    }
    const std::vector<HostUpdateStatus> &v = *rows;
    using R = const HostUpdateStatus &;
    t.orders[Host] = orderByHostName(v);
    t.orders[Site] = orderByText(v, &HostUpdateStatus::site);
    t.orders[Folder] = orderByText(v, &HostUpdateStatus::folder);
    t.orders[Registered] = orderByValue(v, [](R r) { return quint64(r.registered); });
    t.orders[Target] = orderByValue(v, [](R r) { return r.targetHash; });
    t.orders[Downloaded] = orderByValue(v, [](R r) { return r.downloadedHash; });
    t.orders[Installed] = orderByValue(v, [](R r) { return r.installedHash; });
    t.orders[LastCheck] = orderByValue(v, [](R r) { return signedKey(r.lastCheck); });
    t.orders[LastUpdate] = orderByValue(v, [](R r) { return signedKey(r.lastUpdate); });
    t.orders[CheckState] = orderByValue(v, [](R r) { return signedKey(r.checkState); });
    t.orders[CheckOutput] = orderByText(v, &HostUpdateStatus::checkOutput);
    t.orders[LastError] = orderByText(v, &HostUpdateStatus::lastError);
    return t;
}

void StatusTable::recategorize(qint64 nowIn, bool enabled)
{
    now = nowIn;
    deploymentEnabled = enabled;
    for (size_t i = 0; i < size(); ++i)
        categories[i] = quint8(UpdateCategory::categorize((*rows)[i], now, enabled));
}
