#include "DemoAgentService.h"

#include <QDateTime>
#include <QStringList>

#include "HostUpdateStatus.h"

using namespace Qt::StringLiterals;

QString DemoAgentService::dateTime(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

namespace {

// render.timespan for ages of days and hours, as the check prints them.
QString timespan(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    if (days > 0)
        return u"%1 days %2 hours"_s.arg(days).arg(hours);
    const qint64 minutes = (seconds % 3600) / 60;
    return u"%1 hours %2 minutes"_s.arg(hours).arg(minutes);
}

} // namespace

DemoAgentService DemoAgentService::of(const HostUpdateStatus &row, const QString &os, qint64 now,
                                      const QString &updateUrl)
{
    DemoAgentService s;
    QStringList summary { u"Version: 2.4.0p17"_s, u"OS: %1"_s.arg(os) };
    QStringList details;
    const auto warn = [&](const QString &text) {
        summary << text + u"(!)"_s;
        s.state = 1;
    };
    if (!row.lastError.isEmpty()) {
        const QString first = row.lastError.section(u'\n', 0, 0).trimmed();
        const QString lowered = row.lastError.toLower();
        if (lowered.contains(u"deployment is currently globally disabled"_s)
            || lowered.contains(u"agent updates are disabled for host"_s))
            warn(first.isEmpty() ? u"See details"_s : first);
        else
            warn(u"Update error: "_s + (first.isEmpty() ? u"See details"_s : first));
        if (first != row.lastError)
            details << row.lastError;
    }
    if (row.lastCheck < 0) {
        warn(u"No successful connect to server yet"_s);
    } else {
        const qint64 age = now - row.lastCheck;
        if (age >= 2 * 86400)
            warn(u"Time since last update check: %1 (warn/crit at 2 days 0 hours)"_s.arg(
                timespan(age)));
        details << u"Last update check: "_s + dateTime(row.lastCheck);
    }
    if (row.lastUpdate > 0)
        summary << u"Last update: "_s + dateTime(row.lastUpdate);
    if (!updateUrl.isEmpty() && row.registered)
        details << u"Update URL: "_s + updateUrl;
    if (row.installedHash != 0)
        details << u"Agent configuration: "_s + HostUpdateStatus::hashText(row.installedHash);
    if (row.pendingHash != 0)
        details << u"Pending installation: "_s + HostUpdateStatus::hashText(row.pendingHash);
    s.summary = summary.join(u", "_s);
    s.details = details.join(u'\n');
    return s;
}
