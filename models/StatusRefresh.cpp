#include "StatusRefresh.h"

#include <QHash>

#include <algorithm>

namespace {

// Consecutive positions as ranges.
std::vector<StatusRefresh::Range> ranges(const std::vector<int> &sorted)
{
    std::vector<StatusRefresh::Range> out;
    for (const int p : sorted) {
        if (!out.empty() && out.back().second + 1 == p)
            out.back().second = p;
        else
            out.emplace_back(p, p);
    }
    return out;
}

} // namespace

StatusRefresh StatusRefresh::compute(const std::vector<HostUpdateStatus> &shown,
                                     std::vector<HostUpdateStatus> read, qint64 now, bool enabled)
{
    QHash<QStringView, int> readIndex;
    readIndex.reserve(qsizetype(read.size()));
    for (size_t i = 0; i < read.size(); ++i)
        readIndex.insert(read[i].hostName, int(i));

    StatusRefresh refresh;
    std::vector<HostUpdateStatus> rows;
    rows.reserve(read.size());
    std::vector<bool> taken(read.size(), false);
    std::vector<int> removed;
    std::vector<int> changed;
    for (size_t i = 0; i < shown.size(); ++i) {
        const auto it = readIndex.constFind(shown[i].hostName);
        if (it == readIndex.cend() || taken[size_t(*it)]) {
            removed.push_back(int(i));
            continue;
        }
        taken[size_t(*it)] = true;
        if (!(read[size_t(*it)] == shown[i]))
            changed.push_back(int(rows.size()));
        rows.push_back(std::move(read[size_t(*it)]));
    }
    const size_t kept = rows.size();
    for (size_t i = 0; i < read.size(); ++i) {
        if (!taken[i])
            rows.push_back(std::move(read[i]));
    }
    refresh.inserted = int(rows.size() - kept);
    refresh.removed = ranges(removed);
    std::reverse(refresh.removed.begin(), refresh.removed.end());
    refresh.changed = ranges(changed);
    refresh.table = StatusTable::derive(std::move(rows), now, enabled);
    return refresh;
}
