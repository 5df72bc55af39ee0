#include "UpdateCategory.h"

#include <QCoreApplication>

namespace UpdateCategory {

Category categorize(const HostUpdateStatus &s, qint64 now, bool deploymentEnabled)
{
    if (!deploymentEnabled)
        return GloballyDisabled;
    if (!s.selected)
        return LeftOut;
    if (!s.registered)
        return NotRegistered;
    if (s.lastCheck < 0)
        return NeverContacted;
    if (!s.lastError.isEmpty())
        return Failing;
    if (now - s.lastCheck > 2 * qint64(qMax(1, s.interval)))
        return Stale;
    if (s.targetHash != 0 && s.installedHash == s.targetHash)
        return UpToDate;
    if (s.targetHash != 0 && s.downloadedHash == s.targetHash)
        return UpdatePending;
    if (s.targetHash == 0)
        return UpToDate; // nothing baked for it: nothing to do
    return Outdated;
}

QString name(Category c)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("UpdateCategory", "Up to date"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Update pending"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Outdated"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Failing"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Stale"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Never contacted"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Not registered"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Left out by selection"),
        QT_TRANSLATE_NOOP("UpdateCategory", "Globally disabled"),
    };
    return c >= 0 && c < Count ? QCoreApplication::translate("UpdateCategory", names[c])
                               : QString();
}

QString description(Category c)
{
    static const char *const texts[] = {
        QT_TRANSLATE_NOOP("UpdateCategory", "The installed agent is the target agent."),
        QT_TRANSLATE_NOOP("UpdateCategory",
                          "The target agent was downloaded but is not installed yet."),
        QT_TRANSLATE_NOOP(
            "UpdateCategory",
            "The installed agent differs from the target and the target was not downloaded."),
        QT_TRANSLATE_NOOP("UpdateCategory", "The last update check reported an error."),
        QT_TRANSLATE_NOOP("UpdateCategory",
                          "The last update check is older than twice the check interval."),
        QT_TRANSLATE_NOOP("UpdateCategory",
                          "Registered, but the updater has never contacted the site."),
        QT_TRANSLATE_NOOP("UpdateCategory", "The host is not registered for automatic updates."),
        QT_TRANSLATE_NOOP("UpdateCategory",
                          "The host selection of the automatic updates leaves this host out."),
        QT_TRANSLATE_NOOP("UpdateCategory", "The master switch of automatic agent updates is off."),
    };
    return c >= 0 && c < Count ? QCoreApplication::translate("UpdateCategory", texts[c])
                               : QString();
}

QColor color(Category c)
{
    static const QRgb colors[] = { 0x2e9d5b, 0x4d8fd6, 0xe0a100, 0xd0453c, 0x9b6a3c,
                                   0x8e7cc3, 0x7f8c8d, 0xb0b7bd, 0x5d6d7e };
    return c >= 0 && c < Count ? QColor(colors[c]) : QColor(Qt::gray);
}

} // namespace UpdateCategory
