#include "StatusTable.h"

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

template<typename Less> std::shared_ptr<const StatusTable::Order> orderBy(size_t n, Less less)
{
    auto order = std::make_shared<StatusTable::Order>(n);
    std::iota(order->begin(), order->end(), 0u);
    // Stable: equal values keep the site's order.
    std::stable_sort(order->begin(), order->end(), less);
    return order;
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
        t.searchKeys[i]
            = (r.hostName + u'\t' + r.site + u'\t' + r.folder + u'\t' + r.lastError).toLower();
    }
    const std::vector<HostUpdateStatus> &v = *rows;
    const auto text = [&v](QString HostUpdateStatus::*field) {
        return [&v, field](quint32 a, quint32 b) {
            return (v[a].*field).compare(v[b].*field, Qt::CaseInsensitive) < 0;
        };
    };
    const auto value = [&v](auto field) {
        return [&v, field](quint32 a, quint32 b) {
            return (v[a].*field) < (v[b].*field);
        };
    };
    t.orders[Host] = orderBy(
        n, [&v](quint32 a, quint32 b) { return naturalCompare(v[a].hostName, v[b].hostName) < 0; });
    t.orders[Site] = orderBy(n, text(&HostUpdateStatus::site));
    t.orders[Folder] = orderBy(n, text(&HostUpdateStatus::folder));
    t.orders[Registered] = orderBy(n, value(&HostUpdateStatus::registered));
    t.orders[Target] = orderBy(n, value(&HostUpdateStatus::targetHash));
    t.orders[Downloaded] = orderBy(n, value(&HostUpdateStatus::downloadedHash));
    t.orders[Installed] = orderBy(n, value(&HostUpdateStatus::installedHash));
    t.orders[LastCheck] = orderBy(n, value(&HostUpdateStatus::lastCheck));
    t.orders[LastUpdate] = orderBy(n, value(&HostUpdateStatus::lastUpdate));
    t.orders[CheckState] = orderBy(n, value(&HostUpdateStatus::checkState));
    t.orders[CheckOutput] = orderBy(n, text(&HostUpdateStatus::checkOutput));
    t.orders[LastError] = orderBy(n, text(&HostUpdateStatus::lastError));
    return t;
}

void StatusTable::recategorize(qint64 nowIn, bool enabled)
{
    now = nowIn;
    deploymentEnabled = enabled;
    for (size_t i = 0; i < size(); ++i)
        categories[i] = quint8(UpdateCategory::categorize((*rows)[i], now, enabled));
}
