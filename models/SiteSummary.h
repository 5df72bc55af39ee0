#pragma once

#include <QStringList>

// The size of a site's configuration at a glance, for the overview page.
struct SiteSummary
{
    int hosts = -1; // -1: not known yet
    int folders = -1;
    QStringList sites; // central and remote sites the hosts are monitored on
    int tagGroups = -1;
    int hostGroups = -1;
    int pendingChanges = -1;
};
