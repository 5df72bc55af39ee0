#include "HostSelection.h"

using namespace Qt::StringLiterals;

bool HostSelection::isEmpty() const
{
    return sites.isEmpty() && folders.isEmpty() && hostTags.isEmpty() && hostLabels.isEmpty()
        && hostGroups.isEmpty() && hosts.isEmpty() && excludedHosts.isEmpty();
}

QString HostSelection::normalFolder(const QString &folder)
{
    QString f = folder;
    f.replace(u'~', u'/');
    while (f.startsWith(u'/'))
        f.remove(0, 1);
    while (f.endsWith(u'/'))
        f.chop(1);
    return f;
}

namespace {

QVariantMap toMap(const QHash<QString, QString> &hash)
{
    QVariantMap map;
    for (auto it = hash.cbegin(); it != hash.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

QHash<QString, QString> toHash(const QVariant &value)
{
    QHash<QString, QString> hash;
    const QVariantMap map = value.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        hash.insert(it.key(), it.value().toString());
    return hash;
}

} // namespace

QVariantMap HostSelection::toVariant() const
{
    QVariantMap map = otherKeys;
    if (!sites.isEmpty())
        map.insert(u"match_site"_s, sites);
    if (!folders.isEmpty())
        map.insert(u"match_folders"_s, folders);
    if (!hostTags.isEmpty())
        map.insert(u"match_hosttags"_s, toMap(hostTags));
    if (!hostLabels.isEmpty())
        map.insert(u"match_hostlabels"_s, toMap(hostLabels));
    if (!hostGroups.isEmpty())
        map.insert(u"match_hostgroups"_s, hostGroups);
    if (!hosts.isEmpty())
        map.insert(u"match_hosts"_s, hosts);
    if (!excludedHosts.isEmpty())
        map.insert(u"match_exclude_hosts"_s, excludedHosts);
    return map;
}

HostSelection HostSelection::fromVariant(const QVariantMap &map, QStringList *unknownKeys)
{
    HostSelection s;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &key = it.key();
        if (key == u"match_site"_s)
            s.sites = it.value().toStringList();
        else if (key == u"match_folders"_s) {
            for (const QString &f : it.value().toStringList())
                s.folders << normalFolder(f);
        } else if (key == u"match_hosttags"_s)
            s.hostTags = toHash(it.value());
        else if (key == u"match_hostlabels"_s)
            s.hostLabels = toHash(it.value());
        else if (key == u"match_hostgroups"_s)
            s.hostGroups = it.value().toStringList();
        else if (key == u"match_hosts"_s)
            s.hosts = it.value().toStringList();
        else if (key == u"match_exclude_hosts"_s)
            s.excludedHosts = it.value().toStringList();
        else {
            s.otherKeys.insert(key, it.value());
            if (unknownKeys)
                *unknownKeys << key;
        }
    }
    return s;
}
