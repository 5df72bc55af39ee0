#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "Host.h"

// The seeded configuration of the demo site: hosts in a folder tree, tag groups, labels, three
// sites and host groups; the same for the same seed.
struct DemoInventory
{
    struct Tag
    {
        QString id;
        QString title;
    };
    struct TagGroup
    {
        QString id;
        QString title;
        QString topic;
        QList<Tag> tags;
    };
    struct HostGroup
    {
        QString name;
        QString alias;
    };

    QList<Host> hosts;
    QStringList sites; // central first
    QStringList folders; // "/" and every folder that holds hosts
    QList<TagGroup> tagGroups;
    QList<HostGroup> hostGroups;

    static DemoInventory generate(int hostCount, quint32 seed, const QString &centralSite);
    // Index of a host by name, -1 when unknown.
    int indexOf(const QString &hostName) const;
    // Adds a host (POST host_config); the caller checked that the name is new.
    void addHost(const Host &host);
    // A folder that exists: "/", a folder holding hosts or one of its parents.
    bool hasFolder(const QString &path) const;

private:
    QHash<QString, int> m_index;
};
