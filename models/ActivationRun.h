#pragma once

#include <QString>
#include <QStringList>

// One activation of changes as the site reports it.
struct ActivationRun
{
    QString id;
    bool running = false;
    QStringList sites;
    QStringList siteStates; // "site: status text", one per site
};
