#pragma once

#include <QColor>
#include <QString>

#include "HostUpdateStatus.h"

// Where a host stands in the roll-out. Defined here once; the statistics, the filter and the
// README use these. Decided in this order (the first that applies wins):
//  1. GloballyDisabled  the master switch is off
//  2. LeftOut           the host selection leaves the host out
//  3. NotRegistered     the host has no host secret at the site
//  4. NeverContacted    registered, but its updater never called
//  5. Failing           the last update check reported an error
//  6. Stale             the last check is older than twice the interval
//  7. UpToDate          installed == target
//  8. UpdatePending     downloaded == target, not installed yet
//  9. Outdated          target differs from installed and was not downloaded
namespace UpdateCategory {
enum Category {
    UpToDate,
    UpdatePending,
    Outdated,
    Failing,
    Stale,
    NeverContacted,
    NotRegistered,
    LeftOut,
    GloballyDisabled,
    Count
};

Category categorize(const HostUpdateStatus &status, qint64 now, bool deploymentEnabled);
QString name(Category category);
QString description(Category category);
QColor color(Category category);
} // namespace UpdateCategory
