#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// One host of the site's inventory, with the attributes that host selection looks at.
struct Host
{
    QString name;
    QString folder; // Checkmk folder path as REST reports it: "/" is the root, "/linux/web"
    QString site;
    QHash<QString, QString> tags; // tag group id -> tag id
    QHash<QString, QString> labels;
    QStringList hostGroups;
    bool hostGroupsKnown = false; // false when the site does not report host groups

    // Host names as the site accepts them: ^[-0-9a-zA-Z_.]+$
    static bool isValidName(QStringView name);
};
