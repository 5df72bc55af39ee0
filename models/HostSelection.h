#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// Which hosts get automatic updates: the global setting agent_deployment_host_selection. All
// conditions that are set must hold (AND); an empty selection means all hosts.
struct HostSelection
{
    QStringList sites; // match_site
    QStringList folders; // match_folders: paths without leading slash, "" is the root
    QHash<QString, QString> hostTags; // match_hosttags: tag group -> tag id
    QHash<QString, QString> hostLabels; // match_hostlabels: key -> value
    QStringList hostGroups; // match_hostgroups
    QStringList hosts; // match_hosts
    QStringList excludedHosts; // match_exclude_hosts
    // Keys of the setting this console does not know (a newer site's): written back unchanged.
    QVariantMap otherKeys;

    bool isEmpty() const;
    // The setting's dict (as JSON-like QVariantMap) and back; unknown keys are reported.
    QVariantMap toVariant() const;
    static HostSelection fromVariant(const QVariantMap &map, QStringList *unknownKeys = nullptr);
    // "linux/web", "/linux/web", "~linux~web" -> "linux/web"; root -> "".
    static QString normalFolder(const QString &folder);

    bool operator==(const HostSelection &other) const = default;
};
