#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// The global setting `agent_deployment_host_selection`: which hosts get automatic agent
// updates. Every condition that is set must hold (AND); an empty selection means all hosts.
struct HostSelection
{
    QStringList sites; // match_site
    // match_folders: paths as the setting stores them, without leading slash ("linux/web"),
    // the root folder is "". A folder condition also covers every subfolder.
    QStringList folders;
    QMap<QString, QString> hostTags; // match_hosttags: tag group id -> tag id
    QMap<QString, QString> hostLabels; // match_hostlabels: label key -> value
    QStringList hostGroups; // match_hostgroups: any of them
    QStringList hosts; // match_hosts: host name is one of them
    QStringList excludeHosts; // match_exclude_hosts: host name is none of them
    QVariantMap otherKeys; // keys of newer sites this console does not know, kept on save

    bool isEmpty() const;
    int conditionCount() const; // how many of the seven conditions are set

    // Reads the setting's dict; unknown keys land in otherKeys, wrong types are ignored.
    static HostSelection fromVariant(const QVariantMap &value);
    // Writes only the conditions that are set, so an empty selection becomes {}.
    QVariantMap toVariant() const;

    // "/linux/web/", "~linux~web", "linux/web" -> "linux/web"; "/", "~", "" -> "".
    static QString normalizeFolder(QStringView path);

    friend bool operator==(const HostSelection &a, const HostSelection &b);
    friend bool operator!=(const HostSelection &a, const HostSelection &b) { return !(a == b); }
};

Q_DECLARE_METATYPE(HostSelection)
