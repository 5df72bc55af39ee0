#pragma once

#include <utility>
#include <vector>

#include "StatusTable.h"

// What a refresh of the update-status table changes, computed in a worker from the rows shown
// and the rows read: the old rows that are gone, how many new hosts are appended, which rows
// changed, and the whole new table (old hosts keep their place, new ones go to the end).
// Applied as row removals, inserts and batched dataChanged, the view keeps selection, sort and
// scroll.
struct StatusRefresh
{
    using Range = std::pair<int, int>; // first, last (inclusive)

    std::vector<Range> removed; // in the old rows, from the last range to the first
    int inserted = 0; // appended after the kept rows
    std::vector<Range> changed; // in the new rows (kept rows only)
    StatusTable table;

    static StatusRefresh compute(const std::vector<HostUpdateStatus> &shown,
                                 std::vector<HostUpdateStatus> read, qint64 now, bool enabled);
};
