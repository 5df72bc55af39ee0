#include "DemoInventory.h"

#include <QRandomGenerator>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

struct Role
{
    const char *prefix;
    const char *folder;
    const char *os;
    const char *group;
};

// Role of a host: where it lives, what it runs.
constexpr Role roles[] = {
    { "web", "/linux/web", "linux", "web" },
    { "db", "/linux/db", "linux", "databases" },
    { "app", "/linux/app", "linux", "applications" },
    { "dc", "/windows/dc", "windows", "windows" },
    { "file", "/windows/file", "windows", "windows" },
    { "aix", "/unix/aix", "aix", "unix" },
    { "sol", "/unix/solaris", "solaris", "unix" },
    { "sw", "/network", "linux", "network" },
};

} // namespace

DemoInventory DemoInventory::generate(int hostCount, quint32 seed, const QString &centralSite)
{
    DemoInventory inv;
    inv.sites = { centralSite, centralSite + u"_eu"_s, centralSite + u"_us"_s };
    inv.tagGroups = {
        { u"criticality"_s,
          u"Criticality"_s,
          u"Host tags"_s,
          { { u"prod"_s, u"Productive system"_s },
            { u"critical"_s, u"Business critical"_s },
            { u"test"_s, u"Test system"_s },
            { u"offline"_s, u"Do not monitor this host"_s } } },
        { u"networking"_s,
          u"Networking segment"_s,
          u"Host tags"_s,
          { { u"lan"_s, u"Local network (low latency)"_s },
            { u"wan"_s, u"WAN (high latency)"_s },
            { u"dmz"_s, u"DMZ (low latency, secure access)"_s } } },
        { u"agent"_s,
          u"Checkmk agent / API integrations"_s,
          u"Monitoring agents"_s,
          { { u"cmk-agent"_s, u"API integrations if configured, else Checkmk agent"_s },
            { u"no-agent"_s, u"No API integrations, no Checkmk agent"_s } } },
        { u"os"_s,
          u"Operating system"_s,
          u"Host tags"_s,
          { { u"linux"_s, u"Linux"_s },
            { u"windows"_s, u"Windows"_s },
            { u"aix"_s, u"AIX"_s },
            { u"solaris"_s, u"Solaris"_s } } },
    };
    inv.hostGroups
        = { { u"web"_s, u"Web servers"_s },           { u"databases"_s, u"Databases"_s },
            { u"applications"_s, u"Applications"_s }, { u"windows"_s, u"Windows servers"_s },
            { u"unix"_s, u"Unix servers"_s },         { u"network"_s, u"Network devices"_s },
            { u"linux"_s, u"All Linux hosts"_s } };
    static const char *const regions[] = { "eu", "us", "ap" };
    static const char *const envs[] = { "prod", "prod", "prod", "staging", "test" };
    static const char *const teams[] = { "platform", "payments", "search", "data", "workplace" };

    QRandomGenerator random(seed);
    QSet<QString> folders { u"/"_s };
    inv.hosts.reserve(hostCount);
    inv.m_index.reserve(hostCount);
    for (int i = 0; i < hostCount; ++i) {
        const Role &role = roles[random.bounded(int(std::size(roles)))];
        const char *region = regions[random.bounded(3)];
        Host h;
        h.name = QString::asprintf("%s-%s-%05d", role.prefix, region, i);
        h.folder = QString::fromLatin1(role.folder);
        folders.insert(h.folder);
        const QString folderParent = h.folder.section(u'/', 0, 1);
        folders.insert(folderParent);
        // The central site monitors "ap"; the remote sites their regions.
        h.site = region[0] == 'e' ? inv.sites.at(1)
            : region[0] == 'u'    ? inv.sites.at(2)
                                  : inv.sites.at(0);
        const QString env = QString::fromLatin1(envs[random.bounded(int(std::size(envs)))]);
        const int c = random.bounded(100);
        h.tags.insert(u"criticality"_s,
                      env == u"test"_s ? u"test"_s
                          : c < 8      ? u"critical"_s
                          : c < 10     ? u"offline"_s
                                       : u"prod"_s);
        h.tags.insert(u"networking"_s,
                      role.prefix[0] == 'w'        ? u"dmz"_s
                          : random.bounded(10) < 2 ? u"wan"_s
                                                   : u"lan"_s);
        h.tags.insert(u"agent"_s, role.prefix[1] == 'w' ? u"no-agent"_s : u"cmk-agent"_s);
        h.tags.insert(u"os"_s, QString::fromLatin1(role.os));
        h.labels.insert(u"cmk/os_family"_s, QString::fromLatin1(role.os));
        h.labels.insert(u"env"_s, env);
        h.labels.insert(u"team"_s,
                        QString::fromLatin1(teams[random.bounded(int(std::size(teams)))]));
        h.labels.insert(u"region"_s, QString::fromLatin1(region));
        h.hostGroups << QString::fromLatin1(role.group);
        if (QLatin1StringView(role.os) == "linux"_L1)
            h.hostGroups << u"linux"_s;
        h.hostGroupsKnown = true;
        inv.m_index.insert(h.name, i);
        inv.hosts << std::move(h);
    }
    inv.folders = QStringList(folders.cbegin(), folders.cend());
    inv.folders.sort();
    return inv;
}

int DemoInventory::indexOf(const QString &hostName) const
{
    return m_index.value(hostName, -1);
}

void DemoInventory::addHost(const Host &host)
{
    m_index.insert(host.name, int(hosts.size()));
    hosts.append(host);
    if (!folders.contains(host.folder))
        folders.append(host.folder);
}

bool DemoInventory::hasFolder(const QString &path) const
{
    if (path == u"/")
        return true;
    for (const QString &f : folders) {
        if (f == path || f.startsWith(path + u'/'))
            return true;
    }
    return false;
}
