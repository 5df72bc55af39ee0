#include "HostSelection.h"

using namespace Qt::StringLiterals;

namespace {
const QString kSite = u"match_site"_s;
const QString kFolders = u"match_folders"_s;
const QString kHostTags = u"match_hosttags"_s;
const QString kHostLabels = u"match_hostlabels"_s;
const QString kHostGroups = u"match_hostgroups"_s;
const QString kHosts = u"match_hosts"_s;
const QString kExcludeHosts = u"match_exclude_hosts"_s;

QStringList stringList(const QVariant &value)
{
    QStringList out;
    const QVariantList items = value.toList();
    for (const QVariant &item : items) {
        if (item.typeId() == QMetaType::QString)
            out.append(item.toString());
    }
    return out;
}

QMap<QString, QString> stringMap(const QVariant &value)
{
    QMap<QString, QString> out;
    const QVariantMap map = value.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (it.value().typeId() == QMetaType::QString)
            out.insert(it.key(), it.value().toString());
    }
    return out;
}

// Lists as the reader produces them, so a parsed setting and toVariant() compare equal.
QVariantList variantList(const QStringList &list)
{
    return QVariantList(list.cbegin(), list.cend());
}

QVariantMap variantMap(const QMap<QString, QString> &map)
{
    QVariantMap out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}
} // namespace

bool HostSelection::isEmpty() const
{
    return conditionCount() == 0;
}

int HostSelection::conditionCount() const
{
    return int(!sites.isEmpty()) + int(!folders.isEmpty()) + int(!hostTags.isEmpty())
        + int(!hostLabels.isEmpty()) + int(!hostGroups.isEmpty()) + int(!hosts.isEmpty())
        + int(!excludeHosts.isEmpty());
}

HostSelection HostSelection::fromVariant(const QVariantMap &value)
{
    HostSelection s;
    s.sites = stringList(value.value(kSite));
    const QStringList folders = stringList(value.value(kFolders));
    for (const QString &folder : folders)
        s.folders.append(normalizeFolder(folder));
    s.hostTags = stringMap(value.value(kHostTags));
    s.hostLabels = stringMap(value.value(kHostLabels));
    s.hostGroups = stringList(value.value(kHostGroups));
    s.hosts = stringList(value.value(kHosts));
    s.excludeHosts = stringList(value.value(kExcludeHosts));
    for (auto it = value.cbegin(); it != value.cend(); ++it) {
        static const QStringList known { kSite,       kFolders, kHostTags,    kHostLabels,
                                         kHostGroups, kHosts,   kExcludeHosts };
        if (!known.contains(it.key()))
            s.otherKeys.insert(it.key(), it.value());
    }
    return s;
}

QVariantMap HostSelection::toVariant() const
{
    QVariantMap out = otherKeys;
    if (!sites.isEmpty())
        out.insert(kSite, variantList(sites));
    if (!folders.isEmpty()) {
        QStringList normalized;
        for (const QString &folder : folders)
            normalized.append(normalizeFolder(folder));
        out.insert(kFolders, variantList(normalized));
    }
    if (!hostTags.isEmpty())
        out.insert(kHostTags, variantMap(hostTags));
    if (!hostLabels.isEmpty())
        out.insert(kHostLabels, variantMap(hostLabels));
    if (!hostGroups.isEmpty())
        out.insert(kHostGroups, variantList(hostGroups));
    if (!hosts.isEmpty())
        out.insert(kHosts, variantList(hosts));
    if (!excludeHosts.isEmpty())
        out.insert(kExcludeHosts, variantList(excludeHosts));
    return out;
}

QString HostSelection::normalizeFolder(QStringView path)
{
    QString p = path.trimmed().toString();
    p.replace(u'~', u'/');
    while (p.startsWith(u'/'))
        p.remove(0, 1);
    while (p.endsWith(u'/'))
        p.chop(1);
    return p;
}

bool operator==(const HostSelection &a, const HostSelection &b)
{
    return a.sites == b.sites && a.folders == b.folders && a.hostTags == b.hostTags
        && a.hostLabels == b.hostLabels && a.hostGroups == b.hostGroups && a.hosts == b.hosts
        && a.excludeHosts == b.excludeHosts && a.otherKeys == b.otherKeys;
}
